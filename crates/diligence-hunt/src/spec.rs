//! What a hunt looks for by package: `name`, `name@version`, `name@range`, or the packages an
//! advisory (OSV `MAL-…`, `GHSA-…`, `CVE-…` id) names.
//!
//! Ranges follow npm's semantics (nodejs-semver 7, as `npm install` reads them): a prerelease
//! matches only a range that names a prerelease of the same `major.minor.patch`. Advisory
//! ranges follow OSV's (`diligence_advisory::range`): every version between `introduced` and
//! `fixed`, prereleases included. A bare `name` matches every version of it.

use crate::HuntError;
use diligence_advisory::{AdvisoryDb, AdvisoryKind, AffectedPackage, IndexedAdvisory};
use nodejs_semver::{Range, Version};
use serde::Serialize;

/// One package matcher.
#[derive(Debug, Clone)]
pub struct PackageSpec {
    /// As the user wrote it (`axios@1.14.1`), or the advisory id it came from.
    pub text: String,
    /// The exact npm package name.
    pub name: String,
    pub versions: VersionMatch,
}

/// Which versions of [`PackageSpec::name`] match.
#[derive(Debug, Clone)]
pub enum VersionMatch {
    /// Every version (a bare name).
    Any,
    /// One version: the string as written, compared as SemVer when both sides parse (so
    /// `1.0.0+build` equals `1.0.0`), else as text.
    Exact(String),
    /// An npm range.
    Range(Range),
    /// The affected versions of an advisory for this name.
    Advisory(Box<AdvisoryRef>),
}

/// The advisory a spec was expanded from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AdvisoryRef {
    pub id: String,
    pub aliases: Vec<String>,
    /// `malware` or `vulnerability`.
    pub kind: &'static str,
    pub summary: String,
    pub url: String,
    #[serde(skip)]
    pub affected: AffectedPackage,
}

impl PackageSpec {
    /// Parses `name`, `name@version` or `name@range` (scoped names keep their leading `@`).
    /// Errors: an empty or malformed name, or a version part that is neither a version nor an
    /// npm range.
    pub fn parse(text: &str) -> Result<PackageSpec, HuntError> {
        let bad = |m: &str| HuntError::Spec {
            spec: text.to_string(),
            message: m.to_string(),
        };
        let t = text.trim();
        let (name, version) = match t[1.min(t.len())..].find('@') {
            Some(i) => (&t[..i + 1], Some(&t[i + 2..])),
            None => (t, None),
        };
        if !valid_name(name) {
            return Err(bad("not an npm package name"));
        }
        let versions = match version.map(str::trim) {
            None | Some("") | Some("*") => VersionMatch::Any,
            Some(v) if Version::parse(v).is_ok() => VersionMatch::Exact(v.to_string()),
            Some(v) => VersionMatch::Range(
                Range::parse(v).map_err(|_| bad("not a version or an npm range"))?,
            ),
        };
        Ok(PackageSpec {
            text: t.to_string(),
            name: name.to_string(),
            versions,
        })
    }

    /// True when `name@version` (as locked) is matched.
    pub fn matches(&self, name: &str, version: &str) -> bool {
        if name != self.name {
            return false;
        }
        match &self.versions {
            VersionMatch::Any => true,
            VersionMatch::Exact(v) => {
                v == version
                    || matches!((Version::parse(v), Version::parse(version)), (Ok(a), Ok(b)) if a == b)
            }
            VersionMatch::Range(r) => Version::parse(version).is_ok_and(|v| r.satisfies(&v)),
            VersionMatch::Advisory(a) => diligence_advisory::range::affects(&a.affected, version),
        }
    }

    /// The advisory behind this spec, when it came from one.
    pub fn advisory(&self) -> Option<&AdvisoryRef> {
        match &self.versions {
            VersionMatch::Advisory(a) => Some(a),
            _ => None,
        }
    }
}

/// True when `text` reads as an advisory id rather than a package spec: an upper-case prefix
/// and a dash (`MAL-2025-46969`, `GHSA-…`, `CVE-…`, `OSV-…`). npm package names are lower
/// case, so the two never collide.
pub fn is_advisory_id(text: &str) -> bool {
    let Some((prefix, rest)) = text.split_once('-') else {
        return false;
    };
    prefix.len() >= 2
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && !rest.is_empty()
        && !text.contains('@')
}

