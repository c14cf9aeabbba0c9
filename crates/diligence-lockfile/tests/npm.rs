//! npm `package-lock.json` reader: sources, aliases, lines, edges, importers, orphans and
//! errors, asserted on the shared corpus (real lockfiles and the tamper cases).

use diligence_graph::{DepKind, DependencyGraph, Package, PackageId, Source};
use diligence_lockfile::{LockfileError, parse_lockfile, read_lockfile};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn corpus(rel: &str) -> PathBuf {
    diligence_testkit::corpus(rel).expect("shared corpus: the test calls corpus_or_skip! first")
}

fn read(rel: &str) -> DependencyGraph {
    read_lockfile(&corpus(rel)).unwrap_or_else(|e| panic!("{e}"))
}

fn parse(text: &str) -> Result<DependencyGraph, LockfileError> {
    parse_lockfile(Path::new("package-lock.json"), text, None)
}

fn id_of(g: &DependencyGraph, key: &str) -> PackageId {
    g.iter()
        .find(|(_, p)| p.key == key)
        .map(|(id, _)| id)
        .unwrap_or_else(|| panic!("no entry {key}"))
}

fn pkg<'g>(g: &'g DependencyGraph, key: &str) -> &'g Package {
    g.package(id_of(g, key))
}

fn edge_target(g: &DependencyGraph, key: &str, dep: &str) -> Option<PackageId> {
    pkg(g, key)
        .dependencies
        .iter()
        .find(|e| e.name == dep)
        .unwrap_or_else(|| panic!("{key} has no edge {dep}"))
        .target
}

fn base_text() -> String {
    std::fs::read_to_string(corpus("tamper/base-npm-v3/package-lock.json")).unwrap()
}

#[test]
fn v3_base_entries_lines_and_flags() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/base-npm-v3/package-lock.json");
    assert_eq!(g.lockfile.version, "3");
    assert_eq!(g.packages.len(), 6);
    let debug = pkg(&g, "node_modules/debug");
    assert_eq!(debug.id_string(), "debug@4.4.3");
    assert_eq!(
        debug.source,
        Source::Registry {
            resolved: Some("https://registry.npmjs.org/debug/-/debug-4.4.3.tgz".into())
        }
    );
    assert_eq!(
        (
            debug.location.line,
            debug.location.resolved_line,
            debug.location.integrity_line
        ),
        (36, 38, 39)
    );
    assert_eq!(
        debug.integrity.as_ref().unwrap().to_string(),
        "sha512-RGwwWnwQvkVfavKVt22FGLw+xYSdzARwm0ru6DhTVA3umU5hZc28V3kO4stgYryrTlLpuvgI9GiijltAjNbcqA=="
    );
    assert!(!debug.dev);
    let types = pkg(&g, "node_modules/@types/debug");
    assert_eq!(
        (types.name.as_str(), types.location.line),
        ("@types/debug", 19)
    );
    assert!(types.dev && pkg(&g, "node_modules/@types/ms").dev);
    assert_eq!(
        pkg(&g, "node_modules/picocolors").location.integrity_line,
        71
    );
}

#[test]
fn v3_base_edges_and_root_importer() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/base-npm-v3/package-lock.json");
    assert_eq!(
        edge_target(&g, "node_modules/debug", "ms"),
        Some(id_of(&g, "node_modules/ms"))
    );
    assert_eq!(
        edge_target(&g, "node_modules/@types/debug", "@types/ms"),
        Some(id_of(&g, "node_modules/@types/ms"))
    );
    // `supports-color` is an optional peer (peerDependenciesMeta) npm did not install.
    assert!(pkg(&g, "node_modules/debug").dependencies.len() == 1);
    assert_eq!(g.importers.len(), 1);
    let root = &g.importers[0];
    assert_eq!(
        (root.path.as_str(), root.name.as_deref()),
        (".", Some("tamper-tiny"))
    );
    let deps: Vec<(&str, &str, DepKind)> = root
        .dependencies
        .iter()
        .map(|e| (e.name.as_str(), e.spec.as_str(), e.kind))
        .collect();
    assert_eq!(
        deps,
        vec![
            ("debug", "^4.3.4", DepKind::Prod),
            ("is-number", "^7.0.0", DepKind::Prod),
            ("picocolors", "^1.0.0", DepKind::Prod),
            ("@types/debug", "^4.1.12", DepKind::Dev),
        ]
    );
    assert!(root.dependencies.iter().all(|e| e.target.is_some()));
    assert!(g.unreachable().is_empty());
}

