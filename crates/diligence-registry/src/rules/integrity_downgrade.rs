//! `registry/integrity-downgrade`.

use super::{Outcome, finding};
use diligence_finding::Severity;
use diligence_graph::{DependencyGraph, HashAlgorithm, Integrity, LockfileFormat, Package, Source};
use diligence_packument::Packument;

diligence_finding::declare_rule! {
    /// The lockfile pins a registry entry by sha1 or nothing, while the registry publishes sha512.
    ///
    /// ## What it detects
    /// A registry entry whose lockfile integrity has no sha512 hash — only sha1, or no
    /// `integrity` at all — while the packument's `dist.integrity` for the locked version has
    /// a sha512. npm (5+), yarn classic (1.10+), pnpm and bun write the strongest hash the
    /// registry gives, so the lockfile cannot have been written this way by its package
    /// manager. Versions whose packument has only the legacy sha1 `shasum` (published before
    /// April 2017) are the format's norm and are not reported. Not checked: yarn berry (its
    /// `checksum` hashes yarn's zip archive, not the tarball), and npm entries with neither
    /// `resolved` nor `integrity` nested under another package's folder (the shape of
    /// bundled dependencies, pinned by their parent's tarball). Yarn classic entries pinned
    /// only by the `#<sha1>` fragment of `resolved` (no `integrity` field, as yarn before
    /// 1.10 wrote them, and as yarn keeps them until the entry is re-resolved) are reported
    /// only when at least 90% of the lockfile's registry entries record sha512, i.e. when
    /// the entry is an outlier in a file written by a yarn that records integrity.
    /// Evidence: `{"lockfile", "registry", "algorithm"}` (`algorithm` is `sha1` or `none`).
    ///
    /// ## Why it matters
    /// Tamper kind T5: an edit that replaces `sha512-…` with the genuine `sha1-…` of the same
    /// tarball, or deletes the integrity, passes every same-algorithm comparison and leaves
    /// the install pinned by a collision-prone hash or by nothing. It is the quiet first half
    /// of a later swap of the tarball URL. Offline, a lone sha1 cannot be told apart from an
    /// old package; the packument can.
    ///
    /// ## Example
    /// ```yaml
    /// ms@2.1.3:
    ///   resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}
    /// ```
    /// The registry's `dist.integrity` for ms@2.1.3 is `sha512-6FlzubTL…`.
    ///
    /// ## Known false positives
    /// npm 5 early releases sometimes wrote sha1 for packages taken from a cache populated by
    /// older npm. Yarn classic lockfiles that mix pre-1.10 entries into an otherwise
    /// integrity-carrying file (fewer than 10% legacy entries) report those entries; run
    /// `yarn install --update-checksums` (or re-resolve them) so the file records sha512.
    pub static INTEGRITY_DOWNGRADE = { id: "registry/integrity-downgrade", severity: Severity::High };
}

/// Share of a lockfile's registry entries that must record sha512 before a yarn classic
/// fragment-only entry counts as an outlier (see the rule docs).
const YARN_OUTLIER_SHARE: f64 = 0.9;

/// What the rule needs to know about the whole lockfile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HashProfile {
    pub format: LockfileFormat,
    /// Fraction (0.0 – 1.0) of registry entries whose integrity includes sha512; 0.0 when the
    /// lockfile has no registry entries.
    pub sha512_share: f64,
}

