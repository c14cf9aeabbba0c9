//! The output types of the rules: [`CodeFinding`]s with their [`Evidence`] chain and
//! [`Locality`], and the [`CapabilityUse`] summary. Shared by the rules, the verdict and the
//! crate's API; they depend on nothing else in the crate.

use diligence_finding::Severity;
use serde::{Deserialize, Serialize};

/// One `code/…` finding inside a package: the analyser's form of a report
/// [`Finding`](diligence_finding::Finding), with the fields the verdict weighs (locality,
/// install time, reachability) typed rather than in JSON evidence. It becomes a report
/// finding in one place, [`CodeFinding::to_finding`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeFinding {
    /// Rule id, e.g. `code/env-exfiltration`.
    pub rule: String,
    pub severity: Severity,
    /// Path inside the package (`/`-separated, no `package/` prefix).
    pub file: String,
    /// 1-based line (0 = whole file or unknown).
    pub line: u32,
    /// The source line (trimmed, at most 160 characters).
    pub snippet: String,
    /// One sentence for a person.
    pub message: String,
    /// Where the finding sits relative to the capability it needs (`function`, `file`,
    /// `package` or `alone`); used by the verdict.
    pub locality: Locality,
    /// True when the file runs at install time (reachable from a lifecycle script).
    pub install_time: bool,
    /// True when an entry point (`main`, `exports`, `bin`, …) loads the file (see [`entry`]);
    /// findings in files nothing loads (benchmarks, examples, tests) weigh half in the verdict.
    #[serde(default = "yes")]
    pub reachable: bool,
    /// The evidence chain: the signals that made the rule fire.
    pub evidence: Vec<Evidence>,
}

fn yes() -> bool {
    true
}

impl CodeFinding {
    /// The report finding for `name@version`: location `file:line`, evidence
    /// `{snippet, locality, install_time, reachable, chain}` (see
    /// `schema/diligence.report-1.schema.json`).
    pub fn to_finding(&self, name: &str, version: &str) -> diligence_finding::Finding {
        diligence_finding::Finding {
            rule: self.rule.clone(),
            severity: self.severity,
            package: Some(diligence_finding::PackageRef {
                name: name.into(),
                version: version.into(),
            }),
            message: self.message.clone(),
            location: Some(diligence_finding::FindingLocation {
                file: self.file.clone(),
                line: self.line,
            }),
            evidence: serde_json::json!({
                "snippet": self.snippet,
                "locality": self.locality,
                "install_time": self.install_time,
                "reachable": self.reachable,
                "chain": self.evidence,
            }),
        }
    }
}

/// One step of an evidence chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Signal kind, e.g. `network`, `env-dump`, `credential-path`.
    pub kind: String,
    pub file: String,
    pub line: u32,
    /// What was seen, e.g. the module name, the decoded string or the host.
    pub detail: String,
}

/// A capability seen in the package (not a finding by itself).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CapabilityUse {
    /// `network`, `process-spawn`, `fs-read`, `fs-write`, `env-read`, `dynamic-code`,
    /// `crypto-decipher` or `os-info`.
    pub capability: String,
    pub file: String,
    pub line: u32,
}

/// Where a threat sits relative to the capability it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locality {
    /// No needed capability anywhere in the package (or the finding needs none).
    Alone,
    /// The capability is elsewhere in the package.
    Package,
    /// Same file.
    File,
    /// Same function.
    Function,
}
