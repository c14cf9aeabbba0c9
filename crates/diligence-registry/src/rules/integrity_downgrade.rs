//! `registry/integrity-downgrade`.

use super::{Outcome, finding};
use diligence_finding::Severity;
use diligence_graph::{DependencyGraph, HashAlgorithm, Integrity, LockfileFormat, Package, Source};
use diligence_packument::Packument;

diligence_finding::declare_rule! {
    /// A lone sha1-only or hashless registry entry in a sha512 lockfile, while the registry publishes sha512.
    ///
    /// ## What it detects
    /// A registry entry whose lockfile integrity has no sha512 hash — only sha1 (an SRI
    /// `sha1-…` or a yarn classic `#<sha1>` fragment), or none at all — while the packument's
    /// `dist.integrity` for the locked version has a sha512, and the entry is an outlier in
    /// its lockfile: more than half of the lockfile's registry entries record sha512, and the
    /// entries without sha512 are at most 1 in 20 of them (at least one). npm (5+), yarn
    /// classic (1.10+), pnpm and bun write the strongest hash the registry gives, so a lone
    /// weaker entry was not written by the package manager.
    ///
    /// Not reported, as the format's norm: versions whose packument has only the legacy sha1
    /// `shasum`; versions published before 2017-06-01 (`time` in the packument), for which
    /// the registry had only a sha1 when lockfiles of that time were written (npm later
    /// added sha512 to old versions, but package managers keep an entry's recorded hash until
    /// it is re-resolved); lockfiles where sha1 entries are common (written before 2017, or by
    /// yarn before 1.10). Not checked: yarn berry (its `checksum` hashes yarn's zip archive,
    /// not the tarball), and npm entries with neither `resolved` nor `integrity` nested under
    /// another package's folder (bundled dependencies, pinned by their parent's tarball).
    /// Evidence: `{"lockfile", "registry", "algorithm", "published"}` (`algorithm` is `sha1`
    /// or `none`; `published` is the version's `time`, or null).
    ///
    /// ## Why it matters
    /// Tamper kind T5: an edit that replaces `sha512-…` with the genuine `sha1-…` of the same
    /// tarball, or deletes the integrity, passes every same-algorithm comparison and leaves
    /// the install pinned by a collision-prone hash or by nothing. It is the quiet first half
    /// of a later swap of the tarball URL. Offline, a lone sha1 cannot be told apart from an
    /// old package (`lockfile/integrity-weak`); the packument can.
    ///
    /// ## Example
    /// ```yaml
    /// ms@2.1.3:
    ///   resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}
    /// ```
    /// The registry's `dist.integrity` for ms@2.1.3 (published 2020-12-08) is
    /// `sha512-6FlzubTL…`, and the lockfile's other five entries record sha512.
    ///
    /// ## Known false positives
    /// A lockfile begun before mid-2017 and updated piecemeal keeps sha1 for the entries
    /// never re-resolved; when only a few such entries of versions published after
    /// 2017-06-01 remain among many sha512 ones, they are reported. Re-resolving them (npm:
    /// delete the entry and `npm install`; yarn classic: `yarn install --update-checksums`)
    /// writes sha512. A registry mirror that rewrites `time` hides the publish date, which
    /// only narrows the exclusion above.
    pub static INTEGRITY_DOWNGRADE = { id: "registry/integrity-downgrade", severity: Severity::High };
}

/// Versions published before this date (ISO 8601, compared as text) had only a sha1 `shasum`
/// on the registry when lockfiles of their time were written (npm 5, the first client to
/// write sha512, shipped on 2017-05-25).
pub const SHA512_SINCE: &str = "2017-06-01";

/// 1 in this many registry entries may lack sha512 for the rest to count as outliers.
const OUTLIER_DIVISOR: usize = 20;

/// What the rule needs to know about the whole lockfile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashProfile {
    pub format: LockfileFormat,
    /// Registry entries the rule considers (bundled npm shapes and berry excluded).
    pub registry: usize,
    /// How many of them record sha512.
    pub sha512: usize,
}

impl HashProfile {
    /// The profile of `graph`'s registry entries.
    pub fn of(graph: &DependencyGraph) -> HashProfile {
        let format = graph.lockfile.format;
        let considered = graph
            .packages
            .iter()
            .filter(|p| matches!(p.source, Source::Registry { .. }))
            .filter(|p| !looks_bundled(p, format));
        let (mut registry, mut sha512) = (0, 0);
        for p in considered {
            registry += 1;
            sha512 += usize::from(has_sha512(&p.integrity));
        }
        HashProfile {
            format,
            registry,
            sha512,
        }
    }

