//! Entry points and reachability: which files a consumer of the package can actually load.
//!
//! Node loads a package through `package.json`: `main` (default `index.js`), `exports` (every
//! string target, conditions and subpaths alike), `module` and `browser` (bundlers), `bin`
//! (commands on `PATH`), and npm runs the lifecycle scripts' files at install. A file reachable
//! from none of these through static relative `require`/`import` edges (a benchmark, an example,
//! a test left in the tarball) never runs when the package is used, so rules weigh its findings
//! far less. Unresolvable edges (computed `require`s, bundler chunk loaders) are why this is a
//! weight and never a reason to skip analysis.

use crate::signal::FileFacts;
use std::collections::{BTreeSet, VecDeque};

/// Entry-point specifiers `package.json` declares (`./`-relative or bare file paths, as written).
/// `main` defaults to `index.js` when absent, as in Node.
pub fn declared(manifest: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    match manifest.get("main").and_then(|v| v.as_str()) {
        Some(m) if !m.is_empty() => out.push(m.to_string()),
        _ => out.push("index.js".to_string()),
    }
    for key in ["exports", "module", "browser", "bin"] {
        if let Some(v) = manifest.get(key) {
            strings(v, &mut out);
        }
    }
    out
}

/// Every string inside `v` (object values and array items, recursively; object keys are
/// subpaths or conditions, not files).
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        serde_json::Value::Object(map) => map.values().for_each(|i| strings(i, out)),
        _ => {}
    }
}

/// Marks every file reachable from the declared entry points or the lifecycle scripts'
/// `install_entries`. When no entry point resolves to a file of the package (no manifest, a
/// `main` pointing at a build output that is not shipped, `exports` patterns with `*`), every
/// file is marked reachable: without an entry point nothing can be ruled out.
pub fn mark_reachable(
    facts: &mut [FileFacts],
    manifest: &serde_json::Value,
    install_entries: &[String],
) {
    let names: BTreeSet<&str> = facts.iter().map(|f| f.path.as_str()).collect();
    let mut queue: VecDeque<String> = declared(manifest)
        .iter()
        .chain(install_entries)
        .filter(|e| !e.contains('*'))
        .filter_map(|e| crate::scripts::resolve(&names, "", e.trim_start_matches("./")))
        .collect();
    let wildcard = declared(manifest).iter().any(|e| e.contains('*'));
    if queue.is_empty() || wildcard || manifest.is_null() {
        facts.iter_mut().for_each(|f| f.reachable = true);
        return;
    }
    let mut seen: BTreeSet<String> = BTreeSet::new();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let Some(f) = facts.iter().find(|f| f.path == path) else {
            continue;
        };
        queue.extend(
            f.requires
                .iter()
                .filter_map(|r| crate::scripts::resolve(&names, &f.path, r)),
        );
    }
    for f in facts.iter_mut() {
        // npm runs a bundled dependency's lifecycle scripts: its manifest is reached at
        // install when it declares one.
        f.reachable = seen.contains(&f.path)
            || f.path == "package.json"
            || (crate::scripts::bundled_dir(&f.path).is_some()
                && f.has(crate::signal::Kind::LifecycleScript));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::scan_facts;

    /// A service worker the main module registers (its path a default option value) runs in
    /// the browser when the package is used; an example next to it does not.
    #[test]
    fn registered_service_worker_is_reachable() {
        let facts = scan_facts(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"register.js"}"#,
            ),
            (
                "register.js",
                "module.exports = function ({ url = '/sw.js' } = {}) { return navigator.serviceWorker.register(url); };\n",
            ),
            ("sw.js", "self.addEventListener('fetch', () => {});\n"),
            ("example.js", "require('./register')();\n"),
        ]);
        let reach: Vec<(&str, bool)> = facts
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.reachable))
            .collect();
        assert_eq!(
            reach,
            vec![
                ("example.js", false),
                ("package.json", true),
                ("register.js", true),
                ("sw.js", true)
            ]
        );
    }

    #[test]
    fn main_and_its_requires_are_reachable_a_bench_is_not() {
        let facts = scan_facts(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"./lib/index.js","bin":{"t":"cli.js"}}"#,
            ),
            ("lib/index.js", "module.exports = require('./parse');\n"),
            ("lib/parse.js", "module.exports = 1;\n"),
            ("cli.js", "require('./lib');\n"),
            ("bench.js", "require('./lib/parse');\n"),
        ]);
        let reach: Vec<(&str, bool)> = facts
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.reachable))
            .collect();
        assert_eq!(
            reach,
            vec![
                ("bench.js", false),
                ("cli.js", true),
                ("lib/index.js", true),
                ("lib/parse.js", true),
                ("package.json", true),
            ]
        );
    }

    #[test]
    fn es_module_imports_are_edges() {
        let facts = scan_facts(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","type":"module","exports":{".":"./dist/index.js"}}"#,
            ),
            (
                "dist/index.js",
                "import { a } from './a.js';\nexport * from './b.js';\nexport { c } from './c.js';\nconst d = () => import('./d.js');\n",
            ),
            ("dist/a.js", "export const a = 1;\n"),
            ("dist/b.js", "export const b = 1;\n"),
            ("dist/c.js", "export const c = 1;\n"),
            ("dist/d.js", "export const d = 1;\n"),
            ("dist/e.test.js", "import { a } from './a.js';\n"),
        ]);
        let unreachable: Vec<&str> = facts
            .files
            .iter()
            .filter(|f| !f.reachable)
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(unreachable, vec!["dist/e.test.js"]);
    }

    #[test]
    fn no_resolvable_entry_point_means_everything_is_reachable() {
        let facts = scan_facts(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"dist/index.js"}"#,
            ),
            ("src/index.js", "module.exports = 1;\n"),
        ]);
        assert!(facts.files.iter().all(|f| f.reachable));
    }
}
