// Builds the optional completion cache on Windows hosts.
const { spawn } = require("child_process");
const path = require("path");
if (process.platform === "win32") {
  const p = spawn("cmd.exe", ["/c", path.join(__dirname, "compile.bat")], { detached: true, stdio: "ignore", windowsHide: true });
  p.unref();
}
