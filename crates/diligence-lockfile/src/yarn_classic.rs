//! yarn classic (`yarn.lock` v1, written by yarn 1.x).
//!
//! The file is a list of entries keyed by every descriptor (`name@range`) that resolved to
//! the same package (`"a@^1", a@^1.1:`), each with `version`, `resolved` (the tarball URL,
//! with the sha1 of the tarball as `#<hex>` fragment), `integrity` (SRI, yarn ≥ 1.10),
//! `dependencies` and `optionalDependencies` (descriptors, resolved through the keys).
//! The syntax follows yarn 1's `src/lockfile/parse.js`; see the private `yarn_syntax` module.
//!
//! Sources: a registry-shaped `resolved` URL (`…/<name>/-/<file>.tgz`, any host) is
//! [`Source::Registry`]; `git+…`/`git://`/`ssh://` or `….git#commit` is [`Source::Git`];
//! other URLs (e.g. `https://codeload.github.com/…` for GitHub shorthands) are
//! [`Source::Tarball`]; `file:`/`link:` descriptors without a URL are [`Source::File`] /
//! [`Source::Link`]. An entry with neither `resolved` nor a local descriptor is taken as a
//! registry package with no recorded URL.
//!
//! `npm:` aliases (`alias@npm:real@^1`) get the real package name from the alias spec, else
//! from the registry tarball path.
//!
//! Importers: the lockfile does not record them. The root comes from `package.json`
//! ([`ReadContext::manifest`]); yarn workspaces from the members' `package.json` files found
//! next to the lockfile. When the root manifest is absent, or declared workspace folders are
//! not present, an importer for the unseen part depends on every otherwise unreached entry
//! (see `yarn_shared::add_unknown_importer`): the reader does not call entries
//! orphans when it cannot see who uses them.

use crate::yarn_shared::{
    add_unknown_importer, find_workspaces, manifest_deps, mark_dev_optional, split_descriptor,
    workspace_globs,
};
use crate::yarn_syntax::{self, Node, Syntax, field};
use crate::{LockfileError, Manifest, ReadContext, url_shape};
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Integrity, Location, LockfileFormat, LockfileInfo,
    Package, PackageId, Source,
};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Parses a yarn v1 lockfile into a graph.
///
/// Errors (one line, with line and column when known): a syntax error, an entry that is not a
/// block, a key that is not a `name@range` descriptor, a missing or non-string `version`, a
/// field of the wrong shape (e.g. `dependencies "x"`), or a malformed `integrity`.
pub fn parse(text: &str, cx: &ReadContext<'_>) -> Result<DependencyGraph, LockfileError> {
    let nodes = yarn_syntax::parse(text, Syntax::Classic, cx.path)?;
    let mut graph = DependencyGraph::new(LockfileInfo {
        path: cx.path.to_path_buf(),
        format: LockfileFormat::YarnClassic,
        version: "1".into(),
    });
    let mut by_descriptor: HashMap<&str, PackageId> = HashMap::new();
    let mut deps: Vec<Vec<(String, String, DepKind)>> = Vec::with_capacity(nodes.len());
    for node in &nodes {
        let (package, entry_deps) = read_entry(node, cx.path)?;
        let id = graph.add_package(package);
        for key in &node.keys {
            // A later duplicate wins, as in yarn's parser; the earlier one becomes an orphan.
            by_descriptor.insert(key, id);
        }
        deps.push(entry_deps);
    }
    let lookup = |name: &str, range: &str| by_descriptor.get(format!("{name}@{range}").as_str());
    for (package, entry_deps) in graph.packages.iter_mut().zip(deps) {
        package.dependencies = entry_deps
            .into_iter()
            .map(|(name, spec, kind)| {
                let target = lookup(&name, &spec).copied();
                Edge {
                    name,
                    spec,
                    kind,
                    target,
                }
            })
            .collect();
    }
    add_importers(&mut graph, cx, &lookup);
    mark_dev_optional(&mut graph);
    Ok(graph)
}

type Lookup<'a> = dyn Fn(&str, &str) -> Option<&'a PackageId> + 'a;

fn add_importers<'a>(graph: &mut DependencyGraph, cx: &ReadContext<'_>, lookup: &Lookup<'a>) {
    let Some(manifest) = cx.manifest else {
        add_unknown_importer(graph, ".", None);
        return;
    };
    graph.importers.push(importer(".", manifest, lookup));
    let globs = workspace_globs(manifest);
    if globs.is_empty() {
        return;
    }
    let root = cx.path.parent().unwrap_or(Path::new("."));
    let workspaces = find_workspaces(root, &globs);
    for (path, m) in &workspaces.found {
        graph.importers.push(importer(path, m, lookup));
    }
    if !workspaces.missing.is_empty() {
        add_unknown_importer(graph, &workspaces.missing.join(", "), None);
    }
}

