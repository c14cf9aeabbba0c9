"use strict";
const tokens = require("./tokens.json");

function flatten(obj, prefix = [], out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === "object") flatten(v, prefix.concat(k), out);
    else out[prefix.concat(k).join("-")] = v;
  }
  return out;
}

function toCssVars(t = tokens, selector = ":root", ns = "ui") {
  const flat = flatten(t);
  const body = Object.entries(flat).map(([k, v]) => `  --${ns}-${k}: ${v};`).join("\n");
  return `${selector} {\n${body}\n}\n`;
}

function toScssMap(t = tokens, name = "tokens") {
  const render = (o, d) => "(\n" + Object.entries(o).map(([k, v]) =>
    "  ".repeat(d) + `"${k}": ` + (typeof v === "object" ? render(v, d + 1) : v)).join(",\n") + "\n" + "  ".repeat(d - 1) + ")";
  return `$${name}: ${render(t, 1)};\n`;
}

function get(path, t = tokens) {
  return path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), t);
}

function contrast(hexA, hexB) {
  const lum = (h) => {
    const c = h.replace("#", "").match(/../g).map((x) => parseInt(x, 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [a, b] = [lum(hexA), lum(hexB)].sort((x, y) => y - x);
  return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100;
}

module.exports = { tokens, flatten, toCssVars, toScssMap, get, contrast };

Object.assign(module.exports, require("./lib/scale"));
