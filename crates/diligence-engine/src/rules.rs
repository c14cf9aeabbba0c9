//! Every documented rule, and which layer of the engine runs it.
//!
//! Each rule family exposes its rules from the table its runner iterates, so listing a rule
//! and running it are the same fact; [`coverage`] says which layer calls each family's runner.
//! The families with a (rule, check) table — lockfile rules, packument rules, advisories
//! (`diligence_advisory::checked_rules`), posture (`posture::CHECKS`), policy, vet
//! (`diligence_vet::checked_rules`) — are compared with their documented list ([`all_rules`]),
//! so a documented rule missing from its table fails the test below.
//! The test `every_documented_rule_runs` fails when a rule is documented (listed by
//! `diligence rules`) but no layer runs it, or when two rules share an id.

use diligence_finding::Rule;

/// The layers of the engine that run rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// Lockfile rules, typosquat and dependency confusion (graph inputs).
    Lockfile,
    /// OSV advisories (graph inputs, closures).
    Advisories,
    /// Registry cross-checks, berry checksums, tarball integrity (graph inputs, closures).
    Registry,
    /// Packument rules and manifest confusion (with full packuments).
    Metadata,
    /// Static analysis of package code (every input).
    Code,
    /// `diff/…` change and delta rules (delta inputs).
    Delta,
    /// The package manager's posture (`audit`).
    Posture,
    /// `policy/…` findings of `diligence.toml` itself (every input).
    Policy,
    /// `vet/…` findings of the audit ledger (`diligence vet`, over the locked graph).
    Ledger,
}

/// Each family's rules with the layer that runs them, in family order. A family's list comes
/// from the table its runner iterates.
pub fn coverage() -> Vec<(Coverage, Vec<&'static Rule>)> {
    use diligence_metadata::rules as meta;
    let mut metadata: Vec<&'static Rule> = meta::PACKUMENT_RULES.iter().map(|(r, _)| *r).collect();
    metadata.push(&meta::manifest_confusion::MANIFEST_CONFUSION);
    vec![
        (
            Coverage::Lockfile,
            diligence_lockfile_rules::rules()
                .into_iter()
                .chain([
                    &meta::typosquat::TYPOSQUAT,
                    &meta::dependency_confusion::DEPENDENCY_CONFUSION,
                ])
                .collect(),
        ),
        (Coverage::Advisories, diligence_advisory::checked_rules()),
        (
            Coverage::Registry,
            diligence_registry::checked_rules()
                .into_iter()
                .chain(diligence_berry::checked_rules())
                .collect(),
        ),
        (Coverage::Metadata, metadata),
        (Coverage::Code, diligence_analyze::rules()),
        (Coverage::Delta, diligence_diff::rules()),
        (
            Coverage::Posture,
            diligence_metadata::posture::CHECKS
                .iter()
                .map(|(r, _)| *r)
                .collect(),
        ),
        (Coverage::Policy, diligence_policy::rules()),
        (Coverage::Ledger, diligence_vet::checked_rules()),
    ]
}

/// Every documented rule (what `diligence rules` lists and SARIF describes), sorted by id:
/// the rules each family declares, whether or not a layer runs them (the test below holds
/// the two lists equal).
pub fn all_rules() -> Vec<&'static Rule> {
    let mut rules: Vec<&'static Rule> = Vec::new();
    rules.extend(diligence_lockfile_rules::rules());
    rules.extend(diligence_advisory::rules());
    rules.extend(diligence_registry::rules());
    rules.extend(diligence_berry::rules());
    rules.extend(diligence_metadata::rules());
    rules.extend(diligence_analyze::rules());
    rules.extend(diligence_policy::rules());
    rules.extend(diligence_diff::rules());
    rules.extend(diligence_vet::rules());
    rules.sort_by_key(|r| r.id);
    rules
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every documented rule runs in some layer, and no two rules share an id (checked before
    /// any deduplication, so a copied id fails here).
    #[test]
    fn every_documented_rule_runs() {
        let documented = all_rules();
        let mut ids: Vec<&str> = documented.iter().map(|r| r.id).collect();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "duplicate rule ids among {count} rules");
        let run: BTreeSet<&str> = coverage()
            .iter()
            .flat_map(|(_, rules)| rules.iter().map(|r| r.id))
            .collect();
        let missing: Vec<&str> = ids.iter().copied().filter(|id| !run.contains(id)).collect();
        assert!(
            missing.is_empty(),
            "documented but run by no layer: {missing:?}"
        );
        let undocumented: Vec<&str> = run.iter().copied().filter(|id| !ids.contains(id)).collect();
        assert!(
            undocumented.is_empty(),
            "run but not documented: {undocumented:?}"
        );
    }

    /// The ids have the `family/kebab-name` shape and the docs the documented sections.
    #[test]
    fn rule_ids_and_docs_have_the_shape() {
        for rule in all_rules() {
            assert!(diligence_finding::is_rule_id(rule.id), "{}", rule.id);
            for section in [
                "## What it detects",
                "## Why it matters",
                "## Example",
                "## Known false positives",
            ] {
                assert!(rule.doc.contains(section), "{} lacks {section}", rule.id);
            }
        }
    }
}
