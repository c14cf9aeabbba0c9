(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.ConsentBanner = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var COOKIE = 'cb_consent';

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].slice(0, eq) === name) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return null;
  }

  function writeCookie(name, value, days, domain) {
    var exp = new Date(Date.now() + days * 864e5).toUTCString();
    document.cookie = name + '=' + encodeURIComponent(value) + '; expires=' + exp + '; path=/; SameSite=Lax' + (domain ? '; domain=' + domain : '') + (location.protocol === 'https:' ? '; Secure' : '');
  }

  function clearCategory(prefixes) {
    var names = document.cookie.split('; ').map(function (c) { return c.split('=')[0]; });
    names.forEach(function (n) {
      if (prefixes.some(function (p) { return n.indexOf(p) === 0; })) {
        document.cookie = n + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
      }
    });
  }

  function enableScripts(categories) {
    var blocked = document.querySelectorAll('script[type="text/plain"][data-consent]');
    Array.prototype.forEach.call(blocked, function (el) {
      if (!categories[el.getAttribute('data-consent')]) return;
      var s = document.createElement('script');
      for (var i = 0; i < el.attributes.length; i++) {
        var a = el.attributes[i];
        if (a.name !== 'type' && a.name !== 'data-consent') s.setAttribute(a.name, a.value);
      }
      s.text = el.text;
      el.parentNode.replaceChild(s, el);
    });
  }

  function syncFrame(origin, state) {
    var f = document.createElement('iframe');
    f.style.display = 'none';
    f.title = 'consent-sync';
    f.src = origin + '/consent-sync.html';
    f.onload = function () { f.contentWindow.postMessage({ type: 'consent', state: state }, origin); };
    document.body.appendChild(f);
  }

  function ConsentBanner(options) {
    var opts = options || {};
    var categories = opts.categories || { necessary: true, analytics: false, marketing: false };
    var stored = readCookie(COOKIE);
    var state = stored ? JSON.parse(stored) : null;

    function apply(s) {
      state = s;
      writeCookie(COOKIE, JSON.stringify(s), opts.days || 180, opts.cookieDomain);
      if (!s.analytics) clearCategory(opts.analyticsCookies || ['_ga', '_gid']);
      if (!s.marketing) clearCategory(opts.marketingCookies || ['_fbp', '_gcl']);
      enableScripts(s);
      if (opts.syncOrigin) syncFrame(opts.syncOrigin, s);
      if (opts.onChange) opts.onChange(s);
    }

    function render() {
      var el = document.createElement('div');
      el.className = 'cb-banner';
      el.setAttribute('role', 'dialog');
      el.setAttribute('aria-label', 'Cookie consent');
      el.innerHTML = '<p>' + (opts.text || 'We use cookies to run this site and, with your permission, to measure and improve it.') + '</p>' +
        '<button type="button" data-a="reject">Reject optional</button> <button type="button" data-a="accept">Accept all</button>';
      el.addEventListener('click', function (ev) {
        var a = ev.target.getAttribute('data-a');
        if (!a) return;
        var s = {};
        for (var k in categories) s[k] = k === 'necessary' ? true : a === 'accept';
        apply(s);
        el.parentNode.removeChild(el);
      });
      document.body.appendChild(el);
    }

    if (state) enableScripts(state);
    else if (document.body) render();
    else document.addEventListener('DOMContentLoaded', render);

    return { get: function () { return state; }, set: apply, reopen: render };
  }

  return ConsentBanner;
});
