// Injected into pages served by mini-hmr-server (development only).
(function () {
  var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__hmr");
  var registry = (window.__HMR_MODULES__ = window.__HMR_MODULES__ || {});
  ws.onmessage = function (ev) {
    var msg = JSON.parse(ev.data);
    if (msg.type !== "update") return;
    var mod = { exports: {}, hot: { dispose: null } };
    var prev = registry[msg.id];
    try {
      if (prev && prev.hot.dispose) prev.hot.dispose();
      // evaluate the updated module source with a CommonJS-like wrapper
      new Function("module", "exports", msg.code + "\n//# sourceURL=" + msg.id)(mod, mod.exports);
      registry[msg.id] = mod;
      console.info("[hmr] updated", msg.id);
    } catch (e) {
      console.warn("[hmr] update failed, reloading", e);
      location.reload();
    }
  };
  ws.onclose = function () { setTimeout(function () { location.reload(); }, 1000); };
})();
