//! Flags and links computed from the finished graph: dev-only packages (9.x records no `dev`)
//! and local directory entries that are workspace members of the project.

use diligence_graph::{DepKind, DependencyGraph, PackageId, Source};

/// 9.x records no `dev` flag: a package is dev-only when no importer's prod or optional edge
/// reaches it but a dev edge does.
pub fn mark_dev_only(graph: &mut DependencyGraph) {
    let prod = reach(graph, |k| k != DepKind::Dev);
    let any = reach(graph, |_| true);
    for (i, p) in graph.packages.iter_mut().enumerate() {
        p.dev = any[i] && !prod[i];
    }
}

fn reach(graph: &DependencyGraph, root_kind: impl Fn(DepKind) -> bool) -> Vec<bool> {
    let mut seen = vec![false; graph.packages.len()];
    let mut stack: Vec<PackageId> = graph
        .importers
        .iter()
        .flat_map(|i| i.dependencies.iter())
        .filter(|e| root_kind(e.kind))
        .filter_map(|e| e.target)
        .collect();
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut seen[id.index()], true) {
            continue;
        }
        stack.extend(
            graph.packages[id.index()]
                .dependencies
                .iter()
                .filter_map(|e| e.target),
        );
    }
    seen
}

/// A `type: directory` entry whose folder is an importer of the project (pnpm "injected"
/// workspace dependencies, or `file:` pointing at the root) becomes [`Source::Workspace`], and
/// the importer's `package` points at its first such node.
pub fn link_workspaces(graph: &mut DependencyGraph) {
    for index in 0..graph.packages.len() {
        let Source::File { path } = &graph.packages[index].source else {
            continue;
        };
        let folder = normalize_folder(path);
        let Some(importer) = graph.importers.iter_mut().find(|i| i.path == folder) else {
            continue;
        };
        importer.package.get_or_insert(PackageId(index as u32));
        graph.packages[index].source = Source::Workspace { path: folder };
    }
}

/// `''`, `./` and `.` are the root; trailing slashes are dropped. Tarball paths never match an
/// importer folder.
fn normalize_folder(path: &str) -> String {
    let trimmed = path.trim_start_matches("./").trim_end_matches('/');
    if trimmed.is_empty() || trimmed == "." {
        ".".to_string()
    } else {
        trimmed.to_string()
    }
}
