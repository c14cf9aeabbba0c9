//! Verdict combination: `malicious | suspicious | clean` and a score from a package's findings.
//!
//! Each finding contributes `weight(severity) × locality × install × reach`:
//!
//! | severity | weight |   | locality  | factor |   | install-time | factor |
//! |----------|--------|---|-----------|--------|---|--------------|--------|
//! | critical | 20     |   | function  | 1.5    |   | yes          | 1.5    |
//! | high     | 10     |   | file      | 1.25   |   | no           | 1.0    |
//! | medium   | 5      |   | package   | 1.0    |   |              |        |
//! | low      | 2      |   | alone     | 0.5    |   |              |        |
//! | info     | 0      |   |           |        |   |              |        |
//!
//! *Locality* is where the threat sits relative to the capability it needs (a credential path
//! and a network call in the same function, the same file, only the same package, or no such
//! capability at all). *Reach* is 0.5 for a file no entry point (`main`, `exports`, `bin`,
//! `module`, `browser`, lifecycle script) loads through static requires — a benchmark, an
//! example, a test shipped in the tarball — and 1.0 otherwise. Only the strongest finding of
//! each rule counts, so one rule repeated over many lines cannot add up on its own. The score
//! is the rounded sum.
//!
//! Thresholds: `score >= 25` is **malicious**, `score >= 10` is **suspicious**, else
//! **clean**. Consequences: a capability alone (an `info` finding) never moves a package off
//! clean; a single `critical` threat next to its capability in one file is malicious; a single
//! `high` threat is suspicious at most unless install-time or corroborated by a second rule.

use crate::finding::CodeFinding;
pub use crate::finding::Locality;
use diligence_finding::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The package verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Clean,
    Suspicious,
    Malicious,
}

impl Verdict {
    /// `clean`, `suspicious` or `malicious`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::Suspicious => "suspicious",
            Verdict::Malicious => "malicious",
        }
    }
}

/// Score at or above which a package is suspicious.
pub const SUSPICIOUS: u32 = 10;
/// Score at or above which a package is malicious.
pub const MALICIOUS: u32 = 25;

fn weight(s: Severity) -> f64 {
    match s {
        Severity::Critical => 20.0,
        Severity::High => 10.0,
        Severity::Medium => 5.0,
        Severity::Low => 2.0,
        Severity::Info => 0.0,
    }
}

fn locality_factor(l: Locality) -> f64 {
    match l {
        Locality::Function => 1.5,
        Locality::File => 1.25,
        Locality::Package => 1.0,
        Locality::Alone => 0.5,
    }
}

/// The contribution of one finding.
pub fn finding_score(f: &CodeFinding) -> f64 {
    let install = if f.install_time { 1.5 } else { 1.0 };
    let reach = if f.reachable || f.install_time {
        1.0
    } else {
        0.5
    };
    weight(f.severity) * locality_factor(f.locality) * install * reach
}

/// Combines findings into a verdict and a score (see the module docs).
pub fn combine(findings: &[CodeFinding]) -> (Verdict, u32) {
    let mut best: BTreeMap<&str, f64> = BTreeMap::new();
    for f in findings {
        let s = finding_score(f);
        let e = best.entry(f.rule.as_str()).or_insert(0.0);
        if s > *e {
            *e = s;
        }
    }
    let score = best.values().sum::<f64>().round() as u32;
    let verdict = if score >= MALICIOUS {
        Verdict::Malicious
    } else if score >= SUSPICIOUS {
        Verdict::Suspicious
    } else {
        Verdict::Clean
    };
    (verdict, score)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(rule: &str, severity: Severity, locality: Locality, install_time: bool) -> CodeFinding {
        CodeFinding {
            rule: rule.into(),
            severity,
            file: "index.js".into(),
            line: 1,
            snippet: String::new(),
            message: String::new(),
            locality,
            install_time,
            reachable: true,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn capability_alone_is_clean() {
        let caps = vec![
            f(
                "code/install-script",
                Severity::Info,
                Locality::Function,
                true
            );
            5
        ];
        assert_eq!(combine(&caps), (Verdict::Clean, 0));
    }

    #[test]
    fn same_function_beats_same_package() {
        let near = [f(
            "code/env-exfiltration",
            Severity::High,
            Locality::Function,
            false,
        )];
        let far = [f(
            "code/env-exfiltration",
            Severity::High,
            Locality::Package,
            false,
        )];
        assert_eq!(combine(&near), (Verdict::Suspicious, 15));
        assert_eq!(combine(&far), (Verdict::Suspicious, 10));
        let alone = [f(
            "code/env-exfiltration",
            Severity::High,
            Locality::Alone,
            false,
        )];
        assert_eq!(combine(&alone), (Verdict::Clean, 5));
    }

    #[test]
    fn install_time_raises() {
        let plain = [f("code/persistence", Severity::High, Locality::File, false)];
        let install = [f("code/persistence", Severity::High, Locality::File, true)];
        assert_eq!(combine(&plain).1, 13);
        assert_eq!(combine(&install).1, 19);
        let critical = [f(
            "code/reverse-shell",
            Severity::Critical,
            Locality::Function,
            true,
        )];
        assert_eq!(combine(&critical), (Verdict::Malicious, 45));
    }

    #[test]
    fn unreachable_file_weighs_half() {
        let mut loaded = f("code/persistence", Severity::High, Locality::File, false);
        assert_eq!(combine(std::slice::from_ref(&loaded)).1, 13);
        loaded.reachable = false;
        assert_eq!(combine(std::slice::from_ref(&loaded)), (Verdict::Clean, 6));
        loaded.install_time = true;
        assert_eq!(combine(std::slice::from_ref(&loaded)).1, 19);
    }

    #[test]
    fn one_rule_does_not_add_up() {
        let many = vec![
            f(
                "code/obfuscated-code",
                Severity::Medium,
                Locality::File,
                false
            );
            50
        ];
        assert_eq!(combine(&many), (Verdict::Clean, 6));
    }
}
