"use strict";
function parseIni(text) {
  const out = {}; let section = out;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line[0] === ";" || line[0] === "#") continue;
    const sec = /^\[([^\]]+)\]$/.exec(line);
    if (sec) { section = sec[1].split(".").reduce((o, k) => (o[k] = o[k] || {}), out); continue; }
    const eq = line.indexOf("=");
    if (eq < 0) { section[line] = true; continue; }
    const k = line.slice(0, eq).trim(); let v = line.slice(eq + 1).trim();
    if (/^".*"$/.test(v)) v = v.slice(1, -1);
    section[k] = v;
  }
  return out;
}
module.exports = { parseIni };
