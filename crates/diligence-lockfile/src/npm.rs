//! npm `package-lock.json` / `npm-shrinkwrap.json` reader, `lockfileVersion` 1, 2 and 3
//! (npm docs, "package-lock.json"; npm/cli `workspaces/arborist/lib/shrinkwrap.js`).
//!
//! - Version 1 nests entries in `dependencies` objects; `requires` maps name to spec and is
//!   resolved by walking up the nesting. Read by [`nested`].
//! - Versions 2 and 3 have a flat `packages` map keyed by install folder (`node_modules/a`,
//!   `node_modules/a/node_modules/b`, workspace folders such as `packages/foo`, and `""` for
//!   the root). Version 2 also carries the v1 `dependencies` tree for old npm; `packages` is
//!   preferred. Read by [`packages`].
//!
//! Dependencies resolve the way npm and Node do: from the depending folder, look for
//! `<folder>/node_modules/<name>`, then in each enclosing folder up to the root.

pub(crate) mod json_ast;
mod json_parse;
mod nested;
mod packages;

use crate::url_shape::is_registry_tarball;
use crate::{LockfileError, ReadContext};
use diligence_graph::{
    DepKind, DependencyGraph, Integrity, LockfileFormat, LockfileInfo, PackageId, Source,
};
use json_ast::{Dialect, JsonDoc};
use jsonc_parser::ast::{Object, Value};
use memchr::memmem;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Parses `package-lock.json` / `npm-shrinkwrap.json` text into a graph.
///
/// `LockfileInfo::version` is `lockfileVersion` as written (`"1"`, `"2"`, `"3"`; absent means
/// `"1"`, as npm 5 wrote it). Errors (one line, with line and column): invalid JSON, a
/// `lockfileVersion` other than 1–3, a field of the wrong type (e.g. `"packages": []`, a numeric
/// `version`), a malformed SRI `integrity`, a version 3 file without `packages`.
pub fn parse(text: &str, cx: &ReadContext<'_>) -> Result<DependencyGraph, LockfileError> {
    let (doc, root) = JsonDoc::parse(text, cx.path, Dialect::Json)?;
    let root = doc.object(&root, "the lockfile")?;
    let version = lockfile_version(&doc, root)?;
    let mut graph = DependencyGraph::new(LockfileInfo {
        path: cx.path.to_path_buf(),
        format: LockfileFormat::Npm,
        version: version.to_string(),
    });
    match doc.get(root, "packages")? {
        Some(prop) if version >= 2 => packages::read(&doc, prop, cx, &mut graph)?,
        None if version >= 3 => {
            return Err(doc.error_at(
                root.range.start,
                "lockfileVersion 3 lockfile has no `packages` object",
            ));
        }
        _ => nested::read(&doc, root, cx, &mut graph)?,
    }
    Ok(graph)
}

/// `lockfileVersion` as 1, 2 or 3 (absent = 1).
fn lockfile_version(doc: &JsonDoc<'_>, root: &Object<'_>) -> Result<u32, LockfileError> {
    let Some(prop) = doc.get(root, "lockfileVersion")? else {
        return Ok(1);
    };
    let number = match &prop.value {
        Value::NumberLit(n) => n.value.parse::<u32>().ok(),
        _ => None,
    };
    match number {
        Some(v @ 1..=3) => Ok(v),
        _ => Err(doc.error_at(
            json_ast::start(&prop.value),
            "`lockfileVersion` must be 1, 2 or 3 (npm 5 to npm 11)",
        )),
    }
}

/// The dependency groups of a manifest-like object, with the edge kind each gives.
/// `devDependencies` only count for the root and workspace folders: npm does not install
/// the dev dependencies of installed packages.
const DEPENDENCY_GROUPS: [(&str, DepKind); 4] = [
    ("dependencies", DepKind::Prod),
    ("optionalDependencies", DepKind::Optional),
    ("peerDependencies", DepKind::Peer),
    ("devDependencies", DepKind::Dev),
];

/// A declared dependency: name, spec as written, kind.
type Declared<'v> = (&'v str, &'v str, DepKind);

/// Reads the dependency groups of `obj` (a manifest or a `packages` entry). A name listed in
/// both `dependencies` and `optionalDependencies` is optional, as npm normalises it.
fn declared_dependencies<'v>(
    doc: &JsonDoc<'_>,
    obj: &'v Object<'_>,
    owner: &str,
    with_dev: bool,
) -> Result<Vec<Declared<'v>>, LockfileError> {
    let mut out = Vec::new();
    let optional: Vec<&str> = doc
        .string_map(obj, "optionalDependencies", owner)?
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    for (group, kind) in DEPENDENCY_GROUPS {
        if kind == DepKind::Dev && !with_dev {
            continue;
        }
        for (name, spec) in doc.string_map(obj, group, owner)? {
            if kind == DepKind::Prod && optional.contains(&name) {
                continue;
            }
            out.push((name, spec, kind));
        }
    }
    Ok(out)
}

/// Install folders (`node_modules/a/node_modules/b`, `packages/foo`) to nodes, resolving a
/// dependency name from a folder the way Node's module lookup does.
#[derive(Debug, Default)]
struct NodeModules {
    map: FxHashMap<String, PackageId>,
    buf: String,
}

impl NodeModules {
    /// Records the node installed at `folder`; false when the folder already has one.
    fn insert(&mut self, folder: &str, id: PackageId) -> bool {
        self.map.insert(folder.to_string(), id).is_none()
    }

    fn get(&self, folder: &str) -> Option<PackageId> {
        self.map.get(folder).copied()
    }