#[test]
fn tamper_cases_keep_the_entry_and_its_real_name() {
    diligence_testkit::corpus_or_skip!("");
    let t1 = read("tamper/npm-v3-T1-1/package-lock.json");
    let debug = pkg(&t1, "node_modules/debug");
    assert_eq!(debug.id_string(), "debug@4.4.3");
    assert_eq!(
        debug.source.resolved().as_deref(),
        Some("https://npm.evil.example/debug/-/debug-4.4.3.tgz")
    );
    assert_eq!(debug.location.resolved_line, 38);

    // The tarball path names evil-pkg; the entry is still ms@2.1.3 (the folder name), so a
    // rule can report the mismatch against the right package.
    let t2 = read("tamper/npm-v3-T2-1/package-lock.json");
    let ms = pkg(&t2, "node_modules/ms");
    assert_eq!(ms.id_string(), "ms@2.1.3");
    assert_eq!(
        ms.source,
        Source::Registry {
            resolved: Some("https://registry.npmjs.org/ms/../evil-pkg/-/evil-pkg-1.0.0.tgz".into())
        }
    );

    let t5 = read("tamper/npm-v3-T5-1/package-lock.json");
    let is_number = pkg(&t5, "node_modules/is-number");
    assert_eq!(
        (
            is_number.integrity.is_none(),
            is_number.location.integrity_line
        ),
        (true, 0)
    );

    let t9 = read("tamper/npm-v3-T9-1/package-lock.json");
    let pico = pkg(&t9, "node_modules/picocolors");
    assert_eq!(pico.id_string(), "picocolors@1.1.1");
    assert_eq!(
        pico.source,
        Source::File {
            path: "../../../tmp/x/picocolors-1.1.1.tgz".into()
        }
    );
    assert_eq!(pico.location.resolved_line, 70);
    for g in [t1, t2, t5, t9] {
        assert!(g.unreachable().is_empty());
    }
}

#[test]
fn injected_orphan_is_the_only_unreachable_entry() {
    diligence_testkit::corpus_or_skip!("");
    let entry = r#"    "node_modules/evil-pkg": {
      "version": "1.0.0",
      "resolved": "https://registry.npmjs.org/evil-pkg/-/evil-pkg-1.0.0.tgz",
      "integrity": "sha512-RGwwWnwQvkVfavKVt22FGLw+xYSdzARwm0ru6DhTVA3umU5hZc28V3kO4stgYryrTlLpuvgI9GiijltAjNbcqA=="
    },
"#;
    let text = base_text().replacen(
        "    \"node_modules/is-number\"",
        &format!("{entry}    \"node_modules/is-number\""),
        1,
    );
    let g = parse(&text).unwrap();
    let orphans = g.unreachable();
    assert_eq!(orphans.len(), 1);
    let p = g.package(orphans[0]);
    assert_eq!(
        (p.id_string().as_str(), p.location.line),
        ("evil-pkg@1.0.0", 53)
    );
}

