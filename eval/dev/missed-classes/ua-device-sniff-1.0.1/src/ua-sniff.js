/* ua-device-sniff v1.0.1 | MIT */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.UASniff = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var BROWSERS = [
    [/(edg|edge|edga|edgios)\/([\w.]+)/i, 'Edge'],
    [/(opr|opera)\/([\w.]+)/i, 'Opera'],
    [/(samsungbrowser)\/([\w.]+)/i, 'Samsung Internet'],
    [/(firefox|fxios)\/([\w.]+)/i, 'Firefox'],
    [/(chrome|crios|chromium)\/([\w.]+)/i, 'Chrome'],
    [/version\/([\w.]+).+?(mobile\s?safari|safari)/i, 'Safari', true],
    [/(msie)\s([\w.]+)/i, 'IE'],
    [/(trident).+rv[: ]([\w.]+)/i, 'IE']
  ];

  var ENGINES = [
    [/windows.+ edge\/([\w.]+)/i, 'EdgeHTML'],
    [/webkit\/537\.36.+chrome\/(?!27)([\w.]+)/i, 'Blink'],
    [/(presto)\/([\w.]+)/i, 'Presto'],
    [/(webkit|trident|netfront|netsurf|amaya|lynx|w3m|goanna)\/([\w.]+)/i, null],
    [/rv:([\w.]{1,9})\b.+(gecko)/i, 'Gecko', true]
  ];

  var OSES = [
    [/windows nt ([\d.]+)/i, 'Windows'],
    [/ip[honead]{2,4}\b(?:.*os ([\w]+) like mac|; opera)/i, 'iOS'],
    [/mac os x ?([\w. ]*)/i, 'Mac OS'],
    [/android[-\s/]?([\w.]*)/i, 'Android'],
    [/cros [\w]+ ([\w.]+\w)/i, 'Chrome OS'],
    [/(ubuntu|debian|fedora|arch|gentoo|mint)[\s/-]?([\w.]*)/i, null],
    [/(linux)/i, 'Linux']
  ];

  var WIN_VERSIONS = { '5.1': 'XP', '6.0': 'Vista', '6.1': '7', '6.2': '8', '6.3': '8.1', '10.0': '10' };

  function match(list, ua) {
    for (var i = 0; i < list.length; i++) {
      var m = list[i][0].exec(ua);
      if (!m) continue;
      var name = list[i][1];
      var swap = list[i][2];
      var version = swap ? m[1] : (m[2] || m[1]);
      return { name: name || (m[1] && m[1].replace(/^\w/, function (c) { return c.toUpperCase(); })), version: version };
    }
    return { name: undefined, version: undefined };
  }

  function cpu(ua) {
    if (/(?:amd|x(?:(?:86|64)[-_])?|wow|win)64(?=[^\w]|$)/i.test(ua)) return 'amd64';
    if (/(?:aarch64|arm64)/i.test(ua)) return 'arm64';
    if (/(arm(?:v[67])?ht?n?[fl]p?)/i.test(ua)) return 'armhf';
    if (/(?:i[346]|x)86[;)]/i.test(ua)) return 'ia32';
    return undefined;
  }

  function device(ua) {
    if (/\b(ipad|tablet|sm-t\d+|kindle|silk)\b/i.test(ua)) return 'tablet';
    if (/mobi|iphone|ipod|android.+mobile|windows phone/i.test(ua)) return 'mobile';
    if (/smart-?tv|hbbtv|appletv|googletv|crkey/i.test(ua)) return 'smarttv';
    return undefined;
  }

  function parse(ua) {
    ua = ua || (typeof navigator !== 'undefined' && navigator.userAgent) || '';
    var os = match(OSES, ua);
    if (os.name === 'Windows' && WIN_VERSIONS[os.version]) os.version = WIN_VERSIONS[os.version];
    if (os.version) os.version = os.version.replace(/_/g, '.');
    return {
      ua: ua,
      browser: match(BROWSERS, ua),
      engine: match(ENGINES, ua),
      os: os,
      cpu: { architecture: cpu(ua) },
      device: { type: device(ua) }
    };
  }

  return { parse: parse, VERSION: '1.0.1' };
});
