//! What checks produce and reporters consume: [`Finding`], [`Severity`], [`Rule`] metadata,
//! [`NotEvaluated`] records, and the [`Report`] that `--format json` serialises as
//! `diligence.report/1`.
//!
//! Checks depend on this crate only, never on the writers in `diligence-report`.
//!
//! ## The check contract
//! Every rule family follows the same contract, so that a listed rule always runs and every
//! error path ends in a record:
//! - a rule is a [`Rule`] declared with [`declare_rule!`] (id, default severity, doc);
//! - a check function returns an [`Outcome`] (or a list of findings for checks that can fire
//!   more than once): [`Outcome::Clean`], [`Outcome::Finding`] or [`Outcome::NotEvaluated`];
//! - a finding is a [`Finding`]: rule, severity, package, message, an optional
//!   [`FindingLocation`] (a lockfile line, or a file and line inside a package for code
//!   findings) and evidence;
//! - what a check could not evaluate is a [`NotEvaluated`] record; a record about one rule
//!   names the rule first (`<rule id> of <subject>`, see [`NotEvaluated::for_rule`]) so that
//!   policy can tell rule-level gaps from whole-layer gaps ([`NotEvaluated::rule`]);
//! - each family keeps a table of `(rule, check function)` pairs and derives its `rules()`
//!   list from it, so a rule cannot be listed without running.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Finding severity, ordered `Info < Low < Medium < High < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    /// All severities from lowest to highest.
    pub const ALL: [Severity; 5] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    /// `info`, `low`, `medium`, `high` or `critical`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    /// Parses `info|low|medium|high|critical` (case-insensitive; `moderate` = medium, as GHSA
    /// spells it).
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Ok(Severity::Info),
            "low" => Ok(Severity::Low),
            "medium" | "moderate" => Ok(Severity::Medium),
            "high" => Ok(Severity::High),
            "critical" => Ok(Severity::Critical),
            other => Err(format!(
                "unknown severity `{other}` (expected info, low, medium, high or critical)"
            )),
        }
    }
}

/// Static metadata of a detection rule. Declare rules with [`declare_rule!`] so the doc comment
/// and the runtime doc (`diligence rules ID`, SARIF help) are the same text.
#[derive(Debug)]
pub struct Rule {
    /// `family/kebab-name`, e.g. `lockfile/resolved-host`.
    pub id: &'static str,
    /// Severity unless policy overrides it.
    pub default_severity: Severity,
    /// One-line summary (the first line of the doc).
    pub summary: &'static str,
    /// The full doc in the fixed shape: What it detects / Why it matters / Example / Known
    /// false positives (Markdown).
    pub doc: &'static str,
}

impl Rule {
    /// The family: the part of the id before `/` (`lockfile`, `advisory`, `registry`,
    /// `metadata`, `code`).
    pub fn family(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }
}

/// Declares a `pub static NAME: Rule` whose `doc` is the item's own doc comment.
///
/// ```
/// diligence_finding::declare_rule! {
///     /// Flags things.
///     ///
///     /// ## What it detects
///     /// Things.
///     pub static THING = { id: "demo/thing", severity: diligence_finding::Severity::Low };
/// }
/// assert_eq!(THING.id, "demo/thing");
/// assert_eq!(THING.summary, "Flags things.");
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        #[doc = $first:literal]
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident = { id: $id:literal, severity: $sev:expr $(,)? };
    ) => {
        #[doc = $first]
        $(#[doc = $doc])*
        $vis static $name: $crate::Rule = $crate::Rule {
            id: $id,
            default_severity: $sev,
            summary: $crate::__trim_doc($first),
            doc: concat!($first, "\n", $($doc, "\n",)*),
        };
    };
}

