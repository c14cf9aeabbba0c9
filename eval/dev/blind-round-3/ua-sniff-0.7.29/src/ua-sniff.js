/*! ua-sniff v0.7.29 | MIT */
(function (window, undefined) {
  'use strict';
  var EMPTY = '', UNKNOWN = '?', FUNC_TYPE = 'function', UNDEF_TYPE = 'undefined', OBJ_TYPE = 'object', STR_TYPE = 'string',
      MAJOR = 'major', MODEL = 'model', NAME = 'name', TYPE = 'type', VENDOR = 'vendor', VERSION = 'version',
      ARCHITECTURE = 'architecture', CONSOLE = 'console', MOBILE = 'mobile', TABLET = 'tablet', SMARTTV = 'smarttv';
  var util = {
    extend: function (regexes, extensions) {
      var merged = {};
      for (var i in regexes) {
        merged[i] = (extensions[i] && extensions[i].length % 2 === 0) ? extensions[i].concat(regexes[i]) : regexes[i];
      }
      return merged;
    },
    has: function (str1, str2) { return typeof str1 === STR_TYPE ? str2.toLowerCase().indexOf(str1.toLowerCase()) !== -1 : false; },
    lowerize: function (str) { return str.toLowerCase(); },
    major: function (version) { return typeof version === STR_TYPE ? version.replace(/[^\d\.]/g, EMPTY).split('.')[0] : undefined; },
    trim: function (str, len) { str = str.replace(/^[\s\uFEFF\xA0]+|[\s\uFEFF\xA0]+$/g, EMPTY); return typeof len === UNDEF_TYPE ? str : str.substring(0, 255); }
  };
  var mapper = {
    rgx: function (ua, arrays) {
      var i = 0, j, k, p, q, matches, match;
      while (i < arrays.length && !matches) {
        var regex = arrays[i], props = arrays[i + 1];
        j = k = 0;
        while (j < regex.length && !matches) {
          matches = regex[j++].exec(ua);
          if (!!matches) {
            for (p = 0; p < props.length; p++) {
              match = matches[++k];
              q = props[p];
              if (typeof q === OBJ_TYPE && q.length > 0) {
                if (q.length === 2) this[q[0]] = typeof q[1] == FUNC_TYPE ? q[1].call(this, match) : q[1];
                else if (q.length === 3) this[q[0]] = (typeof q[1] === FUNC_TYPE && !(q[1].exec && q[1].test)) ? (match ? q[1].call(this, match, q[2]) : undefined) : (match ? match.replace(q[1], q[2]) : undefined);
                else if (q.length === 4) this[q[0]] = match ? q[3].call(this, match.replace(q[1], q[2])) : undefined;
              } else {
                this[q] = match ? match : undefined;
              }
            }
          }
        }
        i += 2;
      }
    }
  };
  var regexes = {
    browser: [
      [/(opera\smini)\/([\w\.-]+)/i, /(opera\s[mobiletab]+).+version\/([\w\.-]+)/i, /(opera).+version\/([\w\.]+)/i], [NAME, VERSION],
      [/(edge|edgios|edga|edg)\/((\d+)?[\w\.]+)/i], [[NAME, 'Edge'], VERSION],
      [/(firefox)\/([\w\.-]+)$/i, /(mozilla)\/([\w\.]+).+rv\:.+gecko\/\d+/i], [NAME, VERSION],
      [/((?:android.+)crmo|crios)\/([\w\.]+)/i], [[NAME, 'Chrome Mobile'], VERSION],
      [/(chrome|chromium|omniweb|arora|[tizenoka]{5}\s?browser)\/v?([\w\.]+)/i], [NAME, VERSION],
      [/version\/([\w\.]+)\s.*mobile\/\w+\s(safari)/i], [VERSION, [NAME, 'Mobile Safari']],
      [/version\/([\w\.]+)\s.*(mobile\s?safari|safari)/i], [VERSION, NAME]
    ],
    os: [
      [/microsoft\s(windows)\s(vista|xp)/i], [NAME, VERSION],
      [/(windows)\snt\s6\.2;\s(arm)/i, /(windows\sphone(?:\sos)*)[\s\/]?([\d\.\s\w]*)/i], [NAME, VERSION],
      [/(android|webos|palm\sos|qnx|bada|rim\stablet\sos|meego|sailfish|contiki)[\/\s-]?([\w\.]*)/i], [NAME, VERSION],
      [/(mac\sos\sx)\s?([\w\s\.]*)/i, /(macintosh|mac(?=_powerpc)\s)/i], [[NAME, 'Mac OS'], [VERSION, /_/g, '.']],
      [/(linux)\s?([\w\.]*)/i, /(ubuntu|debian|fedora|centos)[\/\s-]?(?!chrom)([\w\.-]*)/i], [NAME, VERSION]
    ],
    device: [
      [/\((ipad|playbook);[\w\s\),;-]+(rim|apple)/i], [MODEL, VENDOR, [TYPE, TABLET]],
      [/(apple\s{0,1}tv)/i], [[MODEL, 'Apple TV'], [VENDOR, 'Apple'], [TYPE, SMARTTV]],
      [/(iphone|ipod)/i], [MODEL, [VENDOR, 'Apple'], [TYPE, MOBILE]],
      [/(nintendo)\s([wids3u]+)/i], [VENDOR, MODEL, [TYPE, CONSOLE]]
    ]
  };
  var UAParser = function (ua, extensions) {
    if (!(this instanceof UAParser)) return new UAParser(ua, extensions).getResult();
    var _ua = ua || ((window && window.navigator && window.navigator.userAgent) ? window.navigator.userAgent : EMPTY);
    var _rgxmap = extensions ? util.extend(regexes, extensions) : regexes;
    this.getBrowser = function () { var b = { name: undefined, version: undefined }; mapper.rgx.call(b, _ua, _rgxmap.browser); b.major = util.major(b.version); return b; };
    this.getOS = function () { var o = { name: undefined, version: undefined }; mapper.rgx.call(o, _ua, _rgxmap.os); return o; };
    this.getDevice = function () { var d = { vendor: undefined, model: undefined, type: undefined }; mapper.rgx.call(d, _ua, _rgxmap.device); return d; };
    this.getUA = function () { return _ua; };
    this.setUA = function (ua) { _ua = util.trim(ua); return this; };
    this.getResult = function () { return { ua: this.getUA(), browser: this.getBrowser(), os: this.getOS(), device: this.getDevice() }; };
    return this;
  };
  UAParser.VERSION = '0.7.29';
  if (typeof exports !== UNDEF_TYPE) {
    if (typeof module !== UNDEF_TYPE && module.exports) exports = module.exports = UAParser;
    exports.UAParser = UAParser;
  } else if (typeof window !== UNDEF_TYPE) {
    window.UAParser = UAParser;
  }
})(typeof window === 'object' ? window : this);
