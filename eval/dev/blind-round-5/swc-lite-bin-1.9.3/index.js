"use strict";
const { execFileSync } = require("child_process");
const path = require("path");
const fs = require("fs");
const bin = path.join(__dirname, "bin", process.platform === "win32" ? "swc-lite.exe" : "swc-lite");
function transform(code, opts = {}) {
  const exe = process.env.SWC_LITE_BINARY_PATH || bin;
  if (!fs.existsSync(exe)) return require("./wasm").transform(code, opts);
  return execFileSync(exe, ["--stdin", "--target", opts.target || "es2020", ...(opts.jsx ? ["--jsx"] : [])], { input: code, encoding: "utf8" });
}
module.exports = { transform };
