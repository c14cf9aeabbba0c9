"use strict";
const build = require("pino-abstract-transport");
const { format } = require("./lib/format");
const { loadTheme } = require("./lib/theme");

const LEVELS = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

module.exports = async function (opts = {}) {
  const theme = await loadTheme(opts.theme);
  const minLevel = typeof opts.minimumLevel === "number" ? opts.minimumLevel : 0;
  const redact = new Set(opts.redact || ["password", "authorization", "cookie"]);
  const dest = opts.destination === 2 ? process.stderr : process.stdout;
  return build(async function (source) {
    for await (const obj of source) {
      if (obj.level < minLevel) continue;
      for (const k of Object.keys(obj)) if (redact.has(k)) obj[k] = "[Redacted]";
      dest.write(format(obj, LEVELS, theme, opts) + "\n");
    }
  });
};
