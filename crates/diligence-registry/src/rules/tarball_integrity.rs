//! `registry/tarball-integrity`.

use super::{Outcome, finding, what};
use crate::client::{RegistryError, TarballMismatch};
use diligence_finding::{NotEvaluated, Severity};
use diligence_graph::Package;

diligence_finding::declare_rule! {
    /// The tarball the registry serves does not hash to the expected integrity.
    ///
    /// ## What it detects
    /// The bytes downloaded for a locked version (from its packument `dist.tarball`) do not
    /// match the lockfile's integrity, or do not match the packument's own
    /// `dist.integrity`/`dist.shasum`.
    ///
    /// ## Why it matters
    /// A compromised mirror, cache or proxy serving altered tarballs, or a registry record
    /// that no longer describes the bytes it serves. Package managers refuse such a tarball
    /// (`EINTEGRITY`), but a build that skips integrity (`--no-verify`, an old yarn) or a
    /// cache keyed by URL would install it.
    ///
    /// ## Example
    /// The lockfile says `sha512-RGwwWnwQ…` for debug@4.4.3 and the served bytes hash to
    /// `sha512-KcKCqift…`.
    ///
    /// ## Known false positives
    /// Mirrors that recompress tarballs change every hash; the evidence says which side
    /// (lockfile or packument) disagrees. Only checked when tarball verification is on.
    pub static TARBALL_INTEGRITY = { id: "registry/tarball-integrity", severity: Severity::Critical };
}

/// What this check reports as not evaluated.
pub const CHECK: &str = "tarball verification";

/// Turns the result of a verified tarball fetch into an outcome: an integrity mismatch is a
/// finding; any other failure is not evaluated.
pub fn check(package: &Package, file: &str, result: Result<(), &RegistryError>) -> Outcome {
    let error = match result {
        Ok(()) => return Outcome::Clean,
        Err(e) => e,
    };
    let RegistryError::TarballIntegrity(mismatch) = error else {
        return Outcome::NotEvaluated(NotEvaluated {
            what: what(CHECK, package),
            why: error.to_string(),
        });
    };
    let TarballMismatch {
        url,
        against,
        expected,
        actual,
        ..
    } = mismatch.as_ref();
    let message = format!(
        "{}: the tarball served at {url} hashes to {actual}, but the {against} says {expected}",
        package.id_string()
    );
    Outcome::Finding(Box::new(
        finding(
            &TARBALL_INTEGRITY,
            package,
            file,
            package.location.for_integrity(),
            message,
        )
        .evidence(serde_json::json!({"url": url, "against": against, "expected": expected, "actual": actual})),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn mismatch_is_a_finding_other_errors_are_not_evaluated() {
        let p = entry("debug", "4.4.3", None, DEBUG_443);
        let err = RegistryError::TarballIntegrity(Box::new(TarballMismatch {
            name: "debug".into(),
            version: "4.4.3".into(),
            url: "http://127.0.0.1:1/debug/-/debug-4.4.3.tgz".into(),
            against: "lockfile",
            expected: DEBUG_443.into(),
            actual: DEBUG_441.into(),
        }));
        let Outcome::Finding(f) = check(&p, "package-lock.json", Err(&err)) else {
            panic!("expected a finding")
        };
        assert_eq!(f.rule, "registry/tarball-integrity");
        assert_eq!(f.package.as_ref().unwrap().name, "debug");
        assert_eq!(f.location.as_ref().unwrap().line, 43);
        let offline = RegistryError::Offline {
            what: "tarball of debug@4.4.3".into(),
        };
        assert!(matches!(
            check(&p, "package-lock.json", Err(&offline)),
            Outcome::NotEvaluated(_)
        ));
        assert_eq!(check(&p, "package-lock.json", Ok(())), Outcome::Clean);
    }
}
