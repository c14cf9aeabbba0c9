"use strict";

Object.defineProperty(exports, "__esModule", { value: true });
exports.ToastContainer = ToastContainer;
exports.toast = void 0;
var _react = _interopRequireDefault(require("react"));
function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }

var listeners = new Set();
var seq = 0;
var VARIANTS = ["primary", "secondary", "success", "danger", "warning", "info", "light", "dark"];

function emit(t) {
  listeners.forEach(function (l) { return l(t); });
}

var toast = function toast(message, opts) {
  var t = Object.assign({ id: ++seq, message: message, variant: "primary", autohide: true, delay: 5000, title: null }, opts || {});
  if (VARIANTS.indexOf(t.variant) === -1) t.variant = "primary";
  emit({ type: "add", toast: t });
  return t.id;
};
exports.toast = toast;
VARIANTS.forEach(function (v) {
  toast[v] = function (message, opts) { return toast(message, Object.assign({}, opts, { variant: v })); };
});
toast.dismiss = function (id) { emit({ type: "remove", id: id }); };

function ToastContainer(props) {
  var position = props.position || "top-end";
  var _React$useState = _react.default.useState([]),
    items = _React$useState[0],
    setItems = _React$useState[1];
  _react.default.useEffect(function () {
    var l = function l(ev) {
      setItems(function (prev) {
        if (ev.type === "add") return prev.concat([ev.toast]);
        return prev.filter(function (x) { return x.id !== ev.id; });
      });
      if (ev.type === "add" && ev.toast.autohide) setTimeout(function () { return toast.dismiss(ev.toast.id); }, ev.toast.delay);
    };
    listeners.add(l);
    return function () { listeners.delete(l); };
  }, []);
  return _react.default.createElement("div", {
    className: "toast-container position-fixed p-3 " + position.split("-").map(function (p) { return p === "top" ? "top-0" : p === "bottom" ? "bottom-0" : p === "start" ? "start-0" : "end-0"; }).join(" ")
  }, items.map(function (t) {
    return _react.default.createElement("div", { key: t.id, className: "toast show text-bg-" + t.variant, role: "alert", "aria-live": "assertive", "aria-atomic": "true" },
      t.title ? _react.default.createElement("div", { className: "toast-header" }, _react.default.createElement("strong", { className: "me-auto" }, t.title),
        _react.default.createElement("button", { type: "button", className: "btn-close", "aria-label": "Close", onClick: function () { return toast.dismiss(t.id); } })) : null,
      _react.default.createElement("div", { className: "toast-body" }, t.message));
  }));
}
