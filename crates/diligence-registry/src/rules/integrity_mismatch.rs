//! `registry/integrity-mismatch`.

use super::{Outcome, finding, what};
use crate::verify::{self, Comparison};
use diligence_finding::{NotEvaluated, Severity};
use diligence_graph::{Integrity, Package};
use diligence_packument::Packument;

diligence_finding::declare_rule! {
    /// The lockfile integrity differs from the registry's `dist.integrity` for that version.
    ///
    /// ## What it detects
    /// A registry entry whose `integrity` (or yarn classic `#sha1` fragment) disagrees with the
    /// hash the registry publishes for the locked version: `dist.integrity` for sha512 (and
    /// other SRI algorithms), `dist.shasum` for a sha1-only lockfile. Only hashes of the same
    /// algorithm are compared. When the lockfile's hash belongs to another version of the same
    /// package, the evidence names that version.
    ///
    /// ## Why it matters
    /// Lockfile injection (tamper kind T4): a pull request swaps in the integrity of another
    /// real version, or of an attacker's tarball served from a poisoned cache or mirror. Host,
    /// path, version and algorithm all look right, so lockfile-only linters pass; only the
    /// registry's own record of the version exposes it.
    ///
    /// ## Example
    /// ```text
    /// "debug": ["debug@4.4.3", "", {…}, "sha512-KcKCqift…"]   (bun.lock)
    /// ```
    /// The registry says debug@4.4.3 is `sha512-RGwwWnwQ…`; `sha512-KcKCqift…` is debug@4.4.1.
    ///
    /// ## Known false positives
    /// A registry that rebuilt its tarballs (some private mirrors recompress) publishes
    /// different hashes for the same version; the tarball check (`registry/tarball-integrity`)
    /// tells which side the served bytes match. Yarn berry `checksum`s hash yarn's zip
    /// archive, not the tarball, and are reported as not evaluated instead of compared.
    pub static INTEGRITY_MISMATCH = { id: "registry/integrity-mismatch", severity: Severity::Critical };
}

/// What this check reports as not evaluated.
pub const CHECK: &str = "registry integrity check";

/// Compares the entry's integrity with the packument's for its version. Entries without an
/// integrity are clean here (the lockfile rules report them); berry checksums and hashes with
/// no algorithm in common are not evaluated.
pub fn check(package: &Package, file: &str, packument: &Packument) -> Outcome {
    let Some(ours) = &package.integrity else {
        return Outcome::Clean;
    };
    let Some(manifest) = packument.version(&package.version) else {
        return Outcome::Clean;
    };
    if let Integrity::BerryChecksum(_) = ours {
        return Outcome::NotEvaluated(NotEvaluated {
            what: what(CHECK, package),
            why: "yarn berry checksum hashes yarn's zip archive, not the registry tarball: not verifiable against the registry".into(),
        });
    }
    let Some(theirs) = verify::registry_integrity(&manifest.dist) else {
        return Outcome::NotEvaluated(NotEvaluated {
            what: what(CHECK, package),
            why: "the packument gives no dist.integrity or dist.shasum for this version".into(),
        });
    };
    let (ours_hash, theirs_hash) = match verify::compare(ours, &theirs) {
        Comparison::Match => return Outcome::Clean,
        Comparison::Incomparable => {
            return Outcome::NotEvaluated(NotEvaluated {
                what: what(CHECK, package),
                why: format!(
                    "no hash algorithm in common: lockfile has {ours}, registry has {theirs}"
                ),
            });
        }
        Comparison::Mismatch { ours, theirs } => (ours, theirs),
    };
    let other = version_with(packument, ours);
    let belongs = match &other {
        Some(v) => format!(" (that is the integrity of {}@{v})", package.name),
        None => String::new(),
    };
    let message = format!(
        "{}: lockfile integrity {ours_hash} differs from the registry's {theirs_hash}{belongs}",
        package.id_string()
    );
    let evidence = serde_json::json!({
        "lockfile": ours.to_string(),
        "registry": theirs.to_string(),
        "matches_version": other,
    });
    Outcome::Finding(Box::new(
        finding(
            &INTEGRITY_MISMATCH,
            package,
            file,
            package.location.for_integrity(),
            message,
        )
        .evidence(evidence),
    ))
}

/// The version of the packument whose published integrity matches `integrity`, if any.
fn version_with(packument: &Packument, integrity: &Integrity) -> Option<String> {
    packument.versions.iter().find_map(|(v, m)| {
        let theirs = verify::registry_integrity(&m.dist)?;
        (verify::compare(integrity, &theirs) == Comparison::Match).then(|| v.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn flags_integrity_of_another_version() {
        // bun-T4-1: debug@4.4.3 with debug@4.4.1's integrity.
        let p = entry("debug", "4.4.3", None, DEBUG_441);
        let Outcome::Finding(f) = check(&p, "bun.lock", &debug_packument()) else {
            panic!("expected a finding")
        };
        assert_eq!(f.rule, "registry/integrity-mismatch");
        assert_eq!(f.package.as_ref().unwrap().name, "debug");
        assert_eq!(f.package.as_ref().unwrap().version, "4.4.3");
        assert_eq!(f.location.as_ref().unwrap().line, 43);
        assert_eq!(f.evidence["matches_version"], "4.4.1");
    }

    #[test]
    fn passes_matching_sha512_and_sha1() {
        let p = entry("debug", "4.4.3", None, DEBUG_443);
        assert_eq!(check(&p, "bun.lock", &debug_packument()), Outcome::Clean);
        // yarn classic: sha1 from the `#c6ae…` fragment against dist.shasum.
        let p = entry("debug", "4.4.3", None, "sha1-xq5DLZvZZiWC/OCHCbA4xY6ePWo=");
        assert_eq!(check(&p, "yarn.lock", &debug_packument()), Outcome::Clean);
    }

    #[test]
    fn berry_checksums_are_not_evaluated() {
        let mut p = entry("debug", "4.4.3", None, DEBUG_443);
        p.integrity = Some(Integrity::BerryChecksum("10c0/86946f60".into()));
        let Outcome::NotEvaluated(n) = check(&p, "yarn.lock", &debug_packument()) else {
            panic!("expected not evaluated")
        };
        assert_eq!(n.what, "registry integrity check of debug@4.4.3");
    }
}
