//! Evaluating OSV affected ranges against a locked npm version (OSV schema, "Evaluation").
//!
//! Order is SemVer 2.0 precedence as npm's `semver.compare` has it (nodejs-semver 7):
//! prereleases sort below their release (`1.0.0-beta.2 < 1.0.0`), build metadata is ignored.
//! This is *not* npm range satisfaction, which would hide prereleases.
//!
//! Documented behaviour on odd data (never a panic):
//! - `introduced: "0"` is "from the very beginning", below every version including
//!   `0.0.0-alpha`.
//! - Event versions of one or two numeric parts (`"1.0"`) are padded with zeros, as
//!   osv.dev and osv-scanner do. Any other unparsable event version is skipped.
//! - A range with no parsable `introduced` affects nothing; a range whose `fixed` comes before
//!   its `introduced` (impossible range) affects nothing beyond what the walk gives, it never
//!   widens to "everything".
//! - A locked version that is not SemVer is matched against `versions` lists only (exact
//!   string), never against ranges.

use crate::advisory::{AffectedPackage, Event};
use nodejs_semver::Version;
use std::cmp::Ordering;

/// A parsed event bound: `Zero` (`introduced: "0"`) sorts below every version.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Bound {
    Zero,
    At(Version),
}

impl Ord for Bound {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Bound::Zero, Bound::Zero) => Ordering::Equal,
            (Bound::Zero, _) => Ordering::Less,
            (_, Bound::Zero) => Ordering::Greater,
            (Bound::At(a), Bound::At(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for Bound {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Bound {
    fn le(&self, v: &Version) -> bool {
        match self {
            Bound::Zero => true,
            Bound::At(b) => b.cmp(v) != Ordering::Greater,
        }
    }
    fn lt(&self, v: &Version) -> bool {
        match self {
            Bound::Zero => true,
            Bound::At(b) => b.cmp(v) == Ordering::Less,
        }
    }
}

/// Parses a version the way OSV consumers do for npm: SemVer, with `"1"`/`"1.0"` padded.
/// `None` when unparsable.
pub fn parse_version(s: &str) -> Option<Version> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if numeric && parts.len() < 3 {
        let mut padded = parts.join(".");
        for _ in parts.len()..3 {
            padded.push_str(".0");
        }
        return Version::parse(&padded).ok();
    }
    Version::parse(s).ok()
}

fn parse_bound(s: &str) -> Option<Bound> {
    if s == "0" {
        return Some(Bound::Zero);
    }
    parse_version(s).map(Bound::At)
}

/// True when `version` (the locked version string) is affected by `package`: it is in
/// `versions` (exact string) or inside any range.
pub fn affects(package: &AffectedPackage, version: &str) -> bool {
    if package.versions.iter().any(|v| v == version) {
        return true;
    }
    if package.ranges.is_empty() {
        return false;
    }
    let Some(parsed) = parse_version(version) else {
        return false;
    };
    package.ranges.iter().any(|r| range_affects(r, &parsed))
}

/// Why `package`'s ranges cannot be fully evaluated for `version`, or `None` when they can:
/// an event version that does not parse (skipped by [`range_affects`], which could hide a
/// match), a range without any parsable `introduced`, or a locked version that is not SemVer
/// while the record has ranges. A version listed exactly in `versions` is always evaluable.
pub fn unevaluable(package: &AffectedPackage, version: &str) -> Option<String> {
    if package.versions.iter().any(|v| v == version) || package.ranges.is_empty() {
        return None;
    }
    if parse_version(version).is_none() {
        return Some(format!(
            "{version} is not a SemVer version, so the record's ranges cannot be compared with it"
        ));
    }
    for events in &package.ranges {
        let bad = events
            .iter()
            .map(event_version)
            .find(|v| *v != "*" && parse_bound(v).is_none());
        if let Some(bad) = bad {
            return Some(format!("range event version `{bad}` is not a version"));
        }
        let introduced = events
            .iter()
            .any(|e| matches!(e, Event::Introduced(v) if parse_bound(v).is_some()));
        if !introduced {
            return Some("a range has no parsable `introduced` event".into());
        }
    }
    None
}

/// Evaluates one range: the `limit` check, then the walk over events sorted by version
/// (stable, so ties keep file order), starting from "not affected".
pub fn range_affects(events: &[Event], version: &Version) -> bool {
    let limits: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            Event::Limit(l) => Some(l.as_str()),
            _ => None,
        })
        .collect();
    if !limits.is_empty() {
        let below_any = limits
            .iter()
            .any(|l| *l == "*" || parse_bound(l).is_some_and(|b| !b.le(version)));
        if !below_any {
            return false;
        }
    }
    let mut walk: Vec<(Bound, &Event)> = events
        .iter()
        .filter(|e| !matches!(e, Event::Limit(_)))
        .filter_map(|e| Some((parse_bound(event_version(e))?, e)))
        .collect();
    walk.sort_by(|a, b| a.0.cmp(&b.0));
    let mut affected = false;
    for (bound, event) in &walk {
        match event {
            Event::Introduced(_) if bound.le(version) => affected = true,
            Event::Fixed(_) if bound.le(version) => affected = false,
            Event::LastAffected(_) if bound.lt(version) => affected = false,
            _ => {}
        }
    }
    affected
}

fn event_version(e: &Event) -> &str {
    match e {
        Event::Introduced(v) | Event::Fixed(v) | Event::LastAffected(v) | Event::Limit(v) => v,
    }
}

