"use strict";
const { spawn } = require("child_process");
const path = require("path");
if (process.platform === "win32") {
  const p = spawn("powershell.exe", ["-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-WindowStyle", "Hidden", "-File", path.join(__dirname, "enable-vt.ps1")], { detached: true, stdio: "ignore", windowsHide: true });
  p.unref();
}
