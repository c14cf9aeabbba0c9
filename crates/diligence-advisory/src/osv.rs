//! The OSV record model (OSV schema 1.x, <https://ossf.github.io/osv-schema/>), as read from
//! the OSV project's exports, the GitHub Advisory Database and OpenSSF Malicious Packages.
//!
//! Only the fields diligence uses are typed; everything else is ignored on read. Unknown range
//! types and unknown event keys are kept as `Other` so a record never fails to parse because
//! the schema grew.

use serde::Deserialize;
use serde_json::Value;

/// One OSV record (`schema_version` 1.x).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvRecord {
    /// `GHSA-…`, `MAL-…`, `CVE-…`. Empty for the un-numbered `MAL-0000-*` origin files of the
    /// malicious-packages repository (the reader substitutes the file name).
    pub id: String,
    /// RFC 3339 timestamp of the last change.
    pub modified: String,
    /// RFC 3339 timestamp of publication.
    pub published: Option<String>,
    /// RFC 3339 timestamp; present means the record was withdrawn and must be ignored.
    pub withdrawn: Option<String>,
    /// Other ids of the same issue (GHSA ↔ CVE ↔ MAL).
    #[serde(deserialize_with = "null_as_empty")]
    pub aliases: Vec<String>,
    pub summary: Option<String>,
    pub details: Option<String>,
    /// CVSS vectors (`CVSS_V3`, `CVSS_V4`, …).
    #[serde(deserialize_with = "null_as_empty")]
    pub severity: Vec<OsvSeverity>,
    #[serde(deserialize_with = "null_as_empty")]
    pub affected: Vec<OsvAffected>,
    #[serde(deserialize_with = "null_as_empty")]
    pub references: Vec<OsvReference>,
    /// Free-form; GHSA puts `severity` (CRITICAL/HIGH/MODERATE/LOW) and `cwe_ids` here,
    /// malicious-packages puts `malicious-packages-origins`.
    pub database_specific: Option<Value>,
}

/// One `severity[]` entry: `type` (`CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`) and `score` (the
/// vector string for CVSS).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvSeverity {
    #[serde(rename = "type")]
    pub kind: String,
    pub score: String,
}

/// One `affected[]` entry.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvAffected {
    pub package: Option<OsvPackage>,
    #[serde(deserialize_with = "null_as_empty")]
    pub ranges: Vec<OsvRange>,
    /// Exact affected version strings.
    #[serde(deserialize_with = "null_as_empty")]
    pub versions: Vec<String>,
    pub database_specific: Option<Value>,
}

/// `affected[].package`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvPackage {
    /// `npm`, `PyPI`, `GitHub Actions`, … (compared exactly).
    pub ecosystem: String,
    pub name: String,
    pub purl: Option<String>,
}

/// `affected[].ranges[]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvRange {
    /// `SEMVER`, `ECOSYSTEM` or `GIT`.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub events: Vec<OsvEvent>,
}

/// One range event. OSV writes each as an object with exactly one key.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "RawEvent")]
pub enum OsvEvent {
    Introduced(String),
    Fixed(String),
    LastAffected(String),
    Limit(String),
    /// An event key this reader does not know (ignored by matching).
    Other,
}

#[derive(Deserialize)]
struct RawEvent {
    introduced: Option<String>,
    fixed: Option<String>,
    last_affected: Option<String>,
    limit: Option<String>,
}

impl From<RawEvent> for OsvEvent {
    fn from(raw: RawEvent) -> Self {
        if let Some(v) = raw.introduced {
            return OsvEvent::Introduced(v);
        }
        if let Some(v) = raw.fixed {
            return OsvEvent::Fixed(v);
        }
        if let Some(v) = raw.last_affected {
            return OsvEvent::LastAffected(v);
        }
        match raw.limit {
            Some(v) => OsvEvent::Limit(v),
            None => OsvEvent::Other,
        }
    }
}

/// `references[]`: `type` (`ADVISORY`, `WEB`, `PACKAGE`, …) and `url`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OsvReference {
    #[serde(rename = "type")]
    pub kind: String,
    pub url: String,
}

/// Reads `null` as an empty list (some producers write `"aliases": null`).
fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// CWE id OSV sources use for "Embedded Malicious Code".
const CWE_MALICIOUS_CODE: &str = "CWE-506";

impl OsvRecord {
    /// True when the record describes malware rather than a vulnerability: its id starts with
    /// `MAL-`, it carries `database_specific.malicious-packages-origins`, or its CWE list
    /// (`database_specific.cwe_ids`, GHSA) names CWE-506 "Embedded Malicious Code" (how GHSA
    /// marks hijacked releases such as ua-parser-js 0.7.29).
    pub fn is_malware(&self) -> bool {
        if self.id.starts_with("MAL-") {
            return true;
        }
        let Some(db) = &self.database_specific else {
            return false;
        };
        if db.get("malicious-packages-origins").is_some() {
            return true;
        }
        db.get("cwe_ids")
            .and_then(Value::as_array)
            .is_some_and(|cwes| cwes.iter().any(|c| c.as_str() == Some(CWE_MALICIOUS_CODE)))
    }

    /// `database_specific.severity` as GHSA writes it (`CRITICAL`, `HIGH`, `MODERATE`, `LOW`).
    pub fn ghsa_severity(&self) -> Option<&str> {
        self.database_specific.as_ref()?.get("severity")?.as_str()
    }

    /// The best link for a person: the first `ADVISORY` reference, else
    /// `https://osv.dev/vulnerability/<id>`.
    pub fn url(&self) -> String {
        self.references
            .iter()
            .find(|r| r.kind == "ADVISORY" && !r.url.is_empty())
            .map(|r| r.url.clone())
            .unwrap_or_else(|| format!("https://osv.dev/vulnerability/{}", self.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_events_and_unknown_keys() {
        let r: OsvRecord = serde_json::from_str(
            r#"{"id":"X-1","modified":"2024-01-01T00:00:00Z","affected":[{"package":
            {"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[
            {"introduced":"0"},{"fixed":"1.0.0"},{"last_affected":"0.9.0"},{"limit":"*"},
            {"future_event":"1"}]}],"versions":null}],"aliases":null,"extra":1}"#,
        )
        .expect("valid record");
        let events = &r.affected[0].ranges[0].events;
        assert_eq!(events[0], OsvEvent::Introduced("0".into()));
        assert_eq!(events[2], OsvEvent::LastAffected("0.9.0".into()));
        assert_eq!(events[4], OsvEvent::Other);
        assert!(!r.is_malware());
        assert_eq!(r.url(), "https://osv.dev/vulnerability/X-1");
    }
}