    /// The node `name` resolves to when required from `folder` (`""` = the project root):
    /// `<folder>/node_modules/<name>`, then the same in each enclosing folder.
    fn resolve(&mut self, folder: &str, name: &str) -> Option<PackageId> {
        let mut folder = folder;
        loop {
            self.buf.clear();
            if !folder.is_empty() {
                self.buf.push_str(folder);
                self.buf.push('/');
            }
            self.buf.push_str("node_modules/");
            self.buf.push_str(name);
            if let Some(id) = self.map.get(self.buf.as_str()) {
                return Some(*id);
            }
            if folder.is_empty() {
                return None;
            }
            folder = parent_folder(folder);
        }
    }
}

/// Finds `node_modules/` in install-folder keys (built once: keys are searched a lot).
static NODE_MODULES: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("node_modules/"));
static NODE_MODULES_REV: LazyLock<memmem::FinderRev<'static>> =
    LazyLock::new(|| memmem::FinderRev::new("node_modules/"));

/// True for keys inside some `node_modules` (installed packages, not project folders).
fn in_node_modules(folder: &str) -> bool {
    NODE_MODULES.find(folder.as_bytes()).is_some()
}

/// True for `node_modules/<name>` (top level, not nested).
fn is_top_level(folder: &str) -> bool {
    folder
        .strip_prefix("node_modules/")
        .is_some_and(|rest| !in_node_modules(rest))
}

/// The folder whose `node_modules` is searched next: `node_modules/a/node_modules/@s/b` ->
/// `node_modules/a`; `node_modules/a` -> `""`; `packages/foo` -> `packages`.
fn parent_folder(folder: &str) -> &str {
    match NODE_MODULES_REV.rfind(folder.as_bytes()) {
        Some(0) => "",
        Some(i) if folder.as_bytes()[i - 1] == b'/' => &folder[..i - 1],
        _ => folder.rfind('/').map_or("", |i| &folder[..i]),
    }
}

/// The package name of an install folder: the part after the last `node_modules/`, or the
/// last path segment of a folder outside `node_modules`.
fn folder_package_name(folder: &str) -> &str {
    if let Some(i) = NODE_MODULES_REV.rfind(folder.as_bytes()) {
        return &folder[i + "node_modules/".len()..];
    }
    folder.rsplit('/').next().unwrap_or(folder)
}

/// Classifies where an entry comes from: by its `resolved` when present, else by the
/// `version` (npm v1 writes git URLs, `file:` paths and tarball URLs there).
///
/// Registry-shaped URLs (`…/<name>/-/<file>.tgz`) on any host are [`Source::Registry`]; a rule
/// judges the host.
fn source_of(resolved: Option<&str>, version: &str) -> Source {
    match resolved {
        Some(r) => source_of_spec(r).unwrap_or_else(|| {
            if r.contains("://") {
                Source::Tarball { url: r.to_string() }
            } else {
                Source::File {
                    path: r.to_string(),
                }
            }
        }),
        None => source_of_spec(version).unwrap_or(Source::Registry { resolved: None }),
    }
}

/// The source a URL or spec names, `None` for a plain version.
fn source_of_spec(spec: &str) -> Option<Source> {
    if is_registry_tarball(spec) {
        return Some(Source::Registry {
            resolved: Some(spec.to_string()),
        });
    }
    if let Some(git) = git_source(spec) {
        return Some(git);
    }
    if let Some(path) = spec.strip_prefix("file:") {
        return Some(Source::File {
            path: path.to_string(),
        });
    }
    if let Some(path) = spec.strip_prefix("link:") {
        return Some(Source::Link {
            path: path.to_string(),
        });
    }
    if crate::url_shape::is_http_url(spec) {
        return Some(Source::Tarball {
            url: spec.to_string(),
        });
    }
    None
}

/// Git specs npm writes: `git+https://…#<sha>`, `git+ssh://…`, `git://…`, `git@host:…`,
/// and hosted shortcuts `github:`, `gitlab:`, `bitbucket:`, `gist:`. A `#` fragment that is a
/// hex commit id becomes `commit`; any other fragment (a branch, `semver:` range) stays in
/// the URL.
pub(crate) fn git_source(spec: &str) -> Option<Source> {
    const PREFIXES: [&str; 7] = [
        "git+",
        "git://",
        "git@",
        "github:",
        "gitlab:",
        "bitbucket:",
        "gist:",
    ];
    if !PREFIXES
        .iter()
        .any(|p| crate::url_shape::starts_with_ci(spec, p))
    {
        return None;
    }
    Some(git_with_commit(spec))
}

/// Splits a `#<hex commit>` fragment off a git URL.
pub(crate) fn git_with_commit(spec: &str) -> Source {
    match spec.rsplit_once('#') {
        Some((url, frag)) if is_commit(frag) => Source::Git {
            url: url.to_string(),
            commit: Some(frag.to_string()),
        },
        _ => Source::Git {
            url: spec.to_string(),
            commit: None,
        },
    }
}

/// 7 to 64 hex digits (abbreviated or full SHA-1/SHA-256 commit ids).
pub(crate) fn is_commit(s: &str) -> bool {
    (7..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The parsed `integrity` of an entry and the line of the field (0 when absent). A malformed
/// SRI is an error at the value, never silently dropped.
fn entry_integrity(
    doc: &JsonDoc<'_>,
    entry: &Object<'_>,
    owner: &str,
) -> Result<(Option<Integrity>, u32), LockfileError> {
    let Some((text, prop)) = doc.opt_string(entry, "integrity", owner)? else {
        return Ok((None, 0));
    };
    let integrity = Integrity::parse_sri(text).map_err(|e| {
        doc.error_at(
            json_ast::start(&prop.value),
            format!("malformed `integrity` of {owner}: {e}"),
        )
    })?;
    Ok((Some(integrity), doc.line(prop.range.start)))
}
