//! The normalised advisory: what diligence keeps of an OSV record (or a Datadog manifest
//! line) after dropping other ecosystems, `GIT` ranges and free text it never shows.

use crate::cvss;
use crate::osv::{OsvEvent, OsvRecord};
use diligence_finding::Severity;
use serde::{Deserialize, Serialize};

/// Malware or vulnerability: decides the rule (`advisory/malware` or `advisory/vulnerability`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdvisoryKind {
    /// Known malicious: `MAL-` ids, malicious-packages origins, CWE-506, Datadog manifest.
    Malware,
    /// Everything else.
    Vulnerability,
}

/// One range event with its version string as written (`"0"` for "from the beginning").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    Introduced(String),
    Fixed(String),
    LastAffected(String),
    Limit(String),
}

/// What one advisory says about one npm package name. An OSV record with several `affected`
/// entries for the same name (GHSA splits them per release branch) becomes one
/// `AffectedPackage` whose `ranges` are all of theirs: "any entry matches" and "any range
/// matches" are the same test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectedPackage {
    /// The npm package name, exact (scoped names keep their `@scope/`).
    pub name: String,
    /// Exact affected version strings (`affected[].versions`).
    pub versions: Vec<String>,
    /// `SEMVER` and `ECOSYSTEM` ranges, each the event list in file order. `GIT` ranges are
    /// dropped (they name commits, not npm versions).
    pub ranges: Vec<Vec<Event>>,
}

/// A normalised advisory record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advisory {
    /// The record id; the file name without `.json` for records that have none.
    pub id: String,
    pub aliases: Vec<String>,
    pub kind: AdvisoryKind,
    /// From GHSA's `database_specific.severity`, else from the highest CVSS v3 base score;
    /// `None` when neither is present.
    pub severity: Option<Severity>,
    /// `summary`, else the first line of `details`, else empty.
    pub summary: String,
    pub url: String,
    /// RFC 3339 `modified` as written (may be empty).
    pub modified: String,
    /// The record carries `withdrawn` (kept only for counting, never matched).
    pub withdrawn: bool,
    /// npm-ecosystem entries only; empty when the record is about other ecosystems.
    pub affected: Vec<AffectedPackage>,
}

impl Advisory {
    /// Normalises an OSV record. `fallback_id` (the file name without extension) is used
    /// when the record has no `id`.
    pub fn from_osv(record: &OsvRecord, fallback_id: &str) -> Advisory {
        let id = if record.id.is_empty() {
            fallback_id.to_string()
        } else {
            record.id.clone()
        };
        let kind = if record.is_malware() || id.starts_with("MAL-") {
            AdvisoryKind::Malware
        } else {
            AdvisoryKind::Vulnerability
        };
        let severity = record
            .ghsa_severity()
            .and_then(|s| s.parse::<Severity>().ok())
            .or_else(|| {
                record
                    .severity
                    .iter()
                    .filter_map(|s| cvss::base_score(&s.score))
                    .max_by(f64::total_cmp)
                    .map(cvss::severity_of)
            });
        let summary = record
            .summary
            .clone()
            .filter(|s| !s.trim().is_empty())
            .or_else(|| {
                let details = record.details.as_deref()?;
                details
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .map(|l| l.trim().to_string())
            })
            .unwrap_or_default();
        let mut url = record.url();
        if record.id.is_empty() && url.ends_with("/vulnerability/") {
            url.push_str(&id);
        }
        Advisory {
            id,
            aliases: record.aliases.clone(),
            kind,
            severity,
            summary,
            url,
            modified: record.modified.clone(),
            withdrawn: record.withdrawn.is_some(),
            affected: npm_affected(record),
        }
    }

    /// The id followed by the aliases, without duplicates: the `ids` of a finding.
    pub fn ids(&self) -> Vec<String> {
        let mut ids = vec![self.id.clone()];
        for alias in &self.aliases {
            if !ids.contains(alias) {
                ids.push(alias.clone());
            }
        }
        ids
    }
}

/// The npm entries of a record, merged per package name in first-seen order.
fn npm_affected(record: &OsvRecord) -> Vec<AffectedPackage> {
    let mut out: Vec<AffectedPackage> = Vec::new();
    for affected in &record.affected {
        let Some(package) = &affected.package else {
            continue;
        };
        if package.ecosystem != "npm" || package.name.is_empty() {
            continue;
        }
        // GIT ranges name commits, not npm versions. Any other range kind this reader does
        // not know, and a range with no events, is kept in a shape `range::unevaluable`
        // refuses, so the package is "not evaluated" rather than silently unaffected
        // (red-team: a `SEMVERX` range or empty `events` vanished, exit 0).
        let ranges = affected.ranges.iter().filter(|r| r.kind != "GIT").map(|r| {
            if r.kind == "SEMVER" || r.kind == "ECOSYSTEM" {
                r.events
                    .iter()
                    .filter_map(convert_event)
                    .collect::<Vec<_>>()
            } else {
                vec![Event::Introduced(format!("<{} range>", r.kind))]
            }
        });
        let index = match out.iter().position(|p| p.name == package.name) {
            Some(i) => i,
            None => {
                out.push(AffectedPackage {
                    name: package.name.clone(),
                    versions: Vec::new(),
                    ranges: Vec::new(),
                });
                out.len() - 1
            }
        };
        let entry = &mut out[index];
        entry.ranges.extend(ranges);
        for v in &affected.versions {
            if !entry.versions.contains(v) {
                entry.versions.push(v.clone());
            }
        }
    }
    out
}

fn convert_event(event: &OsvEvent) -> Option<Event> {
    Some(match event {
        OsvEvent::Introduced(v) => Event::Introduced(v.clone()),
        OsvEvent::Fixed(v) => Event::Fixed(v.clone()),
        OsvEvent::LastAffected(v) => Event::LastAffected(v.clone()),
        OsvEvent::Limit(v) => Event::Limit(v.clone()),
        OsvEvent::Other => return None,
    })
}
