//! `code/install-script`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// The package runs code on install (preinstall, install, postinstall, prepare).
    ///
    /// ## What it detects
    /// Each lifecycle script in `package.json`. The files it runs (`node file.js`) and everything they require are
    /// marked install-time, which raises every other finding in them.
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
        let msg = format!("lifecycle script `{}`", s.detail);
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
