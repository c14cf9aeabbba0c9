//! Shared by the rules that judge behaviour with no flow: does a signal run when a consumer
//! loads the package (`require`/`import` of `main`/`exports`), as opposed to when a person runs
//! the package's command (`bin`) or calls one of its functions?

use crate::signal::{FileFacts, Kind, PackageFacts, Signal};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// Files a consumer's `require`/`import` of the package loads: reachable through static
/// relative requires from `main` (default `index.js`), `exports`, `module` and `browser`, not
/// from `bin`. With no resolvable entry point, every file. Every entry is followed, a command
/// script in `main` included (see [`imported_library`] for the rules that skip it).
pub(crate) fn imported(p: &PackageFacts) -> BTreeSet<&str> {
    imported_with(p, false)
}

/// [`imported`] where an entry that is a command script (see [`command_script`]) is not
/// followed: `main` naming the package's own `bin` script, which exports nothing, is a command
/// a person runs, not a library a consumer loads. Used only where running by hand is the
/// benign reading of the same write (`file-drop`, `persistence`: a completion installer);
/// the other load-time rules keep [`imported`], so the shape is no way around them.
pub(crate) fn imported_library(p: &PackageFacts) -> BTreeSet<&str> {
    imported_with(p, true)
}

fn imported_with(p: &PackageFacts, skip_commands: bool) -> BTreeSet<&str> {
    let names: BTreeSet<&str> = p.files.iter().map(|f| f.path.as_str()).collect();
    let index: HashMap<&str, &FileFacts> = p.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut entries = Vec::new();
    match p.manifest.get("main").and_then(|v| v.as_str()) {
        Some(m) if !m.is_empty() => entries.push(m.to_string()),
        _ => entries.push("index.js".to_string()),
    }
    for key in ["exports", "module", "browser"] {
        if let Some(v) = p.manifest.get(key) {
            strings(v, &mut entries);
        }
    }
    let resolved: Vec<String> = entries
        .iter()
        .filter(|e| !e.contains('*'))
        .filter_map(|e| crate::scripts::resolve(&names, "", e.trim_start_matches("./")))
        .collect();
    if resolved.is_empty() {
        return names;
    }
    let bins = bin_paths(p);
    let mut queue: VecDeque<String> = resolved
        .into_iter()
        .filter(|e| {
            !skip_commands
                || !index
                    .get(e.as_str())
                    .is_some_and(|f| command_script(&bins, f))
        })
        .collect();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    while let Some(path) = queue.pop_front() {
        let Some(f) = index.get(path.as_str()) else {
            continue;
        };
        if !seen.insert(f.path.as_str()) {
            continue;
        }
        queue.extend(f.deps.iter().cloned());
    }
    seen
}

/// The package's `bin` targets, resolved to its files.
fn bin_paths(p: &PackageFacts) -> BTreeSet<String> {
    let names: BTreeSet<&str> = p.files.iter().map(|f| f.path.as_str()).collect();
    let mut bins = Vec::new();
    if let Some(v) = p.manifest.get("bin") {
        strings(v, &mut bins);
    }
    bins.iter()
        .filter_map(|b| crate::scripts::resolve(&names, "", b.trim_start_matches("./")))
        .collect()
}

/// True when `f` is a command script: a `bin` target that starts with a `#!` line and never
/// mentions `export` (no `module.exports`, `exports.x`, ESM `export`). Requiring it gives a
/// consumer nothing to call; it is written to be run. Install hooks running it are judged
/// separately ([`FileFacts::install_time`]).
///
/// Known false negative (a trade-off, measured by the next blind round): a package can take
/// this shape on purpose — `main` = `bin`, a `#!` line, no exports — so that a file drop or a
/// persistence write run by a consumer's `require` is judged as run by hand (lower severity
/// in the two rules that ask [`imported_library`]). Every other load-time rule, install-time
/// payloads and the flow rules are not affected.
fn command_script(bins: &BTreeSet<String>, f: &FileFacts) -> bool {
    bins.contains(&f.path)
        && f.text
            .as_deref()
            .is_some_and(|t| t.starts_with("#!") && !t.contains("export"))
}

/// Files only the package's commands run: reachable through static relative requires from a
/// `bin` entry and not from `main` (when it resolves and is not a command script, see
/// [`command_script`]), `exports`, `module` or `browser`. A
/// person runs these by hand; a consumer's `require` and npm's install never do (install-time
/// files are marked separately, see [`FileFacts::install_time`]).
pub(crate) fn bin_only(p: &PackageFacts) -> BTreeSet<&str> {
    let mut entries = Vec::new();
    if let Some(m) = p.manifest.get("main").and_then(|v| v.as_str()) {
        entries.push(m.to_string());
    } else {
        entries.push("index.js".to_string());
    }
    for key in ["exports", "module", "browser"] {
        if let Some(v) = p.manifest.get(key) {
            strings(v, &mut entries);
        }
    }
    let from_bins = bin_reached(p);
    let index: HashMap<&str, &FileFacts> = p.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let names: BTreeSet<&str> = index.keys().copied().collect();
    let bins = bin_paths(p);
    entries.retain(|e| {
        crate::scripts::resolve(&names, "", e.trim_start_matches("./"))
            .and_then(|r| index.get(r.as_str()).copied())
            .is_none_or(|f| !command_script(&bins, f))
    });
    let from_entries = reach(p, &entries);
    from_bins.difference(&from_entries).copied().collect()
}

/// Files the package's commands (`bin`) load through static relative requires.
pub(crate) fn bin_reached(p: &PackageFacts) -> BTreeSet<&str> {
    let mut bins = Vec::new();
    if let Some(v) = p.manifest.get("bin") {
        strings(v, &mut bins);
    }
    reach(p, &bins)
}

/// Files reachable from `entries` (resolvable, wildcard-free) through static relative requires.
fn reach<'p>(p: &'p PackageFacts, entries: &[String]) -> BTreeSet<&'p str> {
    let names: BTreeSet<&str> = p.files.iter().map(|f| f.path.as_str()).collect();
    let index: HashMap<&str, &FileFacts> = p.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut queue: VecDeque<String> = entries
        .iter()
        .filter(|e| !e.contains('*'))
        .filter_map(|e| crate::scripts::resolve(&names, "", e.trim_start_matches("./")))
        .collect();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    while let Some(path) = queue.pop_front() {
        let Some(f) = index.get(path.as_str()) else {
            continue;
        };
        if !seen.insert(f.path.as_str()) {
            continue;
        }
        queue.extend(f.deps.iter().cloned());
    }
    seen
}

fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        serde_json::Value::Object(map) => map.values().for_each(|i| strings(i, out)),
        _ => {}
    }
}

/// True when `s` in `f` runs when a consumer loads the package: module scope, a function the
/// module's load-time code calls (see `js::visit::load_time`), or a function reached from an
/// export that a module in `imported` calls at load (a `bin` calling it does not count).
pub(crate) fn at_load(imported: &BTreeSet<&str>, f: &FileFacts, s: &Signal) -> bool {
    s.func == 0
        || f.of(Kind::LoadTime).any(|l| {
            l.func == s.func
                && l.detail
                    .split_once(crate::scripts::LOADED_BY)
                    .is_none_or(|(_, from)| imported.contains(from))
        })
}