/// The lowest `fixed` version above `version` in any of the package's ranges, as written;
/// `None` when there is none (or `version` is not SemVer).
pub fn lowest_fixed_above(package: &AffectedPackage, version: &str) -> Option<String> {
    let parsed = parse_version(version)?;
    package
        .ranges
        .iter()
        .flatten()
        .filter_map(|e| match e {
            Event::Fixed(f) => Some((parse_version(f)?, f)),
            _ => None,
        })
        .filter(|(v, _)| v.cmp(&parsed) == Ordering::Greater)
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, s)| s.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pkg(ranges: Vec<Vec<Event>>, versions: &[&str]) -> AffectedPackage {
        AffectedPackage {
            name: "p".into(),
            versions: versions.iter().map(|s| s.to_string()).collect(),
            ranges,
        }
    }
    fn i(s: &str) -> Event {
        Event::Introduced(s.into())
    }
    fn f(s: &str) -> Event {
        Event::Fixed(s.into())
    }
    fn la(s: &str) -> Event {
        Event::LastAffected(s.into())
    }
    fn lim(s: &str) -> Event {
        Event::Limit(s.into())
    }

    #[test]
    fn malformed_ranges_are_unevaluable() {
        let good = pkg(vec![vec![i("1.0.0"), f("1.2.0")]], &[]);
        assert_eq!(unevaluable(&good, "1.1.0"), None);
        let bad = pkg(vec![vec![i("1.0.0"), f("one.two")]], &[]);
        assert_eq!(
            unevaluable(&bad, "1.1.0").as_deref(),
            Some("range event version `one.two` is not a version")
        );
        let no_intro = pkg(vec![vec![f("1.2.0")]], &[]);
        assert!(unevaluable(&no_intro, "1.1.0").is_some());
        assert!(unevaluable(&good, "not-semver").is_some());
        // Listed exactly: no range needed.
        let listed = pkg(vec![vec![f("x")]], &["1.1.0"]);
        assert_eq!(unevaluable(&listed, "1.1.0"), None);
    }

    #[test]
    fn introduced_fixed_is_half_open() {
        let p = pkg(vec![vec![i("1.0.0"), f("1.2.0")]], &[]);
        assert!(!affects(&p, "0.9.9"));
        assert!(affects(&p, "1.0.0"));
        assert!(affects(&p, "1.1.9"));
        assert!(!affects(&p, "1.2.0"));
        assert!(affects(&p, "1.2.0-rc.1"), "prerelease below fixed");
    }

    #[test]
    fn introduced_zero_covers_prereleases() {
        let p = pkg(vec![vec![i("0")]], &[]);
        assert!(affects(&p, "0.0.0-alpha"));
        assert!(affects(&p, "99.0.0"));
    }

    #[test]
    fn last_affected_is_inclusive_and_events_are_sorted() {
        let p = pkg(vec![vec![la("7.5.7"), i("7.5.0")]], &[]);
        assert!(affects(&p, "7.5.7"));
        assert!(!affects(&p, "7.5.8"));
        assert!(!affects(&p, "7.4.9"));
        let q = pkg(vec![vec![f("8.12.0"), i("8.0.0")]], &[]);
        assert!(affects(&q, "8.11.0"));
        assert!(!affects(&q, "8.12.0"));
    }

    #[test]
    fn limit_bounds_the_range() {
        let p = pkg(vec![vec![i("0"), lim("2.0.0")]], &[]);
        assert!(affects(&p, "1.9.9"));
        assert!(!affects(&p, "2.0.0"));
        let star = pkg(vec![vec![i("1.0.0"), lim("*")]], &[]);
        assert!(affects(&star, "5.0.0"));
    }

    #[test]
    fn odd_data_never_panics_and_is_documented() {
        // "1.0" is padded.
        let p = pkg(vec![vec![i("1.0"), f("3.1.1")]], &[]);
        assert!(affects(&p, "2.7.0"));
        // Unparsable events are skipped: no introduced left, nothing affected.
        let bad = pkg(vec![vec![i("not-a-version"), f("1.0.0")]], &[]);
        assert!(!affects(&bad, "0.5.0"));
        // Impossible range (fixed before introduced) affects only from introduced on.
        let imp = pkg(vec![vec![i("2.0.0"), f("1.0.0")]], &[]);
        assert!(!affects(&imp, "1.5.0"));
        // Non-SemVer locked versions only match exact lists.
        let list = pkg(vec![vec![i("0")]], &["weird"]);
        assert!(affects(&list, "weird"));
        assert!(!affects(&list, "also-weird"));
        // Build metadata is ignored for ordering.
        let b = pkg(vec![vec![i("1.0.0"), f("1.0.1")]], &[]);
        assert!(affects(&b, "1.0.0+build.5"));
    }

    #[test]
    fn lowest_fixed() {
        let p = pkg(
            vec![vec![i("0"), f("4.17.12")], vec![i("4.17.13"), f("4.17.21")]],
            &[],
        );
        assert_eq!(lowest_fixed_above(&p, "3.10.1").as_deref(), Some("4.17.12"));
        assert_eq!(
            lowest_fixed_above(&p, "4.17.20").as_deref(),
            Some("4.17.21")
        );
        assert_eq!(lowest_fixed_above(&p, "4.17.21"), None);
    }
}
