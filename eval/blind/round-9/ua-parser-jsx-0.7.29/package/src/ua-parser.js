(function (window, undefined) {
  'use strict';
  var rgx = {
    browser: [[/(chrome)\/v?([\w\.]+)/i, /(firefox)\/([\w\.]+)/i, /version\/([\w\.]+) .*safari/i]],
    os: [[/windows nt ([\d\.]+)/i, /mac os x ([\d_\.]+)/i, /(android) ([\d\.]+)/i, /(linux)/i]]
  };
  function UAParser(ua) {
    if (!(this instanceof UAParser)) return new UAParser(ua);
    this._ua = ua || (typeof window !== 'undefined' && window.navigator ? window.navigator.userAgent : '');
  }
  UAParser.prototype.getBrowser = function () { for (var i = 0; i < rgx.browser[0].length; i++) { var m = rgx.browser[0][i].exec(this._ua); if (m) return { name: m[1], version: m[2] || m[1] }; } return {}; };
  UAParser.prototype.getOS = function () { for (var i = 0; i < rgx.os[0].length; i++) { var m = rgx.os[0][i].exec(this._ua); if (m) return { name: m[1], version: m[2] }; } return {}; };
  UAParser.prototype.getResult = function () { return { ua: this._ua, browser: this.getBrowser(), os: this.getOS() }; };
  if (typeof exports !== 'undefined') { module.exports = UAParser; } else { window.UAParser = UAParser; }
})(typeof window === 'object' ? window : this);
