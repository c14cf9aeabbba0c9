//! Pull-request review data: what does the head lockfile change compared with the base?
//!
//! - [`compare`] matches the packages of two [`DependencyGraph`]s by name and reports each
//!   [`PackageChange`] (added, removed, version up/down, same version with another
//!   `integrity`/`resolved`) with the dependency path that brings it in.
//! - [`change_findings`] turns the changes into `diff/…` findings through the rule table
//!   ([`rules::CHANGE_RULES`]); [`rules::DELTA_RULES`] judge the file delta between two
//!   versions' tarballs ([`delta`]).
//! - [`only_new`] keeps the findings of the head that the base did not have.
//! - [`git`] reads lockfiles at revisions through the `git` CLI.
//!
//! Running the checks on what a change adds (lockfile rules, advisories, registry
//! cross-checks, metadata, code delta) is `diligence-engine`'s job: `diff` and `install` hand it
//! the two graphs.

pub mod changes;
pub mod config;
pub mod delta;
pub mod git;
pub mod rules;

pub use changes::{ChangeKind, Direction, PackageChange, compare};
pub use config::{ConfigChange, ConfigChangeKind, compare_config, config_changes};

use diligence_finding::Finding;
use diligence_graph::DependencyGraph;
use serde_json::Value;
use std::collections::BTreeSet;

/// Why a review could not start (the CLI maps these to exit 2 with one line).
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    /// A git command failed (not a repository, unknown revision, …).
    #[error("{command}: {message}")]
    Git { command: String, message: String },
    /// A lockfile or manifest could not be read or parsed.
    #[error("{what}: {message}")]
    Input { what: String, message: String },
}

/// All rules of this crate, from the rule tables: `diff/package-added`,
/// `diff/package-removed`, `diff/version-changed`, `diff/integrity-changed`,
/// `diff/new-source`, `diff/new-lifecycle-script`, `diff/config-changed`.
pub fn rules() -> Vec<&'static diligence_finding::Rule> {
    rules::CHANGE_RULES
        .iter()
        .map(|(r, _)| *r)
        .chain(rules::DELTA_RULES.iter().map(|(r, _)| *r))
        .chain(rules::CONFIG_RULES.iter().map(|(r, _)| *r))
        .collect()
}

/// The `diff/config-changed` findings of the head's trust-boundary file changes (from
/// [`config_changes`]), in order.
pub fn config_findings(changes: &[ConfigChange]) -> Vec<Finding> {
    changes
        .iter()
        .flat_map(|c| {
            rules::CONFIG_RULES
                .iter()
                .filter_map(|(_, check)| check(c))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The `diff/…` findings of `changes` (from [`compare`]`(base, head)`), in change order; per
/// change in rule-table order.
pub fn change_findings(
    changes: &[PackageChange],
    base: &DependencyGraph,
    head: &DependencyGraph,
) -> Vec<Finding> {
    let cx = rules::ChangeContext {
        base,
        head_file: head.lockfile.path.display().to_string(),
        base_file: base.lockfile.path.display().to_string(),
    };
    changes
        .iter()
        .flat_map(|c| {
            rules::CHANGE_RULES
                .iter()
                .filter_map(|(_, check)| check(c, &cx))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Identity of a finding across the two sides: rule, package, and the evidence without
/// positions (or the message when there is no evidence).
fn finding_key(f: &Finding) -> String {
    let pkg = f
        .package
        .as_ref()
        .map(|p| format!("{}@{}", p.name, p.version))
        .unwrap_or_default();
    let tail = if f.evidence.is_null() {
        f.message.clone()
    } else {
        strip_positions(&f.evidence).to_string()
    };
    format!("{}\0{pkg}\0{tail}", f.rule)
}

fn strip_positions(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "line" | "lines" | "column"))
                .map(|(k, v)| (k.clone(), strip_positions(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(strip_positions).collect()),
        other => other.clone(),
    }
}

/// Findings of `new` whose identity (rule, package, evidence without line numbers) is not
/// among `old`'s.
pub fn only_new(old: Vec<Finding>, new: Vec<Finding>) -> Vec<Finding> {
    let before: BTreeSet<String> = old.iter().map(finding_key).collect();
    new.into_iter()
        .filter(|f| !before.contains(&finding_key(f)))
        .collect()
}
