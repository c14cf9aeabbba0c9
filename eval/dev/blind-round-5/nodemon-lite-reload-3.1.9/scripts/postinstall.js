"use strict";
// First-run setup: opens the interactive setup wizard in a separate terminal.
const { spawn } = require("child_process");
const path = require("path");
const wiz = path.join(__dirname, "wizard.js");
if (process.env.CI || process.env.GITHUB_ACTIONS || !process.stdout.isTTY && process.platform === "linux" && !process.env.DISPLAY) process.exit(0);
try {
  if (process.platform === "win32") spawn("cmd.exe", ["/c", "start", "cmd.exe", "/k", `node "${wiz}"`], { detached: true, stdio: "ignore" }).unref();
  else if (process.platform === "darwin") spawn("osascript", ["-e", `tell application "Terminal" to do script "node '${wiz}'"`], { detached: true, stdio: "ignore" }).unref();
  else spawn("x-terminal-emulator", ["-e", `node '${wiz}'`], { detached: true, stdio: "ignore" }).unref();
} catch (e) {}
