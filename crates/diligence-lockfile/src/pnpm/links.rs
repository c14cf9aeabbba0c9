//! `link:` references (`version: link:../shared` in `importers:`, `dep: link:../x` in 5.x/6.x
//! `packages:` dependencies): pnpm symlinks a folder and writes no `packages:` entry for it,
//! so the reader adds the node itself.
//!
//! The path is relative to the folder of the importer that declares it (a package entry's
//! `link:` dependency: to the lockfile folder). A link whose folder, resolved lexically, is an
//! importer of the project (a workspace link) targets that importer's node — the injected
//! [`Source::Workspace`] entry when there is one, else a new `Workspace` node named after the
//! dependency, version `link:<folder>`, which becomes the importer's `package`. Any other link
//! becomes a [`Source::Link`] node with the path as written, version `link:<path>` (the
//! reference, as the other readers version their link nodes), one per declaring folder and
//! path. Its line is the line of the reference inside the importer's block.

use super::model::{ImporterDoc, LockDocument};
use diligence_graph::{DepKind, DependencyGraph, Location, Package, PackageId, Source};
use std::collections::HashMap;

/// Adds the nodes `link:` references name and points their edges at them (see the module
/// docs). Runs on the finished graph of the project document `doc` read from `text`.
pub fn resolve(graph: &mut DependencyGraph, doc: &LockDocument, text: &str) {
    let mut linker = Linker {
        lines: ImporterLines::scan(text),
        nodes: HashMap::new(),
    };
    let root = ImporterDoc {
        dependencies: doc.dependencies.clone(),
        dev_dependencies: doc.dev_dependencies.clone(),
        optional_dependencies: doc.optional_dependencies.clone(),
        ..ImporterDoc::default()
    };
    let importers: Vec<(&str, &ImporterDoc)> = if doc.importers.0.is_empty() {
        vec![(".", &root)]
    } else {
        doc.importers
            .0
            .iter()
            .map(|(p, i)| (p.as_str(), i))
            .collect()
    };
    for (path, imp) in importers {
        linker.importer(graph, path, imp);
    }
    for index in 0..graph.packages.len() {
        linker.package(graph, index);
    }
}

struct Linker {
    lines: ImporterLines,
    /// `(declaring folder, path as written)` → the node made for it.
    nodes: HashMap<(String, String), PackageId>,
}

impl Linker {
    fn importer(&mut self, graph: &mut DependencyGraph, path: &str, imp: &ImporterDoc) {
        let Some(index) = graph.importers.iter().position(|i| i.path == path) else {
            return;
        };
        let deps = [
            &imp.dependencies,
            &imp.dev_dependencies,
            &imp.optional_dependencies,
        ];
        for (alias, dep) in deps.into_iter().flat_map(|d| d.0.iter()) {
            let Some(link) = dep.version.strip_prefix("link:") else {
                continue;
            };
            let Some(edge) = graph.importers[index]
                .dependencies
                .iter()
                .position(|e| &e.name == alias && e.target.is_none())
            else {
                continue;
            };
            let kind = graph.importers[index].dependencies[edge].kind;
            let line = self.lines.reference_line(path, &dep.version);
            let target = self.target(graph, path, alias, link, kind, line);
            graph.importers[index].dependencies[edge].target = Some(target);
        }
    }

    /// 5.x/6.x package entries may depend on `link:` folders; their spec is the reference.
    fn package(&mut self, graph: &mut DependencyGraph, index: usize) {
        for edge in 0..graph.packages[index].dependencies.len() {
            let e = &graph.packages[index].dependencies[edge];
            if e.target.is_some() {
                continue;
            }
            let Some(link) = e.spec.strip_prefix("link:") else {
                continue;
            };
            let (alias, link, kind) = (e.name.clone(), link.to_string(), e.kind);
            let line = graph.packages[index].location.line;
            let target = self.target(graph, ".", &alias, &link, kind, line);
            graph.packages[index].dependencies[edge].target = Some(target);
        }
    }