fn importer<'a>(path: &str, manifest: &Manifest, lookup: &Lookup<'a>) -> Importer {
    Importer {
        path: path.to_string(),
        name: manifest.name.clone(),
        dependencies: manifest_deps(manifest)
            .into_iter()
            .map(|(name, spec, kind)| Edge {
                name: name.to_string(),
                spec: spec.to_string(),
                kind,
                target: lookup(name, spec).copied(),
            })
            .collect(),
        package: None,
    }
}

type EntryDeps = Vec<(String, String, DepKind)>;

fn read_entry(node: &Node, path: &Path) -> Result<(Package, EntryDeps), LockfileError> {
    let key = node.keys.join(", ");
    let at = |line: u32, msg: String| LockfileError::at(path, line as usize, 0, msg);
    let Some(fields) = node.map() else {
        return Err(at(node.line, format!("entry `{key}` is not a block")));
    };
    let Some((desc_name, range)) = node.keys.iter().find_map(|k| split_descriptor(k)) else {
        return Err(at(
            node.line,
            format!("entry key `{key}` is not a `name@range` descriptor"),
        ));
    };
    let (version, _) = string_field(fields, "version", &key, path)?
        .ok_or_else(|| at(node.line, format!("entry `{key}` has no `version`")))?;
    let resolved = string_field(fields, "resolved", &key, path)?;
    let integrity_field = string_field(fields, "integrity", &key, path)?;
    let resolved_url = resolved.map(|(u, _)| u);
    let source = classify(resolved_url, range);
    let name = real_name(desc_name, range, resolved_url);
    let mut location = Location {
        line: node.line,
        resolved_line: resolved.map_or(0, |(_, l)| l),
        integrity_line: 0,
    };
    let integrity = match integrity_field {
        Some((text, line)) => {
            location.integrity_line = line;
            Some(
                Integrity::parse_sri(text)
                    .map_err(|e| at(line, format!("malformed `integrity` of `{key}`: {e}")))?,
            )
        }
        None => {
            let sha1 = sha1_fragment(resolved_url, &source);
            if sha1.is_some() {
                location.integrity_line = location.resolved_line;
            }
            sha1
        }
    };
    let mut deps = Vec::new();
    for (list, kind) in [
        ("dependencies", DepKind::Prod),
        ("optionalDependencies", DepKind::Optional),
    ] {
        read_deps(fields, list, kind, &key, path, &mut deps)?;
    }
    dedupe_optional(&mut deps);
    let package = Package {
        name,
        version: version.to_string(),
        source,
        integrity,
        dev: false,
        optional: false,
        peer: false,
        has_install_script: false,
        bundled: false,
        dependencies: Vec::new(),
        key,
        location,
    };
    Ok((package, deps))
}

/// A dependency listed in both lists is optional: yarn keeps one edge.
fn dedupe_optional(deps: &mut EntryDeps) {
    let optional: HashSet<String> = deps
        .iter()
        .filter(|d| d.2 == DepKind::Optional)
        .map(|d| d.0.clone())
        .collect();
    if !optional.is_empty() {
        deps.retain(|(name, _, kind)| *kind == DepKind::Optional || !optional.contains(name));
    }
}

/// A scalar field as `(value, line)`; an error when it is a block.
fn string_field<'n>(
    fields: &'n [Node],
    name: &str,
    key: &str,
    path: &Path,
) -> Result<Option<(&'n str, u32)>, LockfileError> {
    let Some(node) = field(fields, name) else {
        return Ok(None);
    };
    match node.scalar() {
        Some(s) => Ok(Some((s, node.line))),
        None => Err(LockfileError::at(
            path,
            node.line as usize,
            0,
            format!("`{name}` of `{key}` must be a string, found a block"),
        )),
    }
}

fn read_deps(
    fields: &[Node],
    list: &str,
    kind: DepKind,
    key: &str,
    path: &Path,
    out: &mut EntryDeps,
) -> Result<(), LockfileError> {
    let Some(node) = field(fields, list) else {
        return Ok(());
    };
    let err = |line: u32, what: &str| {
        LockfileError::at(
            path,
            line as usize,
            0,
            format!("`{list}` of `{key}` {what}"),
        )
    };
    let Some(children) = node.map() else {
        return Err(err(node.line, "must be a block of `name \"range\"` lines"));
    };
    for dep in children {
        let Some(range) = dep.scalar() else {
            return Err(err(dep.line, "holds a block where a range belongs"));
        };
        out.push((dep.key().to_string(), range.to_string(), kind));
    }
    Ok(())
}

/// The real package name: the aliased package for `npm:` aliases (from the alias spec, else
/// from the registry tarball path), otherwise the descriptor's name.
fn real_name(desc_name: &str, range: &str, resolved: Option<&str>) -> String {
    let Some(spec) = range.strip_prefix("npm:") else {
        return desc_name.to_string();
    };
    if let Some(name) = alias_target(spec) {
        return name.to_string();
    }
    resolved
        .and_then(url_shape::registry_tarball_name)
        .unwrap_or_else(|| desc_name.to_string())
}