#[test]
fn v3_workspaces_links_aliases_and_bundles() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("lockfiles/npm-v3-npmcli/package-lock.json");
    let alias = pkg(&g, "node_modules/string-width-cjs");
    assert_eq!(alias.id_string(), "string-width@4.2.3");
    assert_eq!(alias.location.line, 13123);
    let paths: Vec<&str> = g.importers.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths.len(), 17);
    assert_eq!(
        &paths[..5],
        [".", "docs", "mock-globals", "mock-registry", "smoke-tests"]
    );
    assert_eq!(paths[16], "workspaces/libnpmversion");
    let arborist = &g.importers[5];
    assert_eq!(
        (arborist.path.as_str(), arborist.name.as_deref()),
        ("workspaces/arborist", Some("@npmcli/arborist"))
    );
    let ws = arborist.package.unwrap();
    assert_eq!(
        g.package(ws).source,
        Source::Workspace {
            path: "workspaces/arborist".into()
        }
    );
    assert_eq!(g.package(ws).version, "8.0.0");
    let link = pkg(&g, "node_modules/@npmcli/arborist");
    assert_eq!(
        link.source,
        Source::Link {
            path: "workspaces/arborist".into()
        }
    );
    assert_eq!(link.id_string(), "@npmcli/arborist@8.0.0");
    assert_eq!(link.dependencies[0].target, Some(ws));
    // The root's `@npmcli/arborist` dependency goes through the link to the workspace.
    let root_edge = g.importers[0]
        .dependencies
        .iter()
        .find(|e| e.name == "@npmcli/arborist")
        .unwrap();
    assert_eq!(
        root_edge.target,
        Some(id_of(&g, "node_modules/@npmcli/arborist"))
    );
    // Like arborist, the root depends on every workspace; one it does not declare gets a
    // `file:` edge to its link, so the link is reachable.
    let smoke: Vec<(&str, &str)> = g.importers[0]
        .dependencies
        .iter()
        .filter(|e| e.name.starts_with("@npmcli/smoke"))
        .map(|e| (e.spec.as_str(), g.package(e.target.unwrap()).key.as_str()))
        .collect();
    assert_eq!(
        smoke,
        vec![("file:smoke-tests", "node_modules/@npmcli/smoke-tests")]
    );
    let bundled = g
        .packages
        .iter()
        .filter(|p| p.source == Source::Registry { resolved: None })
        .count();
    assert_eq!(bundled, 163);
    // Those 163 are `tap`'s own bundle (inDepBundle: npm extracts them from tap's tarball);
    // the root project's 356 `inBundle` entries, nested ones included, are installed from the
    // registry and stay unbundled.
    let dep_bundled: Vec<&str> = g
        .packages
        .iter()
        .filter(|p| p.bundled)
        .map(|p| p.key.as_str())
        .collect();
    assert_eq!(dep_bundled.len(), 163);
    assert!(
        dep_bundled
            .iter()
            .all(|k| k.starts_with("node_modules/tap/node_modules/")),
        "{dep_bundled:?}"
    );
    assert!(!pkg(&g, "node_modules/@isaacs/cliui/node_modules/string-width").bundled);
    assert!(g.unreachable().is_empty());
}

