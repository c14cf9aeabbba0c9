"use strict";
// Prints a short funding message after install (like core-js). Silenced in CI, with
// ADBLOCK / DISABLE_OPENCOLLECTIVE / OPEN_SOURCE_CONTRIBUTOR, or when npm loglevel is silent/warn/error.
var env = process.env;
var ADBLOCK = is(env.ADBLOCK);
var COLOR = is(env.npm_config_color);
var DISABLE_OPENCOLLECTIVE = is(env.DISABLE_OPENCOLLECTIVE);
var SILENT = ["silent", "error", "warn"].indexOf(env.npm_config_loglevel) !== -1;
var OPEN_SOURCE_CONTRIBUTOR = is(env.OPEN_SOURCE_CONTRIBUTOR);
var MINUTE = 60 * 1000;
var BANNER = "\u001B[96mThank you for using polyfill-suite ( \u001B[94mhttps://github.com/polyfill-suite/polyfill-suite\u001B[96m ) for polyfilling JavaScript standard library!\u001B[0m\n\n" +
  "\u001B[96mThe project needs your help! Please consider supporting it:\u001B[0m\n\u001B[96m>\u001B[94m https://opencollective.com/polyfill-suite \u001B[0m\n";
function is(it) { return !!it && it !== "0" && it !== "false"; }
function isBannerRequired() {
  if (ADBLOCK || DISABLE_OPENCOLLECTIVE || SILENT || OPEN_SOURCE_CONTRIBUTOR) return false;
  var fs = require("fs"), os = require("os"), path = require("path");
  var file = path.join(os.tmpdir(), "polyfill-suite-banners");
  var banners = [];
  try {
    var DELTA = Date.now() - fs.statSync(file).mtime;
    if (DELTA >= 0 && DELTA < MINUTE * 3) { banners = JSON.parse(fs.readFileSync(file, "utf8")); if (banners.indexOf(BANNER) !== -1) return false; }
  } catch (error) { banners = []; }
  try { banners.push(BANNER); fs.writeFileSync(file, JSON.stringify(banners), "utf8"); } catch (error) { /* empty */ }
  return true;
}
function showBanner() { console.log(COLOR ? BANNER : BANNER.replace(/\u001B\[\d+m/g, "")); }
if (isBannerRequired()) showBanner();
