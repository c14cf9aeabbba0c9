'use strict';
function register(opts) {
  opts = opts || {};
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return Promise.resolve(null);
  var url = (opts.swUrl || '/sw.js') + '?v=' + encodeURIComponent(opts.version || '1') + '&precache=' + encodeURIComponent((opts.precache || []).join(','));
  return navigator.serviceWorker.register(url, { scope: opts.scope || '/' }).then(function (reg) {
    reg.addEventListener('updatefound', function () {
      var w = reg.installing;
      w && w.addEventListener('statechange', function () { if (w.state === 'installed' && navigator.serviceWorker.controller && opts.onUpdate) opts.onUpdate(reg); });
    });
    return reg;
  });
}
function unregister() {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return Promise.resolve(false);
  return navigator.serviceWorker.getRegistrations().then(function (rs) { return Promise.all(rs.map(function (r) { return r.unregister(); })); });
}
module.exports = { register: register, unregister: unregister };