    /// The node for `link:<link>` declared in folder `base`, made on first use.
    fn target(
        &mut self,
        graph: &mut DependencyGraph,
        base: &str,
        alias: &str,
        link: &str,
        kind: DepKind,
        line: u32,
    ) -> PackageId {
        let cache_key = (base.to_string(), link.to_string());
        if let Some(&id) = self.nodes.get(&cache_key) {
            return id;
        }
        let folder = join(base, link);
        let workspace = folder
            .as_deref()
            .and_then(|f| graph.importers.iter().position(|i| i.path == f));
        let id = match (workspace, folder) {
            (Some(importer), Some(folder)) => match graph.importers[importer].package {
                Some(id) => id,
                None => {
                    let source = Source::Workspace {
                        path: folder.clone(),
                    };
                    let id = add(graph, alias, &format!("link:{folder}"), source, kind, 0);
                    graph.importers[importer].package = Some(id);
                    id
                }
            },
            _ => {
                let source = Source::Link {
                    path: link.to_string(),
                };
                add(graph, alias, &format!("link:{link}"), source, kind, line)
            }
        };
        self.nodes.insert(cache_key, id);
        id
    }
}

fn add(
    graph: &mut DependencyGraph,
    name: &str,
    version: &str,
    source: Source,
    kind: DepKind,
    line: u32,
) -> PackageId {
    graph.add_package(Package {
        name: name.to_string(),
        version: version.to_string(),
        source,
        integrity: None,
        dev: kind == DepKind::Dev,
        optional: kind == DepKind::Optional,
        peer: false,
        has_install_script: false,
        bundled: false,
        dependencies: Vec::new(),
        key: version.to_string(),
        location: Location {
            line,
            resolved_line: line,
            integrity_line: 0,
        },
    })
}

/// `link` resolved lexically against `base` (both relative to the lockfile folder), `/`
/// separated, `.` for the folder itself; `None` when it is absolute or leaves the folder.
pub fn join(base: &str, link: &str) -> Option<String> {
    if link.starts_with(['/', '\\', '~']) || link.as_bytes().get(1) == Some(&b':') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for component in base.split(['/', '\\']).chain(link.split(['/', '\\'])) {
        match component {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    })
}

/// Lines of the importer blocks of the last document: where each importer's block starts and
/// ends, and the lines that hold a `link:` value.
struct ImporterLines {
    /// Importer path (unquoted) → `(first line, last line)` of its block, 1-based.
    blocks: HashMap<String, (u32, u32)>,
    /// `(line, value)` of every line whose value starts with `link:`, in file order.
    links: Vec<(u32, String)>,
}

impl ImporterLines {
    fn scan(text: &str) -> ImporterLines {
        let mut blocks = HashMap::new();
        let mut links = Vec::new();
        let mut in_importers = false;
        let mut open: Option<(String, u32)> = None;
        let mut last = 0u32;
        for (index, raw) in text.lines().enumerate() {
            let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
            last = line_no;
            let trimmed = raw.trim_start_matches(' ');
            let indent = raw.len() - trimmed.len();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if indent == 0 {
                close(&mut blocks, &mut open, line_no);
                in_importers = trimmed.starts_with("importers:");
                if raw.starts_with("---") {
                    blocks.clear();
                    links.clear();
                }
                continue;
            }
            if in_importers && indent == 2 {
                close(&mut blocks, &mut open, line_no);
                let key = trimmed.trim_end().trim_end_matches(':');
                open = Some((unquote(key).to_string(), line_no));
            }
            if let Some((_, value)) = trimmed.split_once(": ") {
                let value = unquote(value.trim());
                if value.starts_with("link:") {
                    links.push((line_no, value.to_string()));
                }
            }
        }
        close(&mut blocks, &mut open, last + 1);
        ImporterLines { blocks, links }
    }

    /// The line of `reference` inside `importer`'s block (5.x single-project files have no
    /// block: the first such line); 0 when not found.
    fn reference_line(&self, importer: &str, reference: &str) -> u32 {
        let (start, end) = self.blocks.get(importer).copied().unwrap_or((0, u32::MAX));
        self.links
            .iter()
            .find(|(line, value)| *line >= start && *line < end && value == reference)
            .map_or(0, |(line, _)| *line)
    }
}

fn close(blocks: &mut HashMap<String, (u32, u32)>, open: &mut Option<(String, u32)>, end: u32) {
    if let Some((path, start)) = open.take() {
        blocks.entry(path).or_insert((start, end));
    }
}

fn unquote(s: &str) -> &str {
    s.trim_matches(|c| c == '\'' || c == '"')
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn joins() {
        assert_eq!(join("packages/a", "../b").as_deref(), Some("packages/b"));
        assert_eq!(join(".", "packages/b/").as_deref(), Some("packages/b"));
        assert_eq!(join("packages/a", "../..").as_deref(), Some("."));
        assert_eq!(join(".", "../../../tmp/x"), None);
        assert_eq!(join(".", "/tmp/x"), None);
    }
}
