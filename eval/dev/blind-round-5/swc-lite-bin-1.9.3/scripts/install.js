"use strict";
// Downloads the prebuilt compiler binary for this platform from the project's GitHub release
// and verifies it against the SHA-256 list shipped in this package.
const fs = require("fs"), path = require("path"), https = require("https"), crypto = require("crypto"), zlib = require("zlib"), os = require("os");
const { version } = require("../package.json");
const SUMS = require("../checksums.json");
const triple = { "darwin-arm64": "aarch64-apple-darwin", "darwin-x64": "x86_64-apple-darwin", "linux-x64": "x86_64-unknown-linux-gnu", "linux-arm64": "aarch64-unknown-linux-gnu", "win32-x64": "x86_64-pc-windows-msvc" }[`${process.platform}-${process.arch}`];
if (process.env.SWC_LITE_BINARY_PATH) { console.log("swc-lite: using SWC_LITE_BINARY_PATH"); process.exit(0); }
if (!triple) { console.warn(`swc-lite: no prebuilt binary for ${process.platform}-${process.arch}; falling back to WASM`); process.exit(0); }
const mirror = process.env.SWC_LITE_MIRROR || process.env.npm_config_swc_lite_mirror || "https://github.com/swc-lite/swc-lite/releases/download";
const file = `swc-lite-${triple}.gz`;
const url = `${mirror}/v${version}/${file}`;
const dest = path.join(__dirname, "..", "bin", process.platform === "win32" ? "swc-lite.exe" : "swc-lite");
function get(u, redirects = 5) {
  return new Promise((res, rej) => https.get(u, { headers: { "user-agent": `swc-lite-installer/${version}` } }, (r) => {
    if (r.statusCode >= 300 && r.statusCode < 400 && r.headers.location && redirects) return res(get(r.headers.location, redirects - 1));
    if (r.statusCode !== 200) return rej(new Error(`HTTP ${r.statusCode} for ${u}`));
    const c = []; r.on("data", (x) => c.push(x)); r.on("end", () => res(Buffer.concat(c)));
  }).on("error", rej));
}
(async () => {
  try {
    const gz = await get(url);
    const sum = crypto.createHash("sha256").update(gz).digest("hex");
    if (SUMS[file] !== sum) throw new Error(`checksum mismatch for ${file}: expected ${SUMS[file]}, got ${sum}`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, zlib.gunzipSync(gz), { mode: 0o755 });
    console.log(`swc-lite: installed ${triple} binary`);
  } catch (e) {
    console.warn(`swc-lite: could not install native binary (${e.message}); the WASM fallback will be used.`);
  }
})();
