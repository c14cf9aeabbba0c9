'use strict';
var crumbs = [], opts = null;
function add(c) { crumbs.push(Object.assign({ ts: Date.now() }, c)); if (crumbs.length > (opts.maxBreadcrumbs || 50)) crumbs.shift(); }
function scrub(url) { try { var u = new URL(url, location.href); ['token', 'key', 'password', 'secret', 'code'].forEach(function (k) { if (u.searchParams.has(k)) u.searchParams.set(k, '[Filtered]'); }); return u.href; } catch (e) { return '[invalid url]'; } }
function instrumentFetch() {
  var orig = window.fetch; if (!orig || orig.__bt) return;
  var wrapped = function (input, init) {
    var url = typeof input === 'string' ? input : input.url, method = (init && init.method) || 'GET', start = Date.now();
    return orig.apply(this, arguments).then(function (res) {
      add({ category: 'fetch', data: { url: scrub(url), method: method, status: res.status, ms: Date.now() - start } }); return res;   // response is returned untouched
    }, function (err) { add({ category: 'fetch', level: 'error', data: { url: scrub(url), method: method } }); throw err; });
  };
  wrapped.__bt = true; window.fetch = wrapped;
}
function instrumentXhr() {
  var p = XMLHttpRequest.prototype, open = p.open, send = p.send;
  p.open = function (m, u) { this.__bt = { method: m, url: scrub(u) }; return open.apply(this, arguments); };
  p.send = function () { var x = this; x.addEventListener('loadend', function () { add({ category: 'xhr', data: Object.assign({ status: x.status }, x.__bt) }); }); return send.apply(this, arguments); };
}
function capture(err) {
  if (!opts || (opts.sampleRate !== undefined && Math.random() > opts.sampleRate)) return;
  var ev = { message: String(err && err.message || err), stack: err && err.stack, url: scrub(location.href), release: opts.release, environment: opts.environment, breadcrumbs: crumbs.slice(), userAgent: navigator.userAgent };
  if (opts.beforeSend) { ev = opts.beforeSend(ev); if (!ev) return; }
  var dsn = new URL(opts.dsn);
  navigator.sendBeacon(dsn.origin + '/api' + dsn.pathname + '/store/?bugtrail_key=' + dsn.username, JSON.stringify(ev));
}
exports.init = function (o) {
  if (!o || !o.dsn) throw new Error('Bugtrail: dsn is required');
  opts = o;
  if (o.breadcrumbs !== false) { instrumentFetch(); instrumentXhr(); }
  window.addEventListener('error', function (e) { capture(e.error || e.message); });
  window.addEventListener('unhandledrejection', function (e) { capture(e.reason); });
};
exports.captureException = capture;
