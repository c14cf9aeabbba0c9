//! How a berry dependency descriptor (`name` + range such as `npm:^1`) finds the lockfile
//! entry yarn would use.
//!
//! The entry keys list the descriptors *after* yarn rewrote them, so a dependency as written
//! in `dependencies` is looked up the same way yarn rewrites it:
//! 1. `catalog:` / `catalog:<name>` ranges take the range from `.yarnrc.yml` (`catalog`,
//!    `catalogs`) next to the lockfile;
//! 2. `resolutions` of the root `package.json` (`name`, `name@range`, `parent/name`,
//!    `parent@range/name`; the grammar of `@yarnpkg/parsers` `parseResolution`) replace the
//!    range; the most specific rule wins;
//! 3. a range without protocol gets `npm:` (yarn's `defaultProtocol`);
//! 4. builtin compat patches (`patch:fsevents@npm%3A^2.3.3#optional!builtin<compat/fsevents>`)
//!    wrap the plain descriptor: the dependency resolves to the patch entry, which gets an
//!    edge to its original;
//! 5. the key lookup compares percent-decoded descriptors; keys with a `::locator=` binding
//!    (relative `link:`/`portal:`/`patch:` paths) prefer the binding of the depending
//!    package, then the root workspace's.
//!
//! When all of that finds nothing (a catalog or rule this reader cannot see), the dependency
//! falls back to an entry with the same package name: the patched one when there is one,
//! else the highest version. Only a descriptor that no entry can satisfy by name is left
//! unresolved (`target: None`).

use super::{Entry, binding, decode, split_bindings};
use crate::Manifest;
use crate::yarn_shared::split_descriptor;
use crate::yarn_syntax::{self, Node, Syntax};
use diligence_graph::{DepKind, Edge, PackageId};
use std::collections::HashMap;
use std::path::Path;

/// A `resolutions` rule of the root manifest.
#[derive(Debug)]
struct Rule {
    parent: Option<String>,
    name: String,
    range: Option<String>,
    value: String,
}

/// The project-level rewrites of descriptors: `resolutions` and catalogs.
#[derive(Debug, Default)]
pub(super) struct Overrides {
    rules: Vec<Rule>,
    /// Catalog name (`""` for the default `catalog`) → package name → range.
    catalogs: HashMap<String, HashMap<String, String>>,
}

impl Overrides {
    /// Reads `resolutions` from the manifest and catalogs from `<root_dir>/.yarnrc.yml`
    /// (absent or unreadable files give none: the name fallback then applies).
    pub(super) fn new(manifest: Option<&Manifest>, root_dir: &Path) -> Self {
        let mut rules: Vec<Rule> = manifest
            .and_then(|m| m.resolutions.as_ref())
            .and_then(|r| r.as_object())
            .map(|obj| {
                obj.iter()
                    .filter_map(|(k, v)| parse_rule(k, v.as_str()?))
                    .collect()
            })
            .unwrap_or_default();
        rules.sort_by_key(|r| std::cmp::Reverse((r.parent.is_some(), r.range.is_some())));
        Overrides {
            rules,
            catalogs: read_catalogs(&root_dir.join(".yarnrc.yml")),
        }
    }

    fn apply(&self, parent: Option<&str>, name: &str, range: &str) -> Option<&str> {
        let range = normalize(range);
        self.rules
            .iter()
            .find(|r| {
                r.name == name
                    && r.range
                        .as_deref()
                        .is_none_or(|want| decode(&normalize(want)) == decode(&range))
                    && r.parent.as_deref().is_none_or(|p| Some(p) == parent)
            })
            .map(|r| r.value.as_str())
    }

    fn catalog(&self, name: &str, range: &str) -> Option<&str> {
        let catalog = range.strip_prefix("catalog:")?;
        self.catalogs.get(catalog)?.get(name).map(String::as_str)
    }
}

/// `[parent[@range]/]name[@range]` (ranges contain no `/`), with an optional `**/` prefix.
fn parse_rule(key: &str, value: &str) -> Option<Rule> {
    let key = key.strip_prefix("**/").unwrap_or(key);
    let (first, rest) = specifier(key)?;
    let (parent, (name, range)) = match rest.strip_prefix('/') {
        Some(second) => {
            let (spec, tail) = specifier(second)?;
            if !tail.is_empty() {
                return None;
            }
            (Some(first.0.to_string()), spec)
        }
        None if rest.is_empty() => (None, first),
        None => return None,
    };
    Some(Rule {
        parent,
        name: name.to_string(),
        range: range.map(str::to_string),
        value: value.to_string(),
    })
}