/// Expands an advisory id into one spec per npm package it affects. Errors when the database
/// does not hold the id (an unknown id is never an empty hunt) or is damaged.
pub fn expand_advisory(id: &str, db: &AdvisoryDb) -> Result<Vec<PackageSpec>, HuntError> {
    let found = db.find_id(id).map_err(|e| HuntError::Advisory {
        id: id.to_string(),
        message: e.to_string(),
    })?;
    if found.is_empty() {
        let status = db.status();
        return Err(HuntError::Advisory {
            id: id.to_string(),
            message: format!(
                "not in the advisory database ({}, {} malware and {} vulnerability records); run `diligence db update` or pass --db",
                status.source, status.malware, status.vulnerability
            ),
        });
    }
    Ok(found.into_iter().map(|a| from_indexed(id, a)).collect())
}

fn from_indexed(text: &str, a: IndexedAdvisory) -> PackageSpec {
    PackageSpec {
        text: text.to_string(),
        name: a.affected.name.clone(),
        versions: VersionMatch::Advisory(Box::new(AdvisoryRef {
            id: a.id,
            aliases: a.aliases,
            kind: match a.kind {
                AdvisoryKind::Malware => "malware",
                AdvisoryKind::Vulnerability => "vulnerability",
            },
            summary: a.summary,
            url: a.url,
            affected: a.affected,
        })),
    }
}

/// npm's rules loosely: non-empty, at most 214 bytes, no whitespace or control characters,
/// and a scoped name has exactly one `/` after a non-empty scope. Legacy upper-case names
/// are accepted (they exist in old lockfiles).
fn valid_name(name: &str) -> bool {
    if name.is_empty()
        || name.len() > 214
        || name.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return false;
    }
    match name.strip_prefix('@') {
        Some(scoped) => {
            matches!(scoped.split_once('/'), Some((s, n)) if !s.is_empty() && !n.is_empty() && !n.contains('/'))
        }
        None => !name.contains('/'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_versions_and_ranges() {
        let s = PackageSpec::parse("axios@1.14.1").unwrap();
        assert_eq!(s.name, "axios");
        assert!(s.matches("axios", "1.14.1"));
        assert!(!s.matches("axios", "1.14.0"));
        assert!(!s.matches("axioss", "1.14.1"));

        let s = PackageSpec::parse("@ctrl/tinycolor@>=4.1.1 <4.1.3").unwrap();
        assert_eq!(s.name, "@ctrl/tinycolor");
        assert!(s.matches("@ctrl/tinycolor", "4.1.2"));
        assert!(!s.matches("@ctrl/tinycolor", "4.1.3"));
        // npm semantics: a prerelease is outside a range that names none.
        assert!(!s.matches("@ctrl/tinycolor", "4.1.2-beta.1"));

        let s = PackageSpec::parse("event-stream").unwrap();
        assert!(s.matches("event-stream", "3.3.6"));
        assert!(s.matches("event-stream", "0.0.0-use.local"));
        let s = PackageSpec::parse("@scope/pkg").unwrap();
        assert_eq!(s.name, "@scope/pkg");
        assert!(matches!(s.versions, VersionMatch::Any));

        assert!(PackageSpec::parse("1.0.0").is_ok(), "a bare word is a name");
        assert!(PackageSpec::parse("").is_err());
        assert!(PackageSpec::parse("@scope@1.0.0").is_err());
        assert!(PackageSpec::parse("a b@1").is_err());
        assert!(PackageSpec::parse("axios@not a range!").is_err());
    }

    #[test]
    fn exact_versions_compare_as_semver() {
        let s = PackageSpec::parse("debug@4.4.2").unwrap();
        assert!(s.matches("debug", "4.4.2+build.7"));
        let s = PackageSpec::parse("x@1.0.0-beta.1").unwrap();
        assert!(s.matches("x", "1.0.0-beta.1"));
        assert!(!s.matches("x", "1.0.0"));
    }

    #[test]
    fn advisory_ids_are_told_from_names() {
        assert!(is_advisory_id("MAL-2025-46969"));
        assert!(is_advisory_id("GHSA-67hx-6x53-jw92"));
        assert!(is_advisory_id("CVE-2021-44906"));
        assert!(!is_advisory_id("left-pad"));
        assert!(!is_advisory_id("JSONStream"));
        assert!(!is_advisory_id("MAL-1@1.0.0"));
        assert!(!is_advisory_id("X-1"));
    }
}