/// arborist's `inDepBundle` as npm 11 decides it: the parent's lock entry
/// `bundleDependencies` (not the child's `inBundle` flag) makes a nested entry part of a
/// dependency's tarball; bundles of the root or a workspace are installed from the registry;
/// v1 lockfiles do not record bundles, so nothing there is taken as bundled.
#[test]
fn bundled_means_bundled_by_a_dependency() {
    let i = format!("sha512-{}", "AQEB".repeat(21) + "AQ==");
    let v3 = parse(
        &r#"{"lockfileVersion": 3, "packages": {
        "": {"name": "r", "workspaces": ["ws"], "bundleDependencies": ["top"],
            "dependencies": {"top": "1", "dep": "1", "plain": "1"}},
        "ws": {"name": "ws", "version": "1.0.0", "bundleDependencies": ["wb"], "dependencies": {"wb": "1"}},
        "node_modules/ws": {"resolved": "ws", "link": true},
        "ws/node_modules/wb": {"version": "1.0.0", "inBundle": true,
            "resolved": "https://registry.npmjs.org/wb/-/wb-1.0.0.tgz", "integrity": "{I}"},
        "node_modules/top": {"version": "1.0.0", "inBundle": true, "dependencies": {"under-top": "1"},
            "resolved": "https://registry.npmjs.org/top/-/top-1.0.0.tgz", "integrity": "{I}"},
        "node_modules/top/node_modules/under-top": {"version": "1.0.0", "inBundle": true,
            "resolved": "https://registry.npmjs.org/under-top/-/under-top-1.0.0.tgz", "integrity": "{I}"},
        "node_modules/dep": {"version": "1.0.0", "bundleDependencies": ["b1"],
            "dependencies": {"b1": "1", "plain-dep": "1"},
            "resolved": "https://registry.npmjs.org/dep/-/dep-1.0.0.tgz", "integrity": "{I}"},
        "node_modules/dep/node_modules/b1": {"version": "1.0.0-private", "inBundle": true,
            "dependencies": {"b2": "2", "hoisted": "1"}},
        "node_modules/dep/node_modules/b1/node_modules/b2": {"version": "2.0.0", "inBundle": true},
        "node_modules/dep/node_modules/hoisted": {"version": "1.0.0", "inBundle": true},
        "node_modules/dep/node_modules/plain-dep": {"version": "1.0.0", "inBundle": true,
            "resolved": "https://registry.npmjs.org/plain-dep/-/plain-dep-1.0.0.tgz", "integrity": "{I}"},
        "node_modules/plain": {"version": "1.0.0", "dependencies": {"hidden": "1"},
            "resolved": "https://registry.npmjs.org/plain/-/plain-1.0.0.tgz", "integrity": "{I}"},
        "node_modules/plain/node_modules/hidden": {"version": "1.0.0", "inBundle": true}
    }}"#
            .replace("{I}", &i),
    )
    .unwrap();
    let bundled = |key: &str| pkg(&v3, key).bundled;
    assert!(!bundled("ws/node_modules/wb"));
    assert!(!bundled("node_modules/top"));
    assert!(!bundled("node_modules/top/node_modules/under-top"));
    assert!(!bundled("node_modules/dep"));
    assert!(bundled("node_modules/dep/node_modules/b1"));
    assert!(bundled("node_modules/dep/node_modules/b1/node_modules/b2"));
    // A bundled dependency's dependency placed at the bundler's level is bundled too.
    assert!(bundled("node_modules/dep/node_modules/hoisted"));
    // Flagged, but neither listed nor a bundled package's dependency: npm fetches it.
    assert!(!bundled("node_modules/dep/node_modules/plain-dep"));
    // The red-team case: a parent that does not bundle; npm fetches `hidden` from the registry.
    assert!(!bundled("node_modules/plain/node_modules/hidden"));
    let v1 = parse(
        &r#"{"lockfileVersion": 1, "dependencies": {
        "top": {"version": "1.0.0", "bundled": true},
        "dep": {"version": "1.0.0", "resolved": "https://registry.npmjs.org/dep/-/dep-1.0.0.tgz",
            "integrity": "{I}", "dependencies": {
            "b1": {"version": "1.0.0-private", "bundled": true}}}
    }}"#
        .replace("{I}", &i),
    )
    .unwrap();
    assert!(v1.packages.iter().all(|p| !p.bundled));
}