/// One `name[@range]` specifier at the start of `s`: `((name, range), rest)`.
fn specifier(s: &str) -> Option<((&str, Option<&str>), &str)> {
    let name_start = if s.starts_with('@') {
        s.find('/')? + 1
    } else {
        0
    };
    let name_end = s[name_start..]
        .find(['@', '/'])
        .map_or(s.len(), |i| name_start + i);
    if name_end == name_start {
        return None;
    }
    let name = &s[..name_end];
    let rest = &s[name_end..];
    let Some(after_at) = rest.strip_prefix('@') else {
        return Some(((name, None), rest));
    };
    let range_end = after_at.find('/').unwrap_or(after_at.len());
    Some(((name, Some(&after_at[..range_end])), &after_at[range_end..]))
}

fn read_catalogs(path: &Path) -> HashMap<String, HashMap<String, String>> {
    let mut out = HashMap::new();
    let Ok(Some(text)) = crate::bounded::read_text_bounded(path, crate::bounded::MAX_CONFIG_BYTES)
    else {
        return out;
    };
    let Ok(nodes) = yarn_syntax::parse(&text, Syntax::Berry, path) else {
        return out;
    };
    let pairs = |n: &Node| -> HashMap<String, String> {
        n.map()
            .unwrap_or_default()
            .iter()
            .filter_map(|c| Some((c.key().to_string(), c.scalar()?.to_string())))
            .collect()
    };
    for node in &nodes {
        match node.key() {
            "catalog" => {
                out.insert(String::new(), pairs(node));
            }
            "catalogs" => {
                for named in node.map().unwrap_or_default() {
                    out.insert(named.key().to_string(), pairs(named));
                }
            }
            _ => {}
        }
    }
    out
}

/// Adds `npm:` to a range without a protocol (yarn's `defaultProtocol`).
fn normalize(range: &str) -> String {
    let protocol_len = range.find(':').filter(|&i| {
        i > 0
            && range[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
            && range.as_bytes()[0].is_ascii_alphabetic()
    });
    match protocol_len {
        Some(_) => range.to_string(),
        None => format!("npm:{range}"),
    }
}

/// Lookup tables over the entries.
#[derive(Debug, Default)]
pub(super) struct Index {
    /// Decoded descriptor without bindings → `(decoded `locator` binding, entry)`.
    by_descriptor: HashMap<String, Vec<(Option<String>, usize)>>,
    /// Decoded locator without bindings → entry.
    by_locator: HashMap<String, usize>,
    /// Decoded original descriptor of a builtin patch key → the patch entry.
    builtin_patch: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    root: Option<usize>,
}

impl Index {
    pub(super) fn new(entries: &[Entry]) -> Self {
        let mut index = Index::default();
        for (i, entry) in entries.iter().enumerate() {
            for descriptor in &entry.descriptors {
                let (base, bindings) = split_bindings(descriptor);
                index
                    .by_descriptor
                    .entry(decode(base))
                    .or_default()
                    .push((binding(bindings, "locator"), i));
                if let Some(inner) = builtin_patch_inner(base) {
                    index.builtin_patch.insert(inner, i);
                }
            }
            let locator = decode(split_bindings(&entry.locator).0);
            if entry.reference() == "workspace:." {
                index.root.get_or_insert(i);
            }
            index.by_locator.insert(locator, i);
            index.by_name.entry(entry.name.clone()).or_default().push(i);
        }
        index
    }

    /// The entry a dependency `name: range` of entry `parent` (`None` for the root manifest)
    /// resolves to.
    pub(super) fn resolve(
        &self,
        entries: &[Entry],
        overrides: &Overrides,
        parent: Option<usize>,
        name: &str,
        range: &str,
    ) -> Option<PackageId> {
        let parent_name = parent.map(|p| entries[p].name.as_str());
        let mut range = split_bindings(range).0.to_string();
        if range.starts_with("catalog:") {
            match overrides.catalog(name, &range) {
                Some(r) => range = r.to_string(),
                None => return None,
            }
        }
        if let Some(r) = overrides.apply(parent_name, name, &range) {
            range = r.to_string();
        }
        let descriptor = decode(&format!("{name}@{}", normalize(&range)));
        let found = self
            .builtin_patch
            .get(&descriptor)
            .copied()
            .or_else(|| self.pick(entries, self.by_descriptor.get(&descriptor)?, parent));
        found.map(|i| PackageId(i as u32))
    }

    /// One of the entries a decoded descriptor names: the one bound to `parent`'s locator,
    /// else to the root workspace's, else the last.
    fn pick(
        &self,
        entries: &[Entry],
        candidates: &[(Option<String>, usize)],
        parent: Option<usize>,
    ) -> Option<usize> {
        if let [(_, only)] = candidates {
            return Some(*only);
        }
        let locator_of = |i: usize| decode(split_bindings(&entries[i].locator).0);
        [parent, self.root]
            .into_iter()
            .flatten()
            .map(locator_of)
            .find_map(|want| {
                candidates
                    .iter()
                    .rev()
                    .find(|(b, _)| b.as_deref() == Some(want.as_str()))
                    .map(|(_, i)| *i)
            })
            // A descriptor listed twice: the later entry wins, as in yarn's lockfile reader
            // (the earlier one is left unreached, where the orphan check sees it).
            .or_else(|| candidates.last().map(|(_, i)| *i))
    }

    /// The fallback for a dependency [`Index::resolve`] cannot place: an entry with this
    /// package name, preferring entries no resolved edge claims (`claimed[i]`; those are the
    /// ones only a rewrite this reader cannot see leads to), then patched entries, then the
    /// highest version (compared numerically by dot-separated parts).
    pub(super) fn by_name(
        &self,
        entries: &[Entry],
        name: &str,
        claimed: &[bool],
    ) -> Option<PackageId> {
        let candidates = self.by_name.get(name)?;
        let unclaimed: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| !claimed.get(i).copied().unwrap_or(false))
            .collect();
        let pool = if unclaimed.is_empty() {
            candidates.as_slice()
        } else {
            unclaimed.as_slice()
        };
        let patched = pool
            .iter()
            .find(|&&i| entries[i].reference().starts_with("patch:"));
        let best = patched.or_else(|| {
            pool.iter()
                .max_by_key(|&&i| version_key(entries[i].reference()))
        })?;
        Some(PackageId(*best as u32))
    }

    /// For a `patch:` entry, the edge to the original package it patches.
    pub(super) fn patch_original(&self, entries: &[Entry], i: usize) -> Option<Edge> {
        let entry = &entries[i];
        let rest = split_bindings(entry.reference()).0.strip_prefix("patch:")?;
        let inner = decode(rest.split('#').next().unwrap_or(rest));
        let inner_base = split_bindings(&inner).0;
        let target = self.by_locator.get(inner_base).copied().or_else(|| {
            entry.descriptors.iter().find_map(|d| {
                let (_, range) = split_descriptor(split_bindings(d).0)?;
                let inner = decode(range.strip_prefix("patch:")?.split('#').next()?);
                self.pick(entries, self.by_descriptor.get(&inner)?, Some(i))
            })
        })?;
        let spec = split_descriptor(inner_base).map_or(inner_base, |(_, r)| r);
        Some(Edge {
            name: entry.name.clone(),
            spec: spec.to_string(),
            kind: DepKind::Prod,
            target: Some(PackageId(target as u32)),
        })
    }
}

