//! Registry metadata checks (issue 6): rules over packuments, typosquat and
//! dependency-confusion detection, and the package-manager posture report.
//!
//! - [`check_package`] vets one version of one packument (single specs: `diligence check`,
//!   `diligence install`); [`check_graph`] vets every registry package of a lockfile's graph
//!   and points findings at the lockfile lines.
//! - [`typosquat()`] judges one name against the pinned popular list ([`popular`]) with the
//!   model in [`typosquat`](mod@typosquat); [`check_requested_names`] and
//!   [`rules::typosquat::check`] turn matches into findings for names a person asked for and
//!   for a lockfile graph.
//! - [`rules::dependency_confusion::check`] works on the graph alone (offline).
//! - [`rules::manifest_confusion::check_manifest_confusion`] compares a registry version
//!   document with the tarball's `package.json`.
//! - [`posture()`] reads a project's package-manager configuration and reports, as `posture/…`
//!   info findings, which supply-chain settings are on and what to add.
//!
//! Absent registry fields (the mirror reachable here strips `time.created`, `maintainers`,
//! `_npmUser`, `deprecated`, signatures) give a [`NotEvaluated`] record for that package and
//! check, never a clean result and never an error.

pub mod context;
pub mod policy;
pub mod popular;
pub mod posture;
pub mod rules;
pub mod time;
pub mod typosquat;

pub use context::{Outcome, PackumentLookup, VersionContext};
pub use policy::MetadataPolicy;
pub use posture::{PackageManager, posture};
pub use rules::manifest_confusion::{check_manifest_confusion, check_manifest_confusion_listed};
pub use rules::typosquat::{
    RequestedName, check_name, check_requested_names, typosquat, typosquat_with_allowlist,
};
pub use typosquat::{NameContext, SquatKind, TyposquatMatch};

use diligence_finding::{Finding, NotEvaluated, Rule};
use diligence_graph::{DependencyGraph, Source};
use diligence_packument::Packument;
use std::collections::{BTreeMap, HashMap};
use std::time::SystemTime;

/// Every rule this crate declares: the packument rules, typosquat, dependency confusion,
/// manifest confusion and the posture rules.
pub fn rules() -> Vec<&'static Rule> {
    let mut out: Vec<&'static Rule> = rules::PACKUMENT_RULES.iter().map(|(r, _)| *r).collect();
    out.push(&rules::typosquat::TYPOSQUAT);
    out.push(&rules::dependency_confusion::DEPENDENCY_CONFUSION);
    out.push(&rules::manifest_confusion::MANIFEST_CONFUSION);
    out.extend(posture::rules());
    out
}

/// Vets one version of a packument: every packument rule. `now` is the reference time for ages
/// (pass `SystemTime::now()`). The typosquat rule depends on where the name comes from: call
/// [`check_name`] (a closure's packages, [`NameContext::Locked`]) or [`check_requested_names`]
/// (the names asked for) beside it.
///
/// Findings carry the package but no location. A version missing from the packument, or not
/// semver, gives one [`NotEvaluated`] (`metadata checks of name@version`); a rule whose input
/// field is absent gives a [`NotEvaluated`] named `<rule id> of name@version`.
pub fn check_package(
    packument: &Packument,
    version: &str,
    now: SystemTime,
    policy: &MetadataPolicy,
) -> (Vec<Finding>, Vec<NotEvaluated>) {
    check_version(packument, version, now, policy, None)
}

/// [`check_package`] with other packages' packuments at hand (the closure's, in `check`): the
/// rules that look at the dependencies a version adds (`metadata/young-dependency`) need them
/// and are not evaluated without.
pub fn check_package_with(
    packument: &Packument,
    version: &str,
    now: SystemTime,
    policy: &MetadataPolicy,
    others: &dyn PackumentLookup,
) -> (Vec<Finding>, Vec<NotEvaluated>) {
    check_version(packument, version, now, policy, Some(others))
}

/// The packument rules only (no typosquat), for one version.
fn check_version(
    packument: &Packument,
    version: &str,
    now: SystemTime,
    policy: &MetadataPolicy,
    others: Option<&dyn PackumentLookup>,
) -> (Vec<Finding>, Vec<NotEvaluated>) {
    let id = format!("{}@{version}", packument.name);
    let cx = match VersionContext::new(packument, version, time::unix_secs(now), policy) {
        Ok(cx) => match others {
            Some(o) => cx.with_others(o),
            None => cx,
        },
        Err(why) => {
            let ne = NotEvaluated {
                what: format!("metadata checks of {id}"),
                why,
            };
            return (Vec::new(), vec![ne]);
        }
    };
    let mut findings = Vec::new();
    let mut not_evaluated = Vec::new();
    for (rule, check) in rules::PACKUMENT_RULES {
        check(&cx).record(rule, &id, &mut findings, &mut not_evaluated);
    }
    (findings, not_evaluated)
}

/// Vets every registry package of a graph: the packument rules for each distinct
/// `name@version` (findings at the first entry's lockfile line), the typosquat rule for each
/// distinct name, and the dependency-confusion rule.
///
/// `packuments` maps package name → packument. A registry package without a packument gives a
/// [`NotEvaluated`] (`metadata checks of name@version`: `no packument`).
pub fn check_graph(
    graph: &DependencyGraph,
    packuments: &HashMap<String, Packument>,
    now: SystemTime,
    policy: &MetadataPolicy,
) -> (Vec<Finding>, Vec<NotEvaluated>) {
    let file = graph.lockfile.path.display().to_string();
    let mut first_line: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    for p in &graph.packages {
        if matches!(p.source, Source::Registry { .. }) {
            first_line
                .entry((p.name.as_str(), p.version.as_str()))
                .or_insert(p.location.line);
        }
    }
    let mut findings = Vec::new();
    let mut not_evaluated = Vec::new();
    for ((name, version), line) in first_line {
        let Some(packument) = packuments.get(name) else {
            not_evaluated.push(NotEvaluated {
                what: format!("metadata checks of {name}@{version}"),
                why: "no packument for this package".into(),
            });
            continue;
        };
        let (f, ne) = check_version(packument, version, now, policy, Some(packuments));
        findings.extend(f.into_iter().map(|f| f.at(file.clone(), line)));
        not_evaluated.extend(ne);
    }
    findings.extend(rules::typosquat::check(graph, &policy.typosquat_allowlist));
    let (f, ne) = rules::dependency_confusion::check(graph, policy);
    findings.extend(f);
    not_evaluated.extend(ne);
    (findings, not_evaluated)
}