    /// True when entries without sha512 are outliers: sha512 is the majority and the others
    /// number at most `max(1, registry / 20)`.
    pub fn weak_is_outlier(&self) -> bool {
        let weak = self.registry.saturating_sub(self.sha512);
        self.sha512 * 2 > self.registry && weak <= (self.registry / OUTLIER_DIVISOR).max(1)
    }
}

fn has_sha512(integrity: &Option<Integrity>) -> bool {
    match integrity {
        Some(Integrity::Sri(hashes)) => hashes.iter().any(|h| h.algorithm == HashAlgorithm::Sha512),
        _ => false,
    }
}

/// True for the npm shape of a bundled dependency: no `resolved`, no integrity, nested in
/// another package's `node_modules` folder.
fn looks_bundled(package: &Package, format: LockfileFormat) -> bool {
    format == LockfileFormat::Npm
        && package.integrity.is_none()
        && matches!(package.source, Source::Registry { resolved: None })
        && package.key.contains("/node_modules/")
}

/// Compares the strength of the entry's integrity with the packument's `dist.integrity` for
/// its version. Clean when the entry has sha512, the version is absent (another rule reports
/// it), the registry has no sha512 for it, the version predates [`SHA512_SINCE`], the entry
/// is not an outlier in its lockfile (`profile`), or it is excluded (see the rule docs).
pub fn check(
    package: &Package,
    file: &str,
    packument: &Packument,
    profile: HashProfile,
) -> Outcome {
    if profile.format == LockfileFormat::YarnBerry || has_sha512(&package.integrity) {
        return Outcome::Clean;
    }
    if let Some(Integrity::BerryChecksum(_)) = package.integrity {
        return Outcome::Clean;
    }
    if looks_bundled(package, profile.format) || !profile.weak_is_outlier() {
        return Outcome::Clean;
    }
    let Some(manifest) = packument.version(&package.version) else {
        return Outcome::Clean;
    };
    let published = packument.time.get(&package.version).map(String::as_str);
    if published.is_some_and(|t| t < SHA512_SINCE) {
        return Outcome::Clean;
    }
    let registry = manifest
        .dist
        .integrity
        .as_deref()
        .and_then(|s| Integrity::parse_sri(s).ok());
    let Some(registry) = registry.filter(|r| has_sha512(&Some(r.clone()))) else {
        return Outcome::Clean;
    };
    let (algorithm, ours) = match &package.integrity {
        Some(i) => ("sha1", i.to_string()),
        None => ("none", String::new()),
    };
    let pinned = match &package.integrity {
        Some(i) => format!("only by `{i}`"),
        None => "by no integrity at all".to_string(),
    };
    let message = format!(
        "{} is pinned {pinned}, but the registry publishes sha512 for it and the lockfile's other entries record sha512: package managers record the strongest hash, so the entry was edited",
        package.id_string()
    );
    let evidence = serde_json::json!({
        "lockfile": ours,
        "registry": registry.to_string(),
        "algorithm": algorithm,
        "published": published,
    });
    Outcome::Finding(Box::new(
        finding(
            &INTEGRITY_DOWNGRADE,
            package,
            file,
            package.location.for_integrity(),
            message,
        )
        .evidence(evidence),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::*;

    const MS_SHA1: &str = "sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=";
    const DEBUG_SHA1: &str = "sha1-xq5DLZvZZiWC/OCHCbA4xY6ePWo=";

    /// The tamper base's shape: six registry entries, `sha512` of them with sha512.
    fn profile(format: LockfileFormat, registry: usize, sha512: usize) -> HashProfile {
        HashProfile {
            format,
            registry,
            sha512,
        }
    }

    fn debug_with(integrity: Option<&str>) -> Package {
        let mut p = entry("debug", "4.4.3", None, DEBUG_443);
        p.integrity = integrity.and_then(|i| Integrity::parse_sri(i).ok());
        p
    }

    fn published(mut packument: Packument, version: &str, time: &str) -> Packument {
        packument.time.insert(version.into(), time.into());
        packument
    }

    #[test]
    fn flags_a_lone_sha1_and_a_removed_integrity() {
        let debug = published(debug_packument(), "4.4.3", "2025-09-13T14:25:55.574Z");
        let p = debug_with(Some(DEBUG_SHA1));
        let pnpm = profile(LockfileFormat::Pnpm, 6, 5);
        let Outcome::Finding(f) = check(&p, "pnpm-lock.yaml", &debug, pnpm) else {
            panic!("expected a finding")
        };
        assert_eq!(f.rule, "registry/integrity-downgrade");
        assert_eq!(f.severity, Severity::High);
        assert_eq!(f.package.as_ref().unwrap().name, "debug");
        assert_eq!(f.package.as_ref().unwrap().version, "4.4.3");
        assert_eq!(f.location.as_ref().unwrap().line, 43);
        assert_eq!(f.evidence["algorithm"], "sha1");
        assert_eq!(f.evidence["published"], "2025-09-13T14:25:55.574Z");
        // Integrity removed: reported at the entry line; no `time` is no exclusion.
        let mut p = debug_with(None);
        p.location.integrity_line = 0;
        let npm = profile(LockfileFormat::Npm, 6, 5);
        let Outcome::Finding(f) = check(&p, "package-lock.json", &debug_packument(), npm) else {
            panic!("expected a finding")
        };
        assert_eq!(f.location.as_ref().unwrap().line, 40);
        assert_eq!(f.evidence["algorithm"], "none");
        // A yarn classic `#sha1` fragment among `integrity sha512` entries.
        let mut p = debug_with(Some(DEBUG_SHA1));
        p.location.integrity_line = p.location.resolved_line;
        let yarn = profile(LockfileFormat::YarnClassic, 100, 99);
        let Outcome::Finding(f) = check(&p, "yarn.lock", &debug, yarn) else {
            panic!("expected a finding")
        };
        assert_eq!(f.location.as_ref().unwrap().line, 42);
    }

    #[test]
    fn sha512_shasum_only_and_old_versions_are_clean() {
        let npm = profile(LockfileFormat::Npm, 6, 5);
        let p = debug_with(Some(DEBUG_443));
        assert_eq!(check(&p, "f", &debug_packument(), npm), Outcome::Clean);
        // A version whose packument has only a sha1 `shasum`.
        let shasum_only = packument(
            "ms",
            &[(
                "2.1.3",
                "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
                "",
                "57488138ce1d2b5861f0b4518c7c5c47badaf74a",
            )],
        );
        let mut p = entry("ms", "2.1.3", None, MS_SHA1);
        assert_eq!(check(&p, "f", &shasum_only, npm), Outcome::Clean);
        // Published before npm 5 wrote sha512: the lockfile's sha1 is what it was then.
        let old = published(debug_packument(), "4.4.3", "2015-05-29T19:21:06.111Z");
        let weak = debug_with(Some(DEBUG_SHA1));
        assert_eq!(check(&weak, "f", &old, npm), Outcome::Clean);
        // A version the packument lacks is `registry/version-missing`'s.
        p.version = "9.9.9".into();
        assert_eq!(check(&p, "f", &debug_packument(), npm), Outcome::Clean);
    }

    #[test]
    fn common_sha1_bundled_and_berry_are_clean() {
        let weak = debug_with(Some(DEBUG_SHA1));
        // npm-v1-lodash: 525 of 673 entries sha1; axios: 356 of 2115 without sha512.
        for (registry, sha512) in [(673, 148), (2115, 1759), (6, 3), (40, 37)] {
            let common = profile(LockfileFormat::Npm, registry, sha512);
            assert!(!common.weak_is_outlier(), "{registry} {sha512}");
            assert_eq!(
                check(&weak, "f", &debug_packument(), common),
                Outcome::Clean
            );
        }
        assert!(profile(LockfileFormat::Npm, 40, 38).weak_is_outlier());
        assert!(profile(LockfileFormat::Npm, 2115, 2010).weak_is_outlier());
        let mut bundled = debug_with(None);
        bundled.key = "node_modules/a/node_modules/debug".into();
        let npm = profile(LockfileFormat::Npm, 6, 5);
        assert_eq!(
            check(&bundled, "f", &debug_packument(), npm),
            Outcome::Clean
        );
        let berry = profile(LockfileFormat::YarnBerry, 6, 0);
        assert_eq!(
            check(&debug_with(None), "f", &debug_packument(), berry),
            Outcome::Clean
        );
    }
}