#[test]
fn v2_flags_and_missing_peers() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("lockfiles/npm-v2-axios/package-lock.json");
    assert_eq!(g.lockfile.version, "2");
    // `packages` (2115 entries besides the root) is read, not the legacy `dependencies` tree.
    assert_eq!(g.packages.len(), 2115);
    assert_eq!(
        g.packages.iter().filter(|p| p.has_install_script).count(),
        7
    );
    assert!(pkg(&g, "node_modules/fsevents").has_install_script);
    assert_eq!(g.packages.iter().filter(|p| p.peer).count(), 190);
    assert_eq!(g.packages.iter().filter(|p| p.dev).count(), 2107);
    assert_eq!(g.packages.iter().filter(|p| p.optional).count(), 42);
    let ws = pkg(&g, "node_modules/ws");
    let bufferutil = ws
        .dependencies
        .iter()
        .find(|e| e.name == "bufferutil")
        .unwrap();
    assert_eq!((bufferutil.kind, bufferutil.target), (DepKind::Peer, None));
    // A nested copy wins over the hoisted one.
    assert_eq!(
        edge_target(&g, "node_modules/puppeteer-core", "ws"),
        Some(id_of(&g, "node_modules/puppeteer-core/node_modules/ws"))
    );
    assert!(g.unreachable().is_empty());
}

#[test]
fn v1_git_file_and_nested_requires() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("lockfiles/npm-v1-atom/package-lock.json");
    assert_eq!(g.lockfile.version, "1");
    let kinds = |k: &str| g.packages.iter().filter(|p| p.source.kind() == k).count();
    assert_eq!(
        (kinds("registry"), kinds("git"), kinds("file")),
        (1019, 68, 27)
    );
    let archive = pkg(&g, "node_modules/archive-view");
    assert_eq!(
        archive.source,
        Source::Git {
            url: "git+https://github.com/atom/archive-view.git".into(),
            commit: Some("762c5b6b266704011a5672c87cf01c27920d9bd8".into())
        }
    );
    assert_eq!(archive.location.line, 1461);
    let about = pkg(&g, "node_modules/about");
    assert_eq!(
        about.source,
        Source::File {
            path: "packages/about".into()
        }
    );
    // @babel/core 7.12.9 requires debug: its own nested 4.3.4, not the top-level 2.6.9.
    let nested = edge_target(&g, "node_modules/@babel/core", "debug").unwrap();
    assert_eq!(
        g.package(nested).key,
        "node_modules/@babel/core/node_modules/debug"
    );
    assert_eq!(g.package(nested).version, "4.3.4");
    assert!(g.unreachable().is_empty());
}

#[test]
fn v1_dev_flags_and_sha1_integrity() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("lockfiles/npm-v1-lodash/package-lock.json");
    assert_eq!(g.packages.len(), 673);
    assert!(g.packages.iter().all(|p| p.dev));
    let jsv = pkg(&g, "node_modules/JSV");
    assert_eq!(
        jsv.integrity.as_ref().unwrap().to_string(),
        "sha1-0Hf2glVx+CEy+d/67Vh7QCn+/1c="
    );
    assert!(g.unreachable().is_empty());
}

#[test]
fn v1_alias_and_tarball_without_manifest() {
    let text = r#"{
  "name": "x",
  "lockfileVersion": 1,
  "dependencies": {
    "sw-cjs": {
      "version": "npm:string-width@4.2.3",
      "resolved": "https://registry.npmjs.org/string-width/-/string-width-4.2.3.tgz",
      "integrity": "sha512-wKyQRQpjJ0sIp62ErSZdGsjMJWsap5oRNihHhu6G7JVO/9jIB6UyevL+tXuOqrng8j/cxKTWyWUwvSTriiZz/g==",
      "dev": true
    },
    "tb": {
      "version": "https://example.com/tb-1.0.0.tgz",
      "integrity": "sha1-0Hf2glVx+CEy+d/67Vh7QCn+/1c="
    }
  }
}"#;
    let g = parse(text).unwrap();
    let alias = pkg(&g, "node_modules/sw-cjs");
    assert_eq!(
        (alias.id_string().as_str(), alias.dev),
        ("string-width@4.2.3", true)
    );
    assert_eq!(
        (
            alias.location.line,
            alias.location.resolved_line,
            alias.location.integrity_line
        ),
        (5, 7, 8)
    );
    assert_eq!(
        pkg(&g, "node_modules/tb").source,
        Source::Tarball {
            url: "https://example.com/tb-1.0.0.tgz".into()
        }
    );
    let root: Vec<(&str, DepKind)> = g.importers[0]
        .dependencies
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    assert_eq!(root, vec![("sw-cjs", DepKind::Dev), ("tb", DepKind::Prod)]);
}

