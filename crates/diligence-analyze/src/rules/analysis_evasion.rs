//! `code/analysis-evasion`.

use super::{chain, finding};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code that hides from analysts: devtools detection, CI gating, time-of-day gating or detached silent children, next to a threat.
    ///
    /// ## What it detects
    /// Devtools-open checks (`outerWidth - innerWidth`), `process.env.CI` gates, `getHours()` gates and detached
    /// children with ignored stdio, only in a file that also has a threat signal (credential path, env dump,
    /// suspicious endpoint, reverse shell, persistence, decode-exec).
    ///
    /// ## Why it matters
    /// Payloads stay quiet in CI sandboxes and while a developer watches (the 2018 "harvesting credit cards" story
    /// went silent with devtools open), so dynamic analysis never sees them.
    ///
    /// ## Example
    /// `if (process.env.CI) return; fs.readFileSync(home + '/.npmrc')`
    ///
    /// ## Known false positives
    /// Many tools skip work in CI or detach update checks; alone these are never reported. Low severity: the rule
    /// only adds weight to an existing threat.
    pub static ANALYSIS_EVASION = { id: "code/analysis-evasion", severity: Severity::Low };
}

const THREATS: &[Kind] = &[
    Kind::CredentialPath,
    Kind::EnvDump,
    Kind::Endpoint,
    Kind::ReverseShell,
    Kind::PersistencePath,
    Kind::DecodeExec,
    Kind::CookieRead,
    Kind::StorageRead,
    Kind::HiddenCode,
    Kind::RemoteExec,
];

/// One finding per file that has an evasion signal next to a threat.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = Vec::new();
    for f in &p.files {
        let Some(s) = f.signals.iter().find(|s| {
            matches!(
                s.kind,
                Kind::DevtoolsGate | Kind::CiGate | Kind::TimeGate | Kind::DetachedSpawn
            )
        }) else {
            continue;
        };
        if !f.signals.iter().any(|t| THREATS.contains(&t.kind)) {
            continue;
        }
        let msg = format!(
            "evasion ({}) in a file with threat signals",
            s.kind.as_str()
        );
        out.push(finding(
            &ANALYSIS_EVASION,
            ANALYSIS_EVASION.default_severity,
            f,
            s,
            Locality::File,
            msg,
            chain(p, f, s, THREATS),
        ));
    }
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
                "a.js",
                "const fs = require('fs');\nif (process.env.CI) return;\nfs.readFileSync('.npmrc');\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/analysis-evasion"),
            vec![("a.js".to_string(), 2)]
        );
    }

    #[test]
    fn negative_ci_skip_alone() {
        let s = scan(&[
            ("package.json", PJ),
            ("a.js", "if (process.env.CI) { console.log('skip'); }\n"),
        ]);
        assert!(hits(&s, "code/analysis-evasion").is_empty());
    }
}
