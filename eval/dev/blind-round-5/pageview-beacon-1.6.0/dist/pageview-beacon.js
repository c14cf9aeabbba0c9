/*! pageview-beacon 1.6.0 | MIT */
(function (root, factory) { if (typeof module === "object" && module.exports) module.exports = factory(); else root.pageviewBeacon = factory(); })(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var cfg = { endpoint: "https://collect.pageview-beacon.example/e", site: null, respectDnt: true, hashMode: false };
  function dnt() { var n = typeof navigator !== "undefined" ? navigator : {}; return n.doNotTrack === "1" || n.globalPrivacyControl === true || (typeof window !== "undefined" && window.doNotTrack === "1"); }
  function send(type, props) {
    if (typeof window === "undefined" || !cfg.site) return;
    if (cfg.respectDnt && dnt()) return;
    if (/^localhost$|^127\.|^\[::1\]$/.test(location.hostname)) return;
    var body = JSON.stringify({ s: cfg.site, t: type, u: location.origin + location.pathname + (cfg.hashMode ? location.hash : ""), r: document.referrer || null, w: window.innerWidth, l: navigator.language, p: props || null });
    if (navigator.sendBeacon) navigator.sendBeacon(cfg.endpoint, new Blob([body], { type: "application/json" }));
    else fetch(cfg.endpoint, { method: "POST", body: body, keepalive: true, headers: { "content-type": "application/json" } }).catch(function () {});
  }
  function init(o) {
    for (var k in o) cfg[k] = o[k];
    send("pageview");
    var push = history.pushState;
    history.pushState = function () { var r = push.apply(this, arguments); send("pageview"); return r; };
    window.addEventListener("popstate", function () { send("pageview"); });
  }
  return { init: init, track: function (name, props) { send(name, props); } };
});
