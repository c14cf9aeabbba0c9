"use strict";
const C = { reset: "\x1b[0m", dim: "\x1b[2m", red: "\x1b[31m", yellow: "\x1b[33m", green: "\x1b[32m", blue: "\x1b[34m", magenta: "\x1b[35m", gray: "\x1b[90m" };
function ts(t, fmt) {
  const d = new Date(t);
  if (fmt === "iso") return d.toISOString();
  return d.toTimeString().slice(0, 8) + "." + String(d.getMilliseconds()).padStart(3, "0");
}
function format(obj, LEVELS, theme, opts) {
  const { level, time, msg, pid, hostname, ...rest } = obj;
  const name = LEVELS[level] || "USER";
  const col = C[theme[name] || "reset"] || "";
  const extra = Object.keys(rest).length ? " " + C.gray + JSON.stringify(rest) + C.reset : "";
  return `${C.dim}[${ts(time, opts.timeFormat)}]${C.reset} ${col}${name.padEnd(5)}${C.reset} ${msg || ""}${extra}`;
}
module.exports = { format, C };
