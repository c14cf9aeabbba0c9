"use strict";
// v1 compatibility: parse the legacy "dd.MM.yyyy HH:mm" strings and Moment-style tokens.
const { loadTokens } = require("./tokens");
let tokens;
function parseLegacy(str, opts = {}) {
  tokens = tokens || loadTokens(opts.locale || Intl.DateTimeFormat().resolvedOptions().locale);
  const m = /^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{2}):(\d{2}))?$/.exec(String(str).trim());
  if (!m) return new Date(NaN);
  return new Date(+m[3], +m[2] - 1, +m[1], +(m[4] || 0), +(m[5] || 0));
}
module.exports = { parseLegacy };