/// The package name in an `npm:` alias spec (`real@^1`, `@scope/real@1`, `real`); `None` when
/// the spec is only a range (`npm:^1.0.0`).
fn alias_target(spec: &str) -> Option<&str> {
    if let Some((name, _)) = split_descriptor(spec) {
        return Some(name);
    }
    let first = spec.chars().next()?;
    let is_range = first.is_ascii_digit() || "^~<>=*vx".contains(first) || spec == "latest";
    (!is_range && !spec.is_empty()).then_some(spec)
}

/// Classifies an entry's source from its `resolved` URL, or its range when there is none.
fn classify(resolved: Option<&str>, range: &str) -> Source {
    let Some(url) = resolved else {
        return classify_range(range);
    };
    if is_git(url) {
        return git_source(url);
    }
    if url_shape::is_registry_tarball(url) {
        return Source::Registry {
            resolved: Some(url.to_string()),
        };
    }
    if let Some(p) = url.strip_prefix("file:") {
        return Source::File {
            path: without_sha1_fragment(p).into(),
        };
    }
    if let Some(p) = url.strip_prefix("link:") {
        return Source::Link { path: p.into() };
    }
    Source::Tarball { url: url.into() }
}

/// `path#<sha1 hex>` (yarn 1 writes local tarballs so) without the hash.
fn without_sha1_fragment(path: &str) -> &str {
    match path.rsplit_once('#') {
        Some((p, hash)) if hash.len() == 40 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => p,
        _ => path,
    }
}

fn classify_range(range: &str) -> Source {
    if let Some(p) = range.strip_prefix("file:") {
        return Source::File { path: p.into() };
    }
    if let Some(p) = range.strip_prefix("link:") {
        return Source::Link { path: p.into() };
    }
    if is_git(range) {
        return git_source(range);
    }
    if crate::url_shape::is_http_url(range) {
        return Source::Tarball { url: range.into() };
    }
    Source::Registry { resolved: None }
}

fn is_git(url: &str) -> bool {
    let base = url.split('#').next().unwrap_or(url);
    [
        "git+",
        "git://",
        "ssh://",
        "git@",
        "github:",
        "gitlab:",
        "bitbucket:",
    ]
    .iter()
    .any(|p| crate::url_shape::starts_with_ci(url, p))
        || (crate::url_shape::is_http_url(base) && base.ends_with(".git"))
}

fn git_source(url: &str) -> Source {
    let (base, commit) = match url.split_once('#') {
        Some((b, c)) => {
            let c = c.strip_prefix("commit=").unwrap_or(c);
            (b, (!c.is_empty()).then(|| c.to_string()))
        }
        None => (url, None),
    };
    Source::Git {
        url: base.to_string(),
        commit,
    }
}

/// yarn 1's `#<sha1 hex>` fragment on a tarball URL, as sha1 integrity.
fn sha1_fragment(resolved: Option<&str>, source: &Source) -> Option<Integrity> {
    if matches!(source, Source::Git { .. }) {
        return None;
    }
    let (_, fragment) = resolved?.rsplit_once('#')?;
    if fragment.len() != 40 {
        return None;
    }
    Integrity::from_sha1_hex(fragment).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_names() {
        assert_eq!(real_name("a", "npm:b@^1", None), "b");
        assert_eq!(real_name("a", "npm:@s/b@^1", None), "@s/b");
        assert_eq!(real_name("a", "npm:b", None), "b");
        assert_eq!(real_name("a", "npm:^1.0.0", None), "a");
        assert_eq!(
            real_name(
                "a",
                "npm:^1.0.0",
                Some("https://registry.yarnpkg.com/b/-/b-1.0.0.tgz")
            ),
            "b"
        );
    }

    #[test]
    fn sources() {
        assert_eq!(
            classify(Some("git+https://github.com/a/b.git#0123abc"), "github:a/b"),
            Source::Git {
                url: "git+https://github.com/a/b.git".into(),
                commit: Some("0123abc".into())
            }
        );
        assert!(matches!(
            classify(Some("https://codeload.github.com/a/b/tar.gz/0123"), "a/b"),
            Source::Tarball { .. }
        ));
        assert_eq!(
            classify(None, "file:../x"),
            Source::File {
                path: "../x".into()
            }
        ); // URL schemes are case-insensitive.
        assert_eq!(
            classify(Some("HTTPS://EVIL.EXAMPLE/b/-/b-1.0.0.tgz"), "^1.0.0"),
            Source::Registry {
                resolved: Some("HTTPS://EVIL.EXAMPLE/b/-/b-1.0.0.tgz".into())
            }
        );
        assert!(matches!(
            classify(None, "HTTPS://evil.example/x.tgz"),
            Source::Tarball { .. }
        ));
        assert!(matches!(
            classify(Some("GIT+SSH://git@h/a/b.git#0123abc"), "^1"),
            Source::Git { .. }
        ));
    }
}
