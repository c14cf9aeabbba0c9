use crate::Cx;
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A lockfile entry that no importer depends on, directly or transitively.
    ///
    /// ## What it detects
    /// Packages that are not reachable from the root or any workspace through the lockfile's
    /// resolved dependency edges (`DependencyGraph::unreachable`). Evidence: `{"key"}`, the
    /// entry's key as written.
    ///
    /// ## Why it matters
    /// Package managers prune entries nothing needs, so an unreachable entry is either a
    /// leftover of a hand edit or an injection staged for later: an entry added now, and a
    /// one-line dependency on it in a later, innocent-looking change (tamper kind T7). Some
    /// tools also install every entry of the lockfile regardless of reachability.
    ///
    /// ## Example
    /// ```yaml
    /// "evil-pkg@npm:^1.0.0":
    ///   version: 1.0.0
    ///   resolution: "evil-pkg@npm:1.0.0"
    /// ```
    ///
    /// ## Known false positives
    /// Lockfiles that were edited by hand or merged without reinstalling can hold stale
    /// entries; reinstalling removes them. A reader that misses an edge kind would make
    /// its targets look orphaned.
    pub static ORPHAN_ENTRY = { id: "lockfile/orphan-entry", severity: Severity::Medium };
}

/// Reports every unreachable entry at its key line.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    for id in cx.graph.unreachable() {
        let p = cx.graph.package(id);
        let message = format!(
            "{} (entry `{}`) is not reachable from any importer: nothing in the project depends on it",
            p.id_string(),
            p.key
        );
        let finding = cx.finding(&ORPHAN_ENTRY, p, p.location.line, message);
        out.push(finding.evidence(json!({ "key": p.key })));
    }
}