#[test]
fn extraneous_entry_is_kept_and_unreachable() {
    let text = r#"{"lockfileVersion": 3, "packages": {
  "": {"dependencies": {"a": "^1.0.0"}},
  "node_modules/a": {"version": "1.0.0", "resolved": "https://registry.npmjs.org/a/-/a-1.0.0.tgz"},
  "node_modules/left-over": {"version": "2.0.0", "extraneous": true}
}}"#;
    let g = parse(text).unwrap();
    let orphans: Vec<String> = g
        .unreachable()
        .iter()
        .map(|&i| g.package(i).id_string())
        .collect();
    assert_eq!(orphans, vec!["left-over@2.0.0"]);
}

#[test]
fn link_outside_project_is_a_link_not_a_workspace() {
    let text = r#"{"lockfileVersion": 3, "packages": {
  "": {"dependencies": {"ms": "file:../../../tmp/x"}},
  "../../../tmp/x": {"name": "ms", "version": "2.1.3"},
  "node_modules/ms": {"resolved": "../../../tmp/x", "link": true}
}}"#;
    let g = parse(text).unwrap();
    let link = pkg(&g, "node_modules/ms");
    assert_eq!(
        link.source,
        Source::Link {
            path: "../../../tmp/x".into()
        }
    );
    assert_eq!(
        (link.id_string().as_str(), link.location.line),
        ("ms@2.1.3", 4)
    );
    assert_eq!(
        pkg(&g, "../../../tmp/x").source,
        Source::Link {
            path: "../../../tmp/x".into()
        }
    );
    assert_eq!(g.importers.len(), 1);
    assert!(g.unreachable().is_empty());
}