/// The decoded original descriptor of a builtin compat patch descriptor
/// (`name@patch:name@npm%3A^2#optional!builtin<compat/name>` → `name@npm:^2`; yarn 3's
/// `name@patch:name@^2#~builtin<compat/name>` → `name@npm:^2`).
fn builtin_patch_inner(descriptor: &str) -> Option<String> {
    let (_, range) = split_descriptor(descriptor)?;
    let (inner, patch) = range.strip_prefix("patch:")?.split_once('#')?;
    if !decode(patch).contains("builtin<") {
        return None;
    }
    let inner = decode(inner);
    // yarn 3 wrote the original range without protocol (`typescript@^4.4.3`).
    let (name, range) = split_descriptor(&inner)?;
    Some(format!("{name}@{}", normalize(range)))
}

/// Numeric parts of a `npm:1.2.3` reference for ordering (non-numeric parts count as 0).
fn version_key(reference: &str) -> Vec<u64> {
    let version = reference.strip_prefix("npm:").unwrap_or(reference);
    let core = version.split(['-', '+', ':']).next().unwrap_or(version);
    core.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_keys() {
        let r = parse_rule(
            "@testing-library/react-native/jest-matcher-utils",
            "workspace:*",
        )
        .unwrap();
        assert_eq!(r.parent.as_deref(), Some("@testing-library/react-native"));
        assert_eq!(r.name, "jest-matcher-utils");
        let r = parse_rule("interpret@npm:^2.2.0", "patch:x").unwrap();
        assert_eq!(
            (r.name.as_str(), r.range.as_deref()),
            ("interpret", Some("npm:^2.2.0"))
        );
        let r = parse_rule("@types/node", "18.x").unwrap();
        assert_eq!((r.name.as_str(), r.parent), ("@types/node", None));
        let r = parse_rule("ansi-escapes@^4/type-fest", "^2").unwrap();
        assert_eq!(
            (r.parent.as_deref(), r.name.as_str()),
            (Some("ansi-escapes"), "type-fest")
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(normalize("^1.0.0"), "npm:^1.0.0");
        assert_eq!(normalize("npm:^1"), "npm:^1");
        assert_eq!(normalize("patch:a@npm%3A1#x"), "patch:a@npm%3A1#x");
        assert_eq!(normalize(">=4 <6"), "npm:>=4 <6");
    }
}