#[doc(hidden)]
pub const fn __trim_doc(s: &'static str) -> &'static str {
    let bytes = s.as_bytes();
    let mut start = 0;
    while start < bytes.len() && bytes[start] == b' ' {
        start += 1;
    }
    let (_, rest) = bytes.split_at(start);
    match std::str::from_utf8(rest) {
        Ok(t) => t,
        Err(_) => s,
    }
}

/// Where a finding points: a file (lockfile, package file, config) and a 1-based line
/// (0 = unknown).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingLocation {
    pub file: String,
    pub line: u32,
}

/// The package a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PackageRef {
    pub name: String,
    pub version: String,
}

/// One result of a check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id, e.g. `lockfile/resolved-host`.
    pub rule: String,
    pub severity: Severity,
    /// `None` for findings about the project as a whole (posture, config).
    pub package: Option<PackageRef>,
    /// One sentence for a person, quoting the evidence.
    pub message: String,
    pub location: Option<FindingLocation>,
    /// Machine-readable evidence; shape per rule (documented with the rule).
    #[serde(default)]
    pub evidence: serde_json::Value,
}

impl Finding {
    /// A finding with the rule's default severity and empty evidence.
    pub fn new(rule: &Rule, message: impl Into<String>) -> Finding {
        Finding {
            rule: rule.id.to_string(),
            severity: rule.default_severity,
            package: None,
            message: message.into(),
            location: None,
            evidence: serde_json::Value::Null,
        }
    }
    /// Sets the package.
    pub fn package(mut self, name: &str, version: &str) -> Finding {
        self.package = Some(PackageRef {
            name: name.into(),
            version: version.into(),
        });
        self
    }
    /// Sets the location.
    pub fn at(mut self, file: impl Into<String>, line: u32) -> Finding {
        self.location = Some(FindingLocation {
            file: file.into(),
            line,
        });
        self
    }
    /// Sets the evidence object.
    pub fn evidence(mut self, evidence: serde_json::Value) -> Finding {
        self.evidence = evidence;
        self
    }
    /// Overrides the severity.
    pub fn severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }
}

/// Something a check could not evaluate, and why. Any entry makes the run "not evaluated"
/// (exit 2) unless the user opted out of that check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotEvaluated {
    /// What was not evaluated, e.g. `registry cross-check of debug@4.4.3` or `advisories`.
    pub what: String,
    /// Why, e.g. `offline: packument not in cache`.
    pub why: String,
}

impl NotEvaluated {
    /// A record about `what`.
    pub fn new(what: impl Into<String>, why: impl Into<String>) -> NotEvaluated {
        NotEvaluated {
            what: what.into(),
            why: why.into(),
        }
    }

    /// A rule-level record: `what` is `<rule id> of <subject>`.
    pub fn for_rule(rule: &Rule, subject: &str, why: impl Into<String>) -> NotEvaluated {
        NotEvaluated {
            what: format!("{} of {subject}", rule.id),
            why: why.into(),
        }
    }

    /// The rule id of a rule-level record (`what` starts with `family/kebab-name of `), else
    /// `None` (a package, a layer or an input could not be evaluated).
    pub fn rule(&self) -> Option<&str> {
        let (head, _) = self.what.split_once(" of ")?;
        is_rule_id(head).then_some(head)
    }
}

/// True for `family/kebab-name` ids (lowercase ASCII letters, digits, single dashes).
pub fn is_rule_id(id: &str) -> bool {
    let Some((family, name)) = id.split_once('/') else {
        return false;
    };
    [family, name].iter().all(|part| {
        !part.is_empty()
            && part.split('-').all(|w| !w.is_empty())
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    })
}

/// What one check concluded about one subject (a lockfile entry, a packument version, a
/// tarball): the single outcome type of every rule family.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Evaluated; nothing to report.
    Clean,
    /// Evaluated; one finding.
    Finding(Box<Finding>),
    /// Could not be evaluated, and why. A check that knows only the reason may leave `what`
    /// empty ([`Outcome::gap`]); the family's runner names the rule and subject.
    NotEvaluated(NotEvaluated),
}

