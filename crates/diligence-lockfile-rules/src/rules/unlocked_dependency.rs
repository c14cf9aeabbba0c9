use crate::Cx;
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::{DepKind, Edge};
use serde_json::json;

declare_rule! {
    /// A required dependency that has no entry in the lockfile, so the install resolves it.
    ///
    /// ## What it detects
    /// Production and dev dependency edges — of an importer (root or workspace) or of a locked
    /// package — that resolve to no lockfile entry; and, for every format, `dependencies` and
    /// `devDependencies` of an importer's `package.json` that the lockfile's record of that
    /// importer lacks (npm v2/v3, pnpm, bun and berry record the importers' dependencies in the
    /// lockfile, so a dependency added to package.json without relocking, or a lockfile cut
    /// down to its root, is seen by comparing the two). Optional and peer dependencies are left
    /// out: other platforms' binaries and unmet optional peers are legitimately absent.
    /// Evidence: `{"from", "dependency", "spec"}` (plus `"declared_in"` for the manifest
    /// comparison).
    ///
    /// ## Why it matters
    /// What is not locked is not reviewed: `npm install`, `yarn` and `pnpm install` without a
    /// frozen lockfile resolve the missing package from the registry at install time, at
    /// whatever version is newest then, so it escapes every check of the lockfile (advisories,
    /// registry cross-checks, code scan). A lockfile cut short, or an entry deleted in a pull
    /// request while its dependent stays, has this shape.
    ///
    /// ## Example
    /// package.json asks for `"picocolors": "^1.0.0"` and the lockfile has no `picocolors`
    /// entry.
    ///
    /// ## Known false positives
    /// A lockfile that is simply out of date after a manual package.json edit; running the
    /// package manager once updates it. A reader that misses a resolution kind would show its
    /// edges as unlocked (the corpus tests assert zero on 17 real lockfiles).
    pub static UNLOCKED_DEPENDENCY = { id: "lockfile/unlocked-dependency", severity: Severity::Medium };
}

fn required(edge: &Edge) -> bool {
    edge.target.is_none() && matches!(edge.kind, DepKind::Prod | DepKind::Dev)
}

/// Reports unresolved required edges: importers' at line 0 of the lockfile (they come from
/// package.json), packages' at the package's entry line.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    check_manifests(cx, out);
    for importer in &cx.graph.importers {
        for edge in importer.dependencies.iter().filter(|e| required(e)) {
            let message = format!(
                "`{}` (`{}`) of importer `{}` has no lockfile entry: the install resolves it from the registry, unreviewed",
                edge.name, edge.spec, importer.path
            );
            let finding = Finding::new(&UNLOCKED_DEPENDENCY, message)
                .at(cx.file.clone(), 0)
                .evidence(
                    json!({ "from": importer.path, "dependency": edge.name, "spec": edge.spec }),
                );
            out.push(finding);
        }
    }
    for p in &cx.graph.packages {
        for edge in p.dependencies.iter().filter(|e| required(e)) {
            let message = format!(
                "{} depends on `{}` (`{}`), which has no lockfile entry: the install resolves it from the registry, unreviewed",
                p.id_string(),
                edge.name,
                edge.spec
            );
            let finding = cx
                .finding(&UNLOCKED_DEPENDENCY, p, p.location.line, message)
                .evidence(
                    json!({ "from": p.id_string(), "dependency": edge.name, "spec": edge.spec }),
                );
            out.push(finding);
        }
    }
}

/// Dependencies an importer's package.json asks for that the lockfile's importer record does
/// not list at all (listed but unresolved edges are reported by [`check`] itself).
fn check_manifests(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    for importer in &cx.graph.importers {
        let Some(declared) = cx.declared.importers.get(&importer.path) else {
            continue;
        };
        // A set, not a scan per declared name: a root with 100 k dependencies is 100 k
        // lookups, not 10^10 comparisons.
        let listed: std::collections::HashSet<&str> = importer
            .dependencies
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        for (name, spec) in &declared.dependencies {
            if listed.contains(name.as_str()) {
                continue;
            }
            let message = format!(
                "`{name}` (`{spec}`) is in {} but the lockfile has no entry for it under importer `{}`: the install resolves it from the registry, unreviewed (relock)",
                declared.file, importer.path
            );
            let finding = Finding::new(&UNLOCKED_DEPENDENCY, message)
                .at(cx.file.clone(), 0)
                .evidence(json!({
                    "from": importer.path,
                    "dependency": name,
                    "spec": spec,
                    "declared_in": declared.file,
                }));
            out.push(finding);
        }
    }
}
