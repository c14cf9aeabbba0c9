//! Registry cross-check rules (and `registry/project-credentials`, about the `.npmrc` trust
//! boundary), one file each. Every rule is a pure function of a lockfile
//! entry and what the registry said, so it can be tested without a network; the
//! orchestration (fetching, parallelism, not-evaluated records) is in [`crate::crosscheck`].

pub mod integrity_downgrade;
pub mod integrity_mismatch;
pub mod project_credentials;
pub mod resolved_mismatch;
pub mod scope_registry;
pub mod tarball_integrity;
pub mod version_missing;

use diligence_finding::{Finding, Rule};
use diligence_graph::Package;

/// All rules of this crate, for `diligence rules` and SARIF.
pub fn rules() -> Vec<&'static Rule> {
    vec![
        &version_missing::VERSION_MISSING,
        &integrity_mismatch::INTEGRITY_MISMATCH,
        &integrity_downgrade::INTEGRITY_DOWNGRADE,
        &resolved_mismatch::RESOLVED_MISMATCH,
        &scope_registry::SCOPE_REGISTRY,
        &tarball_integrity::TARBALL_INTEGRITY,
        &project_credentials::PROJECT_CREDENTIALS,
    ]
}

/// What one rule concluded about one entry: the one outcome type of every rule family.
pub use diligence_finding::Outcome;

/// A finding of `rule` about `package` at `file:line`.
pub(crate) fn finding(
    rule: &Rule,
    package: &Package,
    file: &str,
    line: u32,
    message: String,
) -> Finding {
    Finding::new(rule, message)
        .package(&package.name, &package.version)
        .at(file, line)
}

/// The `what` of a not-evaluated record about a package.
pub(crate) fn what(check: &str, package: &Package) -> String {
    format!("{check} of {}", package.id_string())
}

#[cfg(test)]
pub(crate) mod test_support {
    use diligence_graph::{Integrity, Location, Package, Source};
    use diligence_packument::{Dist, Packument, VersionManifest};

    /// A registry entry as the npm reader makes it, with real values.
    pub fn entry(name: &str, version: &str, resolved: Option<&str>, integrity: &str) -> Package {
        Package {
            name: name.into(),
            version: version.into(),
            source: Source::Registry {
                resolved: resolved.map(str::to_string),
            },
            integrity: Integrity::parse_sri(integrity).ok(),
            dev: false,
            optional: false,
            peer: false,
            has_install_script: false,
            bundled: false,
            dependencies: Vec::new(),
            key: format!("node_modules/{name}"),
            location: Location {
                line: 40,
                resolved_line: 42,
                integrity_line: 43,
            },
        }
    }

    /// A packument with the given `(version, tarball, integrity, shasum)` rows.
    pub fn packument(name: &str, rows: &[(&str, &str, &str, &str)]) -> Packument {
        let mut p = Packument {
            name: name.into(),
            ..Packument::default()
        };
        for (v, tarball, integrity, shasum) in rows {
            p.versions.insert(
                v.to_string(),
                VersionManifest {
                    name: name.into(),
                    version: v.to_string(),
                    dist: Dist {
                        tarball: tarball.to_string(),
                        integrity: Some(integrity.to_string()).filter(|s| !s.is_empty()),
                        shasum: Some(shasum.to_string()).filter(|s| !s.is_empty()),
                        ..Dist::default()
                    },
                    ..VersionManifest::default()
                },
            );
        }
        p
    }

    /// debug 4.4.3 and 4.4.1 as the registry publishes them.
    pub fn debug_packument() -> Packument {
        packument(
            "debug",
            &[
                (
                    "4.4.3",
                    "https://registry.npmjs.org/debug/-/debug-4.4.3.tgz",
                    "sha512-RGwwWnwQvkVfavKVt22FGLw+xYSdzARwm0ru6DhTVA3umU5hZc28V3kO4stgYryrTlLpuvgI9GiijltAjNbcqA==",
                    "c6ae432d9bd9662582fce08709b038c58e9e3d6a",
                ),
                (
                    "4.4.1",
                    "https://registry.npmjs.org/debug/-/debug-4.4.1.tgz",
                    "sha512-KcKCqiftBJcZr++7ykoDIEwSa3XWowTfNPo92BYxjXiyYEVrUQh2aLyhxBCwww+heortUFxEJYcRzosstTEBYQ==",
                    "",
                ),
            ],
        )
    }

    pub const DEBUG_443: &str = "sha512-RGwwWnwQvkVfavKVt22FGLw+xYSdzARwm0ru6DhTVA3umU5hZc28V3kO4stgYryrTlLpuvgI9GiijltAjNbcqA==";
    pub const DEBUG_441: &str = "sha512-KcKCqiftBJcZr++7ykoDIEwSa3XWowTfNPo92BYxjXiyYEVrUQh2aLyhxBCwww+heortUFxEJYcRzosstTEBYQ==";
}