impl Outcome {
    /// A finding outcome.
    pub fn found(finding: Finding) -> Outcome {
        Outcome::Finding(Box::new(finding))
    }

    /// A not-evaluated outcome with only a reason; the runner fills `what`.
    pub fn gap(why: String) -> Outcome {
        Outcome::NotEvaluated(NotEvaluated {
            what: String::new(),
            why,
        })
    }

    /// Adds the outcome to `findings` or `not_evaluated`. An empty `what` becomes
    /// `<rule id> of <subject>`. Returns true for a finding.
    pub fn record(
        self,
        rule: &Rule,
        subject: &str,
        findings: &mut Vec<Finding>,
        not_evaluated: &mut Vec<NotEvaluated>,
    ) -> bool {
        match self {
            Outcome::Clean => false,
            Outcome::Finding(f) => {
                findings.push(*f);
                true
            }
            Outcome::NotEvaluated(mut ne) => {
                if ne.what.is_empty() {
                    ne.what = format!("{} of {subject}", rule.id);
                }
                not_evaluated.push(ne);
                false
            }
        }
    }
}

/// A finding a policy waiver hid, with the waiver that hid it (`--show-suppressed`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suppressed {
    pub finding: Finding,
    /// Where the waiver is: `diligence.toml:12` (an `[[ignore]]` entry) or
    /// `diligence.toml: [rules."id"] disabled`.
    pub by: String,
    /// The reason the waiver gives (empty for a disabled rule).
    pub reason: String,
}

/// The code verdict of one scanned package (the `scan` answer, and the code layer's record of
/// every other command).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageVerdict {
    pub package: PackageRef,
    /// `malicious`, `suspicious` or `clean`; a partly analysed package keeps its verdict as a
    /// lower bound and has `complete: false`.
    pub verdict: String,
    /// The analyser's score (0 = nothing of note).
    pub score: u32,
    /// Findings that are weak signals (medium or low): a clean package with weak signals
    /// reads `clean (N weak signals)`, never a bare `clean`.
    #[serde(default)]
    pub weak_signals: usize,
    /// Files looked at, and their total size in bytes.
    pub files: usize,
    pub bytes: u64,
    /// False when part of the package could not be analysed (then it is also listed under
    /// `not_evaluated`).
    pub complete: bool,
    /// Where the code came from: `registry`, `tarball`, `git`, `file`, `link` or `path`
    /// (a folder or tarball given to `scan`).
    pub source: String,
}

/// Tool identity in a report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ToolInfo {
    pub name: String,
    pub version: String,
}

/// The lockfile part of a report target.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TargetLockfile {
    pub path: String,
    pub format: String,
    pub version: String,
}

/// What was audited.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Target {
    /// The project folder.
    pub path: String,
    pub lockfile: Option<TargetLockfile>,
}

/// Finding counts per severity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeverityCounts {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
}

/// Report summary.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Number of locked packages (graph nodes).
    pub packages: usize,
    pub findings: SeverityCounts,
    /// Findings hidden by policy waivers (`[[ignore]]` entries and disabled rules).
    #[serde(default)]
    pub suppressed: usize,
}

/// The `diligence.report/1` document (see `schema/diligence.report-1.schema.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// Always `diligence.report/1`.
    pub schema: String,
    pub tool: ToolInfo,
    pub target: Target,
    pub summary: Summary,
    pub findings: Vec<Finding>,
    pub not_evaluated: Vec<NotEvaluated>,
    /// The suppressed findings themselves, only with `--show-suppressed` (their number is
    /// always in `summary.suppressed`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<Suppressed>,
    /// Per-package code verdicts, when the code layer ran (always for `scan`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packages: Vec<PackageVerdict>,
}

/// The schema id written in every report.
pub const REPORT_SCHEMA: &str = "diligence.report/1";

