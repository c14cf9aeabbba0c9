//! No module cycles inside `diligence-analyze` (issue 12): the shared fact types
//! (`signal`, `finding`) sit below the analysers (`text`, `shell`, `js`, `scripts`, `entry`),
//! which sit below the driver (`pipeline`), the rules and the verdict.
//!
//! The test reads the crate's own sources, maps every `crate::…` path outside `#[cfg(test)]`
//! code to the top-level module it names (items re-exported at the crate root are mapped to
//! the module that defines them) and fails with the cycle when the module graph has one.

use diligence_testkit::modules::{assert_acyclic, code_of, find_cycle, sources};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Items the crate root re-exports, and the module that defines each.
const ROOT_REEXPORTS: &[(&str, &str)] = &[
    ("CodeFinding", "finding"),
    ("Evidence", "finding"),
    ("CapabilityUse", "finding"),
    ("PackageFile", "archive"),
    ("ArchiveLimits", "archive"),
    ("ScanOptions", "pipeline"),
    ("Verdict", "verdict"),
];

/// The top-level module a source file belongs to (`lib` for the crate root).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("non-empty");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// Top-level names a `crate::` path or `use crate::{…}` group starts with.
fn referenced(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a::B, c::{D, E}, F}`: the names at brace depth 0.
            let (mut depth, mut name, mut expect) = (0, String::new(), true);
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => expect = true,
                    c if depth == 0 && expect && (c.is_alphanumeric() || c == '_') => name.push(c),
                    _ if depth == 0 && !name.is_empty() => {
                        out.insert(std::mem::take(&mut name));
                        expect = false;
                    }
                    _ => {}
                }
            }
            if !name.is_empty() {
                out.insert(name);
            }
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = sources(&src);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let code = code_of(file);
        let from = module_of(&src, file);
        for name in referenced(&code) {
            let to = match ROOT_REEXPORTS.iter().find(|(item, _)| *item == name) {
                Some((_, module)) => module.to_string(),
                None if modules.contains(&name) => name,
                None => "lib".to_string(),
            };
            if to != from {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
        graph.entry(from).or_default();
    }
    graph
}

#[test]
fn the_module_graph_has_no_cycle() {
    assert_acyclic(&graph());
}

#[test]
fn fact_types_depend_on_no_analyser() {
    let graph = graph();
    let analysers = [
        "js", "text", "shell", "scripts", "entry", "pipeline", "rules",
    ];
    for facts in ["signal", "finding"] {
        let deps = graph.get(facts).cloned().unwrap_or_default();
        for a in analysers {
            assert!(!deps.contains(a), "{facts} imports {a}: {deps:?}");
        }
    }
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("a".into());
    assert_eq!(
        find_cycle(&g),
        Some(vec!["a".to_string(), "b".to_string(), "a".to_string()])
    );
    assert_eq!(
        referenced("use crate::{js::x, signal::{Kind, Signal}, CodeFinding};\ncrate::text::scan()"),
        ["CodeFinding", "js", "signal", "text"]
            .into_iter()
            .map(String::from)
            .collect()
    );
}
