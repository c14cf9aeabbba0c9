//! Module-layering tests' shared parts: a crate's source files, their code without test
//! modules and comments, and a cycle finder over a module graph. Each crate's test decides how
//! a path maps to a module (top-level modules, or `cmd::vet`-style nested ones).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively. Panics on an unreadable folder (a test's bug).
pub fn sources(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out
}

/// A source file's code as the layering sees it: what comes before its `#[cfg(test)]` module
/// (what tests import is not a module dependency), without comment lines (doc links name
/// modules without depending on them).
pub fn code_of(file: &Path) -> String {
    let text = std::fs::read_to_string(file).expect("readable source");
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Panics with the cycle and the whole graph when `graph` has a cycle.
pub fn assert_acyclic(graph: &BTreeMap<String, BTreeSet<String>>) {
    if let Some(cycle) = find_cycle(graph) {
        panic!(
            "module cycle: {}\nfull graph: {graph:#?}",
            cycle.join(" -> ")
        );
    }
}

/// A cycle as a path `a -> b -> … -> a`, if the graph (module → modules it uses) has one.
pub fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn dfs(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(n.to_string());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            if let Some(c) = dfs(m, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| dfs(n, graph, &mut Vec::new(), &mut done))
}