#[test]
fn errors_name_the_place() {
    let e = parse(r#"{"lockfileVersion": 3, "packages": []}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "package-lock.json:1:36: `packages` must be an object, found an array"
    );
    let e =
        parse("{\"lockfileVersion\": 3, \"packages\": {\n \"node_modules/a\": {\"version\": 1}}}")
            .unwrap_err();
    assert_eq!(
        e.to_string(),
        "package-lock.json:2:32: `version` of packages[\"node_modules/a\"] must be a string, found a number"
    );
    let e = parse("{\"lockfileVersion\": 3,\n \"packages\": {").unwrap_err();
    assert_eq!((e.line, e.column > 0), (2, true));
    let e = parse(r#"{"lockfileVersion": 7, "packages": {}}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "package-lock.json:1:21: `lockfileVersion` must be 1, 2 or 3 (npm 5 to npm 11)"
    );
    let e = parse("{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": {\"version\": \"1.0.0\",\n \"integrity\": \"sha512-AAAA\"}}}").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.message.contains("malformed `integrity`"), "{e}");
    let e = parse(r#"{"lockfileVersion": 3}"#).unwrap_err();
    assert!(e.message.contains("no `packages`"), "{e}");
    let e = parse("").unwrap_err();
    assert!(e.to_string().starts_with("package-lock.json"), "{e}");
    let e = parse(r#"{"lockfileVersion": 3, "packages": {"": {"dependencies": {"a": 1}}}}"#)
        .unwrap_err();
    assert!(
        e.message
            .contains("`a` in `dependencies` of packages[\"\"]"),
        "{e}"
    );
}

#[test]
fn duplicate_keys_are_errors_not_a_silent_pick() {
    // npm's JSON.parse keeps the last `resolved`, a reviewer sees the first.
    let text = "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": {\"version\": \"1.0.0\",\n \"resolved\": \"https://registry.npmjs.org/a/-/a-1.0.0.tgz\",\n \"resolved\": \"https://evil.example/a/-/a-1.0.0.tgz\"}}}";
    let e = parse(text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "package-lock.json:3:2: duplicate key `resolved`"
    );
    // A small `packages` map is checked while parsing, a large one by the reader.
    let text = "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": {\"version\": \"1.0.0\"},\n \"node_modules/a\": {\"version\": \"6.6.6\"}}}";
    let e = parse(text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "package-lock.json:2:2: duplicate key `node_modules/a`"
    );
    let mut text = String::from("{\"lockfileVersion\": 3, \"packages\": {");
    for i in 0..40 {
        text.push_str(&format!(
            "\"node_modules/p{i}\": {{\"version\": \"1.0.0\"}},"
        ));
    }
    text.push_str("\"node_modules/p1\": {\"version\": \"6.6.6\"}}}");
    let e = parse(&text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "package-lock.json:1:1667: duplicate entry packages[\"node_modules/p1\"]"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = "[".repeat(100_000);
    let e = parse(&deep).unwrap_err();
    assert_eq!(e.line, 1);
    let deep_obj = format!("{}{}", "{\"a\":".repeat(100_000), "1");
    assert!(parse(&deep_obj).is_err());
    let nested = format!("{}1{}", "[".repeat(250), "]".repeat(250));
    let e = parse(&nested).unwrap_err();
    assert!(e.message.contains("must be an object"), "{e}");
}

#[test]
fn npm_shrinkwrap_is_read_as_npm() {
    diligence_testkit::corpus_or_skip!("");
    let g = parse_lockfile(Path::new("npm-shrinkwrap.json"), &base_text(), None).unwrap();
    assert_eq!((g.lockfile.format.as_str(), g.packages.len()), ("npm", 6));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn truncated_lockfile_never_panics(cut in 0usize..2600) {
        if diligence_testkit::corpus("").is_none() {
            return Ok(());
        }
        let text = base_text();
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) { cut -= 1; }
        let _ = parse(&text[..cut]);
    }

    #[test]
    fn mutated_lockfile_never_panics(pos in 0usize..2600, byte in proptest::sample::select(b"{}[]\",:0a- \n\\".to_vec())) {
        if diligence_testkit::corpus("").is_none() {
            return Ok(());
        }
        let mut bytes = base_text().into_bytes();
        let pos = pos.min(bytes.len() - 1);
        bytes[pos] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = parse(&text);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = parse(&text);
    }
}

#[test]
fn url_schemes_are_case_insensitive() {
    let text = r#"{"lockfileVersion": 3, "packages": {
  "": {"dependencies": {"a": "^1.0.0", "b": "^1.0.0", "c": "^1.0.0"}},
  "node_modules/a": {"version": "1.0.0", "resolved": "HTTPS://EVIL.EXAMPLE/a/-/a-1.0.0.tgz"},
  "node_modules/b": {"version": "1.0.0", "resolved": "Http://evil.example/b.tgz"},
  "node_modules/c": {"version": "1.0.0", "resolved": "GIT+SSH://git@h.example/c.git#0123abcd"}
}}"#;
    let g = parse(text).unwrap();
    assert_eq!(
        pkg(&g, "node_modules/a").source,
        Source::Registry {
            resolved: Some("HTTPS://EVIL.EXAMPLE/a/-/a-1.0.0.tgz".into())
        }
    );
    assert_eq!(
        pkg(&g, "node_modules/b").source,
        Source::Tarball {
            url: "Http://evil.example/b.tgz".into()
        }
    );
    assert_eq!(
        pkg(&g, "node_modules/c").source,
        Source::Git {
            url: "GIT+SSH://git@h.example/c.git".into(),
            commit: Some("0123abcd".into())
        }
    );
    let g = parse(&text.replace("HTTPS://EVIL.EXAMPLE", "https://Registry.NPMJS.org")).unwrap();
    assert_eq!(
        pkg(&g, "node_modules/a").source,
        Source::Registry {
            resolved: Some("https://Registry.NPMJS.org/a/-/a-1.0.0.tgz".into())
        }
    );
}
