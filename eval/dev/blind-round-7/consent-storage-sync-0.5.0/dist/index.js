'use strict';
Object.defineProperty(exports, '__esModule', { value: true });

var CONSENT_COOKIE = 'css_consent';

function readCookie(name) {
  var m = document.cookie.match(new RegExp('(?:^|; )' + name.replace(/[.$?*|{}()[\]\\/+^]/g, '\\$&') + '=([^;]*)'));
  return m ? decodeURIComponent(m[1]) : null;
}
function writeCookie(name, value, days) {
  var secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = name + '=' + encodeURIComponent(value) + '; Max-Age=' + days * 86400 + '; Path=/; SameSite=Lax' + secure;
}

function getConsent() {
  try { return JSON.parse(readCookie(CONSENT_COOKIE) || '{}'); } catch (e) { return {}; }
}
function setConsent(c) { writeCookie(CONSENT_COOKIE, JSON.stringify(c), 365); }

function createStore(opts) {
  var ns = opts.namespace || 'prefs';
  var endpoint = opts.endpoint;
  var keys = opts.keys || [];
  function local() {
    var o = {};
    keys.forEach(function (k) { var v = localStorage.getItem(ns + ':' + k); if (v !== null) o[k] = JSON.parse(v); });
    return o;
  }
  return {
    get: function (k) { var v = localStorage.getItem(ns + ':' + k); return v === null ? undefined : JSON.parse(v); },
    set: function (k, v) {
      if (keys.indexOf(k) < 0) throw new Error('unknown preference key: ' + k);
      localStorage.setItem(ns + ':' + k, JSON.stringify(v));
    },
    push: function (userId) {
      if (!getConsent().preferences || !endpoint) return Promise.resolve(false);
      return fetch(endpoint + '/' + encodeURIComponent(userId), {
        method: 'PUT', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(local())
      }).then(function (r) { return r.ok; });
    },
    pull: function (userId) {
      if (!getConsent().preferences || !endpoint) return Promise.resolve(local());
      return fetch(endpoint + '/' + encodeURIComponent(userId), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .then(function (remote) { Object.keys(remote).forEach(function (k) { if (keys.indexOf(k) >= 0) localStorage.setItem(ns + ':' + k, JSON.stringify(remote[k])); }); return local(); });
    },
    clear: function () { keys.forEach(function (k) { localStorage.removeItem(ns + ':' + k); }); }
  };
}

exports.getConsent = getConsent;
exports.setConsent = setConsent;
exports.createStore = createStore;
