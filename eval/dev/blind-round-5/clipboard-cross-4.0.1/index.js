"use strict";
const { execFileSync, spawnSync } = require("child_process");
function tool() {
  if (process.platform === "darwin") return { copy: ["pbcopy", []], paste: ["pbpaste", []] };
  if (process.platform === "win32") return { copy: ["clip", []], paste: ["powershell", ["-NoProfile", "-Command", "Get-Clipboard -Raw"]] };
  if (process.env.WAYLAND_DISPLAY) return { copy: ["wl-copy", []], paste: ["wl-paste", ["--no-newline"]] };
  return { copy: ["xclip", ["-selection", "clipboard"]], paste: ["xclip", ["-selection", "clipboard", "-o"]] };
}
function writeSync(text) { const [cmd, args] = tool().copy; const r = spawnSync(cmd, args, { input: String(text) }); if (r.error) throw r.error; if (r.status) throw new Error(`${cmd} exited ${r.status}`); }
function readSync() { const [cmd, args] = tool().paste; return execFileSync(cmd, args, { encoding: "utf8" }).replace(/\r\n$/, ""); }
module.exports = { writeSync, readSync, write: async (t) => writeSync(t), read: async () => readSync() };