impl Report {
    /// A report with sorted findings (severity descending, then package, rule, line) and a
    /// computed summary.
    pub fn new(
        target: Target,
        packages: usize,
        mut findings: Vec<Finding>,
        not_evaluated: Vec<NotEvaluated>,
    ) -> Report {
        findings.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.package.cmp(&b.package))
                .then_with(|| a.rule.cmp(&b.rule))
                .then_with(|| {
                    a.location
                        .as_ref()
                        .map(|l| l.line)
                        .cmp(&b.location.as_ref().map(|l| l.line))
                })
        });
        let mut counts = SeverityCounts::default();
        for f in &findings {
            match f.severity {
                Severity::Critical => counts.critical += 1,
                Severity::High => counts.high += 1,
                Severity::Medium => counts.medium += 1,
                Severity::Low => counts.low += 1,
                Severity::Info => counts.info += 1,
            }
        }
        Report {
            schema: REPORT_SCHEMA.to_string(),
            tool: ToolInfo {
                name: "diligence".into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            target,
            summary: Summary {
                packages,
                findings: counts,
                suppressed: 0,
            },
            findings,
            not_evaluated,
            suppressed: Vec::new(),
            packages: Vec::new(),
        }
    }

    /// Records `count` suppressed findings; `listed` are shown (`--show-suppressed`).
    pub fn with_suppressed(mut self, count: usize, listed: Vec<Suppressed>) -> Report {
        self.summary.suppressed = count;
        self.suppressed = listed;
        self
    }

    /// Attaches the per-package code verdicts, sorted by package.
    pub fn with_verdicts(mut self, mut verdicts: Vec<PackageVerdict>) -> Report {
        verdicts.sort_by(|a, b| a.package.cmp(&b.package));
        self.packages = verdicts;
        self
    }

    /// Exit code per the project contract: 1 when a finding is at or above `fail_on` (the
    /// verdict "do not proceed" is certain whatever else could not be checked), else 2 when
    /// anything was not evaluated (the result is incomplete, never clean), else 0.
    pub fn exit_code(&self, fail_on: Severity) -> i32 {
        if self.findings.iter().any(|f| f.severity >= fail_on) {
            1
        } else if !self.not_evaluated.is_empty() {
            2
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    declare_rule! {
        /// Demo rule.
        ///
        /// ## What it detects
        /// Nothing.
        static DEMO = { id: "demo/rule", severity: Severity::Medium };
    }

    #[test]
    fn rule_doc_is_the_doc_comment() {
        assert_eq!(DEMO.summary, "Demo rule.");
        assert!(DEMO.doc.contains("## What it detects"));
        assert_eq!(DEMO.family(), "demo");
    }

    #[test]
    fn exit_codes() {
        let t = Target {
            path: ".".into(),
            lockfile: None,
        };
        let f = Finding::new(&DEMO, "m");
        assert_eq!(
            Report::new(t.clone(), 1, vec![f.clone()], vec![]).exit_code(Severity::High),
            0
        );
        assert_eq!(
            Report::new(t.clone(), 1, vec![f.clone()], vec![]).exit_code(Severity::Medium),
            1
        );
        let ne = NotEvaluated {
            what: "x".into(),
            why: "y".into(),
        };
        // Incomplete and nothing at the threshold: not evaluated.
        assert_eq!(
            Report::new(t.clone(), 1, vec![f.clone()], vec![ne.clone()]).exit_code(Severity::High),
            2
        );
        // A finding at the threshold decides, even when something else was not evaluated.
        assert_eq!(
            Report::new(t, 1, vec![f], vec![ne]).exit_code(Severity::Medium),
            1
        );
    }

    #[test]
    fn severity_order_and_parse() {
        assert!(Severity::Critical > Severity::High);
        assert_eq!("MODERATE".parse::<Severity>(), Ok(Severity::Medium));
        assert!("urgent".parse::<Severity>().is_err());
    }
}
