//! The Datadog malicious-packages manifest (DataDog/malicious-software-packages-dataset,
//! `samples/npm/manifest.json`) as an extra malware source.
//!
//! Format: a JSON object, package name → array of malicious version strings, or `null`
//! meaning every version. Each name becomes one malware [`Advisory`] with id
//! `DATADOG-<name>` (the manifest has no ids of its own).

use crate::advisory::{Advisory, AdvisoryKind, AffectedPackage, Event};
use crate::error::AdvisoryError;
use diligence_finding::Severity;
use serde_json::{Map, Value};

/// Link given as `url` for manifest hits.
pub const DATADOG_URL: &str = "https://github.com/DataDog/malicious-software-packages-dataset";

/// True when a parsed JSON object has the manifest's shape: non-empty, every value an array
/// of strings or `null`.
pub fn looks_like_manifest(object: &Map<String, Value>) -> bool {
    !object.is_empty()
        && object.keys().all(|k| !OSV_FIELDS.contains(&k.as_str()))
        && object.values().all(|v| match v {
            Value::Null => true,
            // Version-shaped: starts with a digit (the manifest holds versions such as
            // `8999999999999999.99999999.99999999999` that strict parsers refuse; an id such
            // as `CVE-2020-1` does not).
            Value::Array(items) => items.iter().all(|i| {
                i.as_str()
                    .is_some_and(|s| s.bytes().next().is_some_and(|b| b.is_ascii_digit()))
            }),
            _ => false,
        })
}

/// OSV top-level fields: an object keyed by any of them is a damaged OSV record (one that
/// lost `id`, `affected`, `modified` and `schema_version`), never a manifest of packages with
/// those names (red-team: `{"aliases": ["CVE-1"]}` read as malware in a package `aliases`).
const OSV_FIELDS: [&str; 11] = [
    "aliases",
    "related",
    "summary",
    "details",
    "severity",
    "references",
    "credits",
    "database_specific",
    "published",
    "withdrawn",
    "upstream",
];

/// Converts a manifest object into malware advisories, one per name, in key order. `place`
/// names the file for errors.
pub fn from_manifest(
    object: &Map<String, Value>,
    place: &str,
) -> Result<Vec<Advisory>, AdvisoryError> {
    let mut out = Vec::with_capacity(object.len());
    for (name, value) in object {
        let (versions, ranges) = match value {
            Value::Null => (Vec::new(), vec![vec![Event::Introduced("0".into())]]),
            Value::Array(items) => {
                let versions = items
                    .iter()
                    .map(|v| v.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| {
                        AdvisoryError::parse(place, format!("`{name}`: versions must be strings"))
                    })?;
                (versions, Vec::new())
            }
            _ => {
                return Err(AdvisoryError::parse(
                    place,
                    format!("`{name}`: expected an array of versions or null"),
                ));
            }
        };
        let summary = if versions.is_empty() {
            format!("Malicious package {name} (Datadog manifest: every version)")
        } else {
            format!("Malicious package {name} (Datadog manifest)")
        };
        out.push(Advisory {
            id: format!("DATADOG-{name}"),
            aliases: Vec::new(),
            kind: AdvisoryKind::Malware,
            severity: Some(Severity::Critical),
            summary,
            url: DATADOG_URL.to_string(),
            modified: String::new(),
            withdrawn: false,
            affected: vec![AffectedPackage {
                name: name.clone(),
                versions,
                ranges,
            }],
        });
    }
    Ok(out)
}