impl HashProfile {
    /// The profile of `graph`'s registry entries.
    pub fn of(graph: &DependencyGraph) -> HashProfile {
        let registry: Vec<&Package> = graph
            .packages
            .iter()
            .filter(|p| matches!(p.source, Source::Registry { .. }))
            .collect();
        let strong = registry.iter().filter(|p| has_sha512(&p.integrity)).count();
        let sha512_share = if registry.is_empty() {
            0.0
        } else {
            strong as f64 / registry.len() as f64
        };
        HashProfile {
            format: graph.lockfile.format,
            sha512_share,
        }
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

/// True when a yarn classic entry's only hash is the `#<sha1>` fragment of `resolved` (the
/// reader then puts its integrity line on the `resolved` line).
fn yarn_fragment_only(package: &Package, format: LockfileFormat) -> bool {
    format == LockfileFormat::YarnClassic
        && package.integrity.is_some()
        && package.location.integrity_line == package.location.resolved_line
}

/// Compares the strength of the entry's integrity with the packument's `dist.integrity` for
/// its version. Clean when the entry has sha512, the version is absent (another rule reports
/// it), the registry has no sha512 for it, or the entry is excluded (see the rule docs).
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
    if looks_bundled(package, profile.format) {
        return Outcome::Clean;
    }
    if yarn_fragment_only(package, profile.format) && profile.sha512_share < YARN_OUTLIER_SHARE {
        return Outcome::Clean;
    }
    let Some(manifest) = packument.version(&package.version) else {
        return Outcome::Clean;
    };
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
        "{} is pinned {pinned}, but the registry publishes sha512 for it: package managers record the strongest hash, so the lockfile was edited",
        package.id_string()
    );
    let evidence = serde_json::json!({
        "lockfile": ours,
        "registry": registry.to_string(),
        "algorithm": algorithm,
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

    fn profile(format: LockfileFormat, sha512_share: f64) -> HashProfile {
        HashProfile {
            format,
            sha512_share,
        }
    }

    fn debug_with(integrity: Option<&str>) -> Package {
        let mut p = entry("debug", "4.4.3", None, DEBUG_443);
        p.integrity = integrity.and_then(|i| Integrity::parse_sri(i).ok());
        p
    }

    #[test]
    fn flags_sha1_and_missing_against_sha512() {
        let sha1 = "sha1-xq5DLZvZZiWC/OCHCbA4xY6ePWo=";
        let p = debug_with(Some(sha1));
        let Outcome::Finding(f) = check(
            &p,
            "pnpm-lock.yaml",
            &debug_packument(),
            profile(LockfileFormat::Pnpm, 1.0),
        ) else {
            panic!("expected a finding")
        };
        assert_eq!(f.rule, "registry/integrity-downgrade");
        assert_eq!(f.severity, Severity::High);
        assert_eq!(f.package.as_ref().unwrap().name, "debug");
        assert_eq!(f.location.as_ref().unwrap().line, 43);
        assert_eq!(f.evidence["algorithm"], "sha1");
        let mut p = debug_with(None);
        p.location.integrity_line = 0;
        let Outcome::Finding(f) = check(
            &p,
            "package-lock.json",
            &debug_packument(),
            profile(LockfileFormat::Npm, 0.8),
        ) else {
            panic!("expected a finding")
        };
        assert_eq!(f.location.as_ref().unwrap().line, 40);
        assert_eq!(f.evidence["algorithm"], "none");
    }

    #[test]
    fn sha512_and_shasum_only_versions_are_clean() {
        let p = debug_with(Some(DEBUG_443));
        let npm = profile(LockfileFormat::Npm, 1.0);
        assert_eq!(check(&p, "f", &debug_packument(), npm), Outcome::Clean);
        // A version whose packument has only a sha1 `shasum` (packages published before
        // April 2017).
        let old = packument(
            "ms",
            &[(
                "2.1.3",
                "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
                "",
                "57488138ce1d2b5861f0b4518c7c5c47badaf74a",
            )],
        );
        let mut p = entry("ms", "2.1.3", None, MS_SHA1);
        assert_eq!(check(&p, "f", &old, npm), Outcome::Clean);
        // A version the packument lacks is `registry/version-missing`'s.
        p.version = "9.9.9".into();
        assert_eq!(check(&p, "f", &debug_packument(), npm), Outcome::Clean);
    }

    #[test]
    fn exclusions_bundled_berry_and_legacy_yarn() {
        let mut bundled = debug_with(None);
        bundled.key = "node_modules/a/node_modules/debug".into();
        let npm = profile(LockfileFormat::Npm, 1.0);
        assert_eq!(
            check(&bundled, "f", &debug_packument(), npm),
            Outcome::Clean
        );
        let berry = profile(LockfileFormat::YarnBerry, 0.0);
        assert_eq!(
            check(&debug_with(None), "f", &debug_packument(), berry),
            Outcome::Clean
        );
        // Yarn classic `#sha1` fragment only: clean in a legacy file, reported as an outlier.
        let mut fragment = debug_with(Some("sha1-xq5DLZvZZiWC/OCHCbA4xY6ePWo="));
        fragment.location.integrity_line = fragment.location.resolved_line;
        let legacy = profile(LockfileFormat::YarnClassic, 0.5);
        assert_eq!(
            check(&fragment, "f", &debug_packument(), legacy),
            Outcome::Clean
        );
        let modern = profile(LockfileFormat::YarnClassic, 0.95);
        let Outcome::Finding(f) = check(&fragment, "f", &debug_packument(), modern) else {
            panic!("expected a finding")
        };
        assert_eq!(f.location.as_ref().unwrap().line, 42);
    }
}
