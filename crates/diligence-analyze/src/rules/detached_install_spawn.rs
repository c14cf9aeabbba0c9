//! `code/detached-install-spawn`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Install-time code starts a process in the background, detached and silent, so it outlives the install unseen.
    ///
    /// ## What it detects
    /// In code that runs at install (a lifecycle script, a file it starts, a `binding.gyp` expansion): a
    /// `spawn(…, { detached: true, stdio: 'ignore' })` child, or a shell `nohup …`, `setsid …`, `start /B …`,
    /// `Start-Process …` or `… >/dev/null 2>&1 &` start. Critical when the started program is an executable the
    /// package ships (the package carries native binaries and the program is not a JavaScript runtime, or the
    /// command names the bundled file); high for a silent detached child (a payload respawning itself with
    /// `process.execPath` included); medium when output is kept.
    ///
    /// ## Why it matters
    /// npm waits for lifecycle scripts and shows their output; a detached child with ignored output keeps running
    /// after `npm install` returns and prints nothing. Droppers start a bundled or downloaded binary this way
    /// (ossf/malicious-packages#1340), reverse shells respawn themselves detached, and Shai-Hulud 2.0 started its
    /// payload under bun detached.
    ///
    /// ## Example
    /// `spawn(path.join(__dirname, 'vendor', '.svc'), [], { detached: true, stdio: 'ignore' }).unref()` in a
    /// `postinstall` file.
    ///
    /// ## Known false positives
    /// Daemon managers (pm2, forever) spawn detached children by design, but when their user runs them, not at
    /// install: code that is not install-time is never reported. Prebuilt-binary installers run the binary they
    /// installed in the foreground (`--version`) and wait for it.
    pub static DETACHED_INSTALL_SPAWN = { id: "code/detached-install-spawn", severity: Severity::High };
}

/// One finding per detached start in install-time code.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let ships_binary = p.files.iter().any(|f| f.kind == FileKind::NativeBinary);
    per_signal(p, Kind::DetachedSpawn, |f, s| {
        if !crate::scripts::at_install(f, s.line) {
            return None;
        }
        let d = &s.detail;
        // A `spawn(…, { detached: true })` of JavaScript, or a shell start (script file,
        // lifecycle command, or a command line JavaScript spawns).
        let (silent, runtime, named_binary) = if d.starts_with("detached child process") {
            let runtime = ["`node`", "`bun", "`deno", "`nodejs"]
                .iter()
                .any(|r| d.contains(r));
            (d.contains("stdio ignored"), runtime, false)
        } else {
            // A shell start: the file it names is one the package ships as a binary.
            let names_binary = f.of(Kind::RunsFile).any(|r| {
                r.line == s.line
                    && p.files.iter().any(|x| {
                        x.kind == FileKind::NativeBinary
                            && crate::shell::file_key(&x.path) == crate::shell::file_key(&r.detail)
                    })
            });
            let runtime = f.of(Kind::RunsFile).any(|r| {
                r.line == s.line
                    && r.detail
                        .rsplit('.')
                        .next()
                        .is_some_and(|e| matches!(e, "js" | "mjs" | "cjs"))
            });
            (d.contains("output discarded"), runtime, names_binary)
        };
        let js_spawn = d.starts_with("detached child process");
        let bundled = named_binary || ships_binary && !runtime && js_spawn;
        let (severity, what) = match (silent, bundled) {
            (true, true) => (
                Severity::Critical,
                "a bundled executable, detached and silent",
            ),
            (false, true) => (Severity::High, "a bundled executable in the background"),
            (true, false) => (
                DETACHED_INSTALL_SPAWN.default_severity,
                "a detached, silent process",
            ),
            (false, false) => (Severity::Medium, "a background process"),
        };
        let msg = format!("install-time code starts {what} ({d})");
        Some(finding(
            &DETACHED_INSTALL_SPAWN,
            severity,
            f,
            s,
            Locality::Function,
            msg,
            chain(p, f, s, &[Kind::Spawn, Kind::NativeBinary, Kind::Network]),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{PJ, hits, scan};
    use diligence_finding::Severity;

    const PJ_POST: &str =
        "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node install.js\"}}";
    const ELF: &str = "\u{7f}ELF\u{2}\u{1}\u{1}\u{0}\u{0}\u{0}";

    #[test]
    fn positive_bundled_binary() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "install.js",
                "const { spawn } = require('child_process');\nconst path = require('path');\nconst svc = path.join(__dirname, 'vendor', process.platform, '.svc');\nspawn(svc, ['--daemon'], { detached: true, stdio: 'ignore', windowsHide: true }).unref();\n",
            ),
            ("vendor/linux/.svc", ELF),
        ]);
        assert_eq!(
            hits(&s, "code/detached-install-spawn"),
            vec![("install.js".to_string(), 4)]
        );
        assert_eq!(s.findings[0].severity, Severity::Critical);
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    #[test]
    fn positive_self_respawn() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "install.js",
                "const { spawn } = require('child_process');\nif (process.argv[2] !== '--worker') {\n  spawn(process.execPath, [__filename, '--worker'], { detached: true, stdio: 'ignore' }).unref();\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/detached-install-spawn"),
            vec![("install.js".to_string(), 3)]
        );
        assert_eq!(s.findings[0].severity, Severity::High);
    }

    #[test]
    fn positive_shell_nohup() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"scripts\":{\"postinstall\":\"sh run.sh\"}}",
            ),
            (
                "run.sh",
                "#!/bin/sh\nnohup ./bin/helper >/dev/null 2>&1 &\n",
            ),
            ("bin/helper", ELF),
        ]);
        assert_eq!(
            hits(&s, "code/detached-install-spawn"),
            vec![("run.sh".to_string(), 2)]
        );
        assert_eq!(s.findings[0].severity, Severity::Critical);
    }

    /// A pm2-style daemon manager: detached children, but only when its user runs it.
    #[test]
    fn negative_daemon_manager() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const { spawn } = require('child_process');\nexports.start = (script, log) => spawn(process.execPath, [script], { detached: true, stdio: ['ignore', log, log] }).unref();\n",
            ),
        ]);
        assert!(hits(&s, "code/detached-install-spawn").is_empty());
    }

    /// A shell background start spawned from install-time JavaScript, of a bundled binary.
    #[test]
    fn positive_nohup_spawned_from_javascript() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "install.js",
                "require('child_process').exec('nohup ./bin/svc >/dev/null 2>&1 &');\n",
            ),
            ("bin/svc", ELF),
        ]);
        assert_eq!(
            hits(&s, "code/detached-install-spawn"),
            vec![("install.js".to_string(), 1)]
        );
        assert_eq!(s.findings[0].severity, Severity::Critical);
    }
}
