'use strict';
const BROWSERS = [
  ['Edge', /Edg(?:e|A|iOS)?\/([\d.]+)/], ['Opera', /(?:OPR|Opera)\/([\d.]+)/], ['Samsung', /SamsungBrowser\/([\d.]+)/],
  ['Chrome', /(?:Chrome|CriOS)\/([\d.]+)/], ['Firefox', /(?:Firefox|FxiOS)\/([\d.]+)/], ['Safari', /Version\/([\d.]+).*Safari/]
];
const OSES = [
  ['Windows', /Windows NT ([\d.]+)/], ['iOS', /(?:iPhone|iPad|iPod).*OS ([\d_]+)/], ['Android', /Android ([\d.]+)/],
  ['macOS', /Mac OS X ([\d_.]+)/], ['ChromeOS', /CrOS \S+ ([\d.]+)/], ['Linux', /Linux()/]
];
const ENGINES = [['Blink', /Chrome\//], ['Gecko', /Gecko\/\d/], ['WebKit', /AppleWebKit\//]];

function match(list, ua) {
  for (const [name, re] of list) { const m = ua.match(re); if (m) return { name, version: (m[1] || '').replace(/_/g, '.') || undefined }; }
  return { name: undefined, version: undefined };
}

function parse(ua) {
  ua = String(ua || (typeof navigator !== 'undefined' ? navigator.userAgent : ''));
  const device = /Mobi|iPhone|Android.*Mobile/.test(ua) ? 'mobile' : /iPad|Tablet|Android/.test(ua) ? 'tablet' : /bot|crawl|spider/i.test(ua) ? 'bot' : 'desktop';
  return { ua, browser: match(BROWSERS, ua), os: match(OSES, ua), engine: match(ENGINES, ua), device };
}

module.exports = parse;
module.exports.parse = parse;
