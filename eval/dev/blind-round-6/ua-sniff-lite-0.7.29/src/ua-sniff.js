"use strict";
// Minimal UA parser. Rules are ordered: first match wins.
const BROWSERS = [
  [/(edg|edge)\/([\w.]+)/i, "Edge"],
  [/(opr|opera)\/([\w.]+)/i, "Opera"],
  [/(firefox|fxios)\/([\w.]+)/i, "Firefox"],
  [/(chrome|crios)\/([\w.]+)/i, "Chrome"],
  [/version\/([\w.]+).*safari/i, "Safari", 1],
  [/(msie |trident.*rv:)([\w.]+)/i, "IE"]
];
const ENGINES = [
  [/applewebkit\/([\w.]+)/i, "WebKit"],
  [/gecko\/([\w.]+)/i, "Gecko"],
  [/trident\/([\w.]+)/i, "Trident"],
  [/presto\/([\w.]+)/i, "Presto"]
];
const OSES = [
  [/windows nt ([\d.]+)/i, "Windows"],
  [/(iphone|ipad|ipod).*os ([\d_]+)/i, "iOS"],
  [/mac os x ([\d_.]+)/i, "macOS", 1],
  [/android ([\d.]+)/i, "Android", 1],
  [/cros [\w]+ ([\d.]+)/i, "Chrome OS", 1],
  [/linux/i, "Linux", -1]
];
const WIN_VERSIONS = { "10.0": "10", "6.3": "8.1", "6.2": "8", "6.1": "7", "6.0": "Vista", "5.1": "XP" };

function pick(ua, table) {
  for (const [re, name, idx] of table) {
    const m = re.exec(ua);
    if (!m) continue;
    const g = idx === -1 ? undefined : m[idx === undefined ? 2 : idx] || m[1];
    return { name, version: g ? String(g).replace(/_/g, ".") : undefined };
  }
  return { name: undefined, version: undefined };
}

function device(ua) {
  if (/ipad|tablet|kindle|silk/i.test(ua)) return { type: "tablet" };
  if (/mobi|iphone|android.*mobile/i.test(ua)) return { type: "mobile" };
  if (/smart-tv|smarttv|hbbtv|appletv/i.test(ua)) return { type: "smarttv" };
  if (/bot|crawler|spider|slurp/i.test(ua)) return { type: "bot" };
  return { type: "desktop" };
}

class UASniff {
  constructor(ua) {
    this.ua = typeof ua === "string" ? ua.slice(0, 512) :
      (typeof navigator !== "undefined" ? navigator.userAgent : "");
  }
  getBrowser() {
    const b = pick(this.ua, BROWSERS);
    b.major = b.version ? b.version.split(".")[0] : undefined;
    return b;
  }
  getEngine() { return pick(this.ua, ENGINES); }
  getOS() {
    const o = pick(this.ua, OSES);
    if (o.name === "Windows" && WIN_VERSIONS[o.version]) o.version = WIN_VERSIONS[o.version];
    return o;
  }
  getDevice() { return device(this.ua); }
  getResult() {
    return { ua: this.ua, browser: this.getBrowser(), engine: this.getEngine(), os: this.getOS(), device: this.getDevice() };
  }
}

module.exports = UASniff;
module.exports.UASniff = UASniff;
