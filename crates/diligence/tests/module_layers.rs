//! No module cycles in the CLI crate (issue 12): `cli` holds the argument types of every
//! command and depends on no command module; the command modules (`cmd/…`) depend on `cli`,
//! on each other only without cycles.
//!
//! The test reads the crate's sources, maps every `crate::…` and `super::…` path outside
//! `#[cfg(test)]` code and comments to the module it names (`cmd::vet` for
//! `crate::cmd::vet::run`, `cmd` for the `cmd/mod.rs` items) and fails with the cycle when the
//! module graph has one.

use diligence_testkit::modules::{assert_acyclic, code_of, find_cycle, sources};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The module a source file defines: `main`, `cli`, `cmd` (for `cmd/mod.rs`), `cmd::vet`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The module paths (`a::b::c` segments) that `crate::` and `super::` paths in `code` start
/// with, `super` resolved against `module`. A `use crate::{a::X, b}` group gives `a::X`
/// and `b`.
fn paths(code: &str, module: &str) -> Vec<String> {
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    let mut out = Vec::new();
    for (prefix, base) in [("crate::", ""), ("super::", parent)] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let before = rest[..at].chars().last();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue; // `self::super::`, `foo_crate::`: not a path start
            }
            let join = |p: &str| match base {
                "" => p.to_string(),
                b => format!("{b}::{p}"),
            };
            if let Some(group) = rest.strip_prefix('{') {
                let mut depth = 0;
                let mut item = String::new();
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            out.push(join(std::mem::take(&mut item).trim().trim_end_matches(':')))
                        }
                        c if depth == 0 => item.push(c),
                        _ => {}
                    }
                }
                if !item.trim().is_empty() {
                    out.push(join(item.trim().trim_end_matches(':')));
                }
                continue;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(join(path.trim_end_matches(':')));
        }
    }
    out
}

/// The longest known module a path starts with (`main`, the crate root, when none).
fn target(path: &str, modules: &BTreeSet<String>) -> String {
    let segments: Vec<&str> = path.split("::").collect();
    (1..=segments.len())
        .rev()
        .map(|n| segments[..n].join("::"))
        .find(|m| modules.contains(m))
        .unwrap_or_else(|| "main".to_string())
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = sources(&src);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let code = code_of(file);
        let from = module_of(&src, file);
        for path in paths(&code, &from) {
            let to = target(&path, &modules);
            // A module's own items, and a parent's glue (`cmd` dispatching to `cmd::x`), are
            // not edges of the layering.
            if to != from && !to.starts_with(&format!("{from}::")) {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
        graph.entry(from).or_default();
    }
    graph
}

#[test]
fn the_cli_module_graph_has_no_cycle() {
    assert_acyclic(&graph());
}

#[test]
fn cli_depends_on_no_command_module() {
    let graph = graph();
    let deps = graph.get("cli").cloned().unwrap_or_default();
    let commands: Vec<&String> = deps.iter().filter(|d| d.starts_with("cmd")).collect();
    assert!(commands.is_empty(), "cli imports {commands:?}");
    // Every command module depends on cli for its arguments (the layering is real).
    for m in ["cmd", "cmd::vet", "cmd::hunt", "cmd::diff"] {
        assert!(
            graph.get(m).is_some_and(|d| d.contains("cli")),
            "{m}: {graph:#?}"
        );
    }
}

#[test]
fn the_cycle_finder_finds_the_cycle_that_was() {
    let src = Path::new("/src");
    let modules: BTreeSet<String> = ["main", "cli", "cmd", "cmd::vet", "cmd::common"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(module_of(src, Path::new("/src/cmd/mod.rs")), "cmd");
    assert_eq!(module_of(src, Path::new("/src/cmd/vet.rs")), "cmd::vet");
    // cli.rs before the fix: `Vet(crate::cmd::vet::VetArgs)`; cmd/vet.rs: `use crate::cli::…`.
    let cli = paths("    Vet(crate::cmd::vet::VetArgs),", "cli");
    assert_eq!(cli, ["cmd::vet::VetArgs"]);
    assert_eq!(target(&cli[0], &modules), "cmd::vet");
    assert_eq!(
        paths(
            "use super::common;\nuse crate::{cli::{A, B}, cmd};",
            "cmd::vet"
        ),
        ["cli", "cmd", "cmd::common"]
    );
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("cli".into()).or_default().insert("cmd::vet".into());
    g.entry("cmd::vet".into()).or_default().insert("cli".into());
    assert_eq!(
        find_cycle(&g),
        Some(vec![
            "cli".to_string(),
            "cmd::vet".to_string(),
            "cli".to_string()
        ])
    );
}
