use super::{local_paths, place_of};
use crate::local_path::Place;
use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A package is installed from a folder or file inside the project (informational).
    ///
    /// ## What it detects
    /// `file:`, `link:` and `portal:` sources, and `workspace:` entries that are not one of
    /// the lockfile's importers, whose path stays inside the project. The project's own
    /// workspace members (importers, and npm's `node_modules/<ws>` links to them) are not
    /// reported. Evidence: `{"path", "protocol", "resolved_to"}`.
    ///
    /// ## Why it matters
    /// Local sources are outside every registry-based check (advisories, publish metadata,
    /// integrity), so a reviewer should know they exist; code in the repository is reviewed
    /// with the repository, which is why this is only informational.
    ///
    /// ## Example
    /// ```json
    /// "about": { "version": "file:packages/about" }
    /// ```
    ///
    /// ## Known false positives
    /// None: this is an inventory, reported at info.
    pub static LOCAL_SOURCE = { id: "lockfile/local-source", severity: Severity::Info };
}

/// True when `path` (normalised, relative to the lockfile folder) is an importer's folder or
/// `entry` is an importer's own node.
fn is_project_member(cx: &Cx<'_>, entry: &Entry<'_>, path: &str) -> bool {
    cx.graph.importers.iter().any(|i| {
        i.package == Some(entry.id) || i.path.trim_start_matches("./").trim_end_matches('/') == path
    })
}

/// Reports the first in-project local path of `entry`, unless it is a workspace member.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    let p = entry.package;
    let local = local_paths(&p.source)
        .into_iter()
        .filter(|(protocol, _)| *protocol != "patch")
        .find_map(|(protocol, spec)| match place_of(cx, entry, spec) {
            Place::Inside(path) => Some((protocol, spec, path)),
            Place::Outside(_) => None,
        });
    let Some((protocol, spec, path)) = local else {
        return;
    };
    if is_project_member(cx, entry, &path) {
        return;
    }
    let message = format!(
        "{} is installed from `{spec}` ({protocol}) inside the project, outside registry checks",
        p.id_string()
    );
    let evidence = json!({ "path": spec, "protocol": protocol, "resolved_to": path });
    out.push(
        cx.finding(&LOCAL_SOURCE, p, p.location.for_resolved(), message)
            .evidence(evidence),
    );
}
