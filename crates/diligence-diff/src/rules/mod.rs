//! The `diff/…` rules: what a pull request changes in the locked dependency graph. One file
//! per rule, each with its check; the tables below are what runs, and [`crate::rules()`]
//! lists them.

use crate::changes::PackageChange;
use crate::config::ConfigChange;
use crate::delta::FileDelta;
use diligence_finding::{Finding, Rule};
use diligence_graph::DependencyGraph;
use serde_json::{Value, json};

pub mod config_changed;
pub mod integrity_changed;
pub mod new_lifecycle_script;
pub mod new_source;
pub mod package_added;
pub mod package_removed;
pub mod version_changed;

/// What a change rule sees besides the change: the base graph and both lockfile paths as
/// findings name them.
pub struct ChangeContext<'a> {
    pub base: &'a DependencyGraph,
    /// The head lockfile path (added and changed entries point here).
    pub head_file: String,
    /// The base lockfile path (removed entries point here).
    pub base_file: String,
}

/// A rule over one package change.
pub type ChangeCheck = fn(&PackageChange, &ChangeContext<'_>) -> Option<Finding>;

/// A rule over one package change and the file delta between its two tarballs.
pub type DeltaCheck = fn(&PackageChange, &FileDelta) -> Vec<Finding>;

/// The change rules, in report order (per change: the change itself, then its source).
pub static CHANGE_RULES: [(&Rule, ChangeCheck); 5] = [
    (&package_added::PACKAGE_ADDED, package_added::check),
    (&package_removed::PACKAGE_REMOVED, package_removed::check),
    (&version_changed::VERSION_CHANGED, version_changed::check),
    (
        &integrity_changed::INTEGRITY_CHANGED,
        integrity_changed::check,
    ),
    (&new_source::NEW_SOURCE, new_source::check),
];

/// The rules over a version change's file delta (run by the engine's code layer).
pub static DELTA_RULES: [(&Rule, DeltaCheck); 1] = [(
    &new_lifecycle_script::NEW_LIFECYCLE_SCRIPT,
    new_lifecycle_script::check,
)];

/// A rule over one trust-boundary file the head changed (`diligence.toml`, `.npmrc`).
pub type ConfigCheck = fn(&ConfigChange) -> Option<Finding>;

/// The rules over the head's configuration changes.
pub static CONFIG_RULES: [(&Rule, ConfigCheck); 1] =
    [(&config_changed::CONFIG_CHANGED, config_changed::check)];

/// `{"path", "importer", "source", "resolved"}` of a change.
pub(crate) fn base_evidence(c: &PackageChange) -> Value {
    let p = &c.package;
    json!({
        "path": c.path,
        "importer": c.importer,
        "source": p.source.kind(),
        "resolved": p.source.resolved(),
    })
}

/// ` (direct dependency)`, ` (via a@1 → b@2)` or ` (reached by no importer)`.
pub(crate) fn via(path: &[String]) -> String {
    match path.len() {
        0 => " (reached by no importer)".to_string(),
        1 => " (direct dependency)".to_string(),
        _ => format!(" (via {})", path[..path.len() - 1].join(" → ")),
    }
}
