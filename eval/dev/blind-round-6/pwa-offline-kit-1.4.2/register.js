"use strict";
function register({ url = "/sw.js", scope = "/", onUpdate, onReady } = {}) {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return Promise.resolve(null);
  return navigator.serviceWorker.register(url, { scope }).then((reg) => {
    reg.addEventListener("updatefound", () => {
      const nw = reg.installing;
      nw && nw.addEventListener("statechange", () => {
        if (nw.state === "installed" && navigator.serviceWorker.controller && onUpdate) onUpdate(reg);
      });
    });
    if (onReady) navigator.serviceWorker.ready.then(onReady);
    return reg;
  });
}
function skipWaiting(reg) { reg && reg.waiting && reg.waiting.postMessage({ type: "SKIP_WAITING" }); }
function unregister() { return navigator.serviceWorker.getRegistrations().then((rs) => Promise.all(rs.map((r) => r.unregister()))); }
module.exports = { register, skipWaiting, unregister };
