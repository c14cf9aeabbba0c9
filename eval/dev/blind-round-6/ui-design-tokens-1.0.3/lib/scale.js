"use strict";
// Generate tonal colour scales and dark-theme variants from a base colour.
function hexToHsl(hex) {
  const [r, g, b] = hex.replace("#", "").match(/../g).map((x) => parseInt(x, 16) / 255);
  const max = Math.max(r, g, b), min = Math.min(r, g, b); let h = 0, s = 0; const l = (max + min) / 2;
  if (max !== min) {
    const d = max - min; s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4; h *= 60;
  }
  return [h, s * 100, l * 100];
}

function hslToHex(h, s, l) {
  s /= 100; l /= 100;
  const k = (n) => (n + h / 30) % 12, a = s * Math.min(l, 1 - l);
  const f = (n) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1))))).toString(16).padStart(2, "0");
  return "#" + f(0) + f(8) + f(4);
}

const STEPS = { 50: 96, 100: 90, 200: 80, 300: 70, 400: 60, 500: 50, 600: 42, 700: 34, 800: 26, 900: 18 };

function scale(base) {
  const [h, s] = hexToHsl(base); const out = {};
  for (const [k, l] of Object.entries(STEPS)) out[k] = hslToHex(h, Math.min(100, s * (l > 80 ? 0.8 : 1)), l);
  return out;
}

function darkTheme(tokens) {
  const invert = (sc) => { const keys = Object.keys(sc); const out = {}; keys.forEach((k, i) => (out[k] = sc[keys[keys.length - 1 - i]])); return out; };
  const color = {};
  for (const [name, sc] of Object.entries(tokens.color)) color[name] = typeof sc === "object" ? invert(sc) : sc;
  return Object.assign({}, tokens, { color });
}

module.exports = { scale, darkTheme, hexToHsl, hslToHex };
