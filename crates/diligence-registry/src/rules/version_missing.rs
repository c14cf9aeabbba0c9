//! `registry/version-missing`.

use super::{Outcome, finding};
use diligence_finding::Severity;
use diligence_graph::Package;
use diligence_packument::Packument;

diligence_finding::declare_rule! {
    /// A locked registry package or version that the registry does not serve.
    ///
    /// ## What it detects
    /// A lockfile entry whose package is unknown to the registry configured for it (HTTP 404
    /// on the packument), or whose version is absent from the packument's `versions`
    /// (unpublished, or never existed).
    ///
    /// ## Why it matters
    /// An injected lockfile entry for a package that does not exist (the tamper set's orphan
    /// `evil-pkg`), or a version that was unpublished after a malware report (event-stream's
    /// `flatmap-stream`, the `ua-parser-js` and `coa` hijacks), can only be installed from a
    /// cache or an attacker's URL. A clean install from the registry would fail.
    ///
    /// ## Example
    /// ```text
    /// "evil-pkg@npm:^1.0.0":
    ///   version: 1.0.0
    ///   resolution: "evil-pkg@npm:1.0.0"
    /// ```
    /// `GET /evil-pkg` answers 404.
    ///
    /// ## Known false positives
    /// Private packages audited against a registry that does not host them (configure
    /// `@scope:registry` in `.npmrc`), and versions legitimately unpublished within npm's
    /// 72-hour window. A 401/403 is reported as not evaluated, never as missing. Optional
    /// platform binaries whose publish failed for some targets (installs skip them) are
    /// reported at medium severity.
    pub static VERSION_MISSING = { id: "registry/version-missing", severity: Severity::High };
}

/// Severity for an entry: medium for optional-only entries (installs skip a missing optional
/// package), else the rule default.
fn severity(package: &Package) -> Severity {
    if package.optional {
        Severity::Medium
    } else {
        VERSION_MISSING.default_severity
    }
}

/// Checks one entry against the packument, or `None` when the registry answered 404 for it.
pub fn check(package: &Package, file: &str, packument: Option<&Packument>) -> Outcome {
    let Some(packument) = packument else {
        let message = format!(
            "{} is locked, but the registry has no package named `{}` (404)",
            package.id_string(),
            package.name
        );
        return Outcome::Finding(Box::new(
            finding(
                &VERSION_MISSING,
                package,
                file,
                package.location.line,
                message,
            )
            .evidence(serde_json::json!({"package_found": false})),
        ));
    };
    if packument.versions.contains_key(&package.version) {
        return Outcome::Clean;
    }
    let latest = packument.dist_tags.get("latest").cloned();
    let message = format!(
        "{} is locked, but the registry's packument has no version {} (unpublished or never existed)",
        package.id_string(),
        package.version
    );
    Outcome::Finding(Box::new(
        finding(&VERSION_MISSING, package, file, package.location.line, message)
            .severity(severity(package))
            .evidence(
            serde_json::json!({"package_found": true, "versions": packument.versions.len(), "latest": latest}),
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::*;

    #[test]
    fn flags_a_missing_package_and_version() {
        let p = entry("evil-pkg", "1.0.0", None, DEBUG_441);
        let Outcome::Finding(f) = check(&p, "yarn.lock", None) else {
            panic!("expected a finding")
        };
        assert_eq!(f.rule, "registry/version-missing");
        assert_eq!(f.package.as_ref().unwrap().name, "evil-pkg");
        assert_eq!(f.location.as_ref().unwrap().line, 40);

        let p = entry("debug", "4.4.99", None, DEBUG_443);
        let Outcome::Finding(f) = check(&p, "package-lock.json", Some(&debug_packument())) else {
            panic!("expected a finding")
        };
        assert_eq!(f.rule, "registry/version-missing");
        assert_eq!(f.package.as_ref().unwrap().version, "4.4.99");
        assert_eq!(f.severity, Severity::High);

        let mut p = entry("debug", "4.4.99", None, DEBUG_443);
        p.optional = true;
        let Outcome::Finding(f) = check(&p, "pnpm-lock.yaml", Some(&debug_packument())) else {
            panic!("expected a finding")
        };
        assert_eq!(f.severity, Severity::Medium);
    }

    #[test]
    fn passes_a_published_version() {
        let p = entry("debug", "4.4.3", None, DEBUG_443);
        assert_eq!(
            check(&p, "package-lock.json", Some(&debug_packument())),
            Outcome::Clean
        );
    }
}
