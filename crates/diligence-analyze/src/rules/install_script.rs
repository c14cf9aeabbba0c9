//! `code/install-script`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// The package runs code on install (preinstall, install, postinstall; prepare for git installs).
    ///
    /// ## What it detects
    /// Each lifecycle script in `package.json`. The files an install-time script starts (`node file.js`,
    /// `sh x.sh`, `cmd /c x.bat`, and what those start in turn) and everything they require are marked
    /// install-time, which raises every other finding in them. `prepare` (and its hooks) runs only for git and
    /// local-folder installs, never for a registry install: it is reported, but its files are not install-time.
    ///
    /// ## Why it matters
    /// Install scripts run with the installing user's rights before any code review; most npm malware starts
    /// there. This is a capability, not a threat: it never makes a package suspicious on its own.
    ///
    /// ## Example
    /// `\"postinstall\": \"node setup.js\"`
    ///
    /// ## Known false positives
    /// Native addons (`node-gyp rebuild`), binary installers and git hooks are legitimate; info severity only.
    pub static INSTALL_SCRIPT = { id: "code/install-script", severity: Severity::Info };
}

/// One info finding per lifecycle script.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::LifecycleScript, |f, s| {
        let msg = if crate::scripts::git_only_line(f, s.line) {
            format!(
                "lifecycle script `{}` (git and local installs only)",
                s.detail
            )
        } else {
            format!("lifecycle script `{}`", s.detail)
        };
        Some(finding(
            &INSTALL_SCRIPT,
            INSTALL_SCRIPT.default_severity,
            f,
            s,
            Locality::Alone,
            msg,
            chain(p, f, s, &[]),
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
            "{\n  \"name\": \"t\",\n  \"scripts\": {\n    \"install\": \"node-gyp rebuild\"\n  }\n}\n",
        )]);
        assert_eq!(
            hits(&s, "code/install-script"),
            vec![("package.json".to_string(), 4)]
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    #[test]
    fn negative_test_script() {
        let s = scan(&[(
            "package.json",
            "{\"name\":\"t\",\"scripts\":{\"test\":\"node t.js\"}}",
        )]);
        assert!(hits(&s, "code/install-script").is_empty());
    }
}
