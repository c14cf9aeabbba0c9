//! bun `bun.lock` reader: tuple shapes, path-key resolution, workspaces, lines, orphans and
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
    parse_lockfile(Path::new("bun.lock"), text, None)
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
    std::fs::read_to_string(corpus("tamper/base-bun/bun.lock")).unwrap()
}

#[test]
fn base_entries_lines_and_sources() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/base-bun/bun.lock");
    assert_eq!(
        (g.lockfile.format.as_str(), g.lockfile.version.as_str()),
        ("bun", "2")
    );
    assert_eq!(g.packages.len(), 6);
    let debug = pkg(&g, "debug");
    assert_eq!(debug.id_string(), "debug@4.4.3");
    // An empty URL slot is the default registry.
    assert_eq!(debug.source, Source::Registry { resolved: None });
    assert_eq!(
        (
            debug.location.line,
            debug.location.resolved_line,
            debug.location.integrity_line
        ),
        (22, 22, 22)
    );
    assert_eq!(
        debug.integrity.as_ref().unwrap().to_string(),
        "sha512-RGwwWnwQvkVfavKVt22FGLw+xYSdzARwm0ru6DhTVA3umU5hZc28V3kO4stgYryrTlLpuvgI9GiijltAjNbcqA=="
    );
    assert_eq!(pkg(&g, "@types/debug").location.line, 18);
    assert_eq!(pkg(&g, "picocolors").location.line, 28);
    // bun records no dev flag: derived from reachability (only through devDependencies).
    let dev: Vec<&str> = g
        .packages
        .iter()
        .filter(|p| p.dev)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(dev, vec!["@types/debug", "@types/ms"]);
}

#[test]
fn base_edges_and_root_importer() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/base-bun/bun.lock");
    assert_eq!(edge_target(&g, "debug", "ms"), Some(id_of(&g, "ms")));
    let peer = pkg(&g, "debug")
        .dependencies
        .iter()
        .find(|e| e.name == "supports-color")
        .unwrap();
    assert_eq!(
        (peer.kind, peer.target, peer.spec.as_str()),
        (DepKind::Peer, None, "*")
    );
    assert_eq!(g.importers.len(), 1);
    let root = &g.importers[0];
    assert_eq!(
        (root.path.as_str(), root.name.as_deref()),
        (".", Some("tamper-tiny"))
    );
    let deps: Vec<(&str, &str, DepKind, Option<PackageId>)> = root
        .dependencies
        .iter()
        .map(|e| (e.name.as_str(), e.spec.as_str(), e.kind, e.target))
        .collect();
    assert_eq!(
        deps,
        vec![
            ("debug", "^4.3.4", DepKind::Prod, Some(id_of(&g, "debug"))),
            (
                "is-number",
                "^7.0.0",
                DepKind::Prod,
                Some(id_of(&g, "is-number"))
            ),
            (
                "picocolors",
                "^1.0.0",
                DepKind::Prod,
                Some(id_of(&g, "picocolors"))
            ),
            (
                "@types/debug",
                "^4.1.12",
                DepKind::Dev,
                Some(id_of(&g, "@types/debug"))
            ),
        ]
    );
    assert!(g.unreachable().is_empty());
}

#[test]
fn tamper_cases() {
    diligence_testkit::corpus_or_skip!("");
    let t1 = read("tamper/bun-T1-1/bun.lock");
    assert_eq!(
        pkg(&t1, "picocolors").source,
        Source::Registry {
            resolved: Some("http://203.0.113.7/picocolors/-/picocolors-1.1.1.tgz".into())
        }
    );
    assert_eq!(pkg(&t1, "picocolors").location.resolved_line, 28);

    let t4 = read("tamper/bun-T4-1/bun.lock");
    assert_eq!(
        pkg(&t4, "debug").integrity.as_ref().unwrap().to_string(),
        "sha512-KcKCqiftBJcZr++7ykoDIEwSa3XWowTfNPo92BYxjXiyYEVrUQh2aLyhxBCwww+heortUFxEJYcRzosstTEBYQ=="
    );

    let t9 = read("tamper/bun-T9-1/bun.lock");
    let ms = pkg(&t9, "ms");
    assert_eq!(
        ms.source,
        Source::Link {
            path: "../../../tmp/x".into()
        }
    );
    assert_eq!(
        (ms.name.as_str(), ms.version.as_str()),
        ("ms", "link:../../../tmp/x")
    );
    assert_eq!((ms.location.line, ms.integrity.is_none()), (26, true));
    assert_eq!(edge_target(&t9, "debug", "ms"), Some(id_of(&t9, "ms")));
    for g in [t1, t4, t9] {
        assert!(g.unreachable().is_empty());
    }
}

#[test]
fn injected_orphan_is_the_only_unreachable_entry() {
    diligence_testkit::corpus_or_skip!("");
    let entry = "    \"evil-pkg\": [\"evil-pkg@1.0.0\", \"\", {}, \"sha512-RGwwWnwQvkVfavKVt22FGLw+xYSdzARwm0ru6DhTVA3umU5hZc28V3kO4stgYryrTlLpuvgI9GiijltAjNbcqA==\"],\n\n";
    let text = base_text().replacen(
        "    \"is-number\": [",
        &format!("{entry}    \"is-number\": ["),
        1,
    );
    let g = parse(&text).unwrap();
    let orphans = g.unreachable();
    assert_eq!(orphans.len(), 1);
    let p = g.package(orphans[0]);
    assert_eq!(
        (p.id_string().as_str(), p.location.line),
        ("evil-pkg@1.0.0", 24)
    );
}

#[test]
fn nested_keys_resolve_upwards_like_bun() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("lockfiles/bun-1-hono/bun.lock");
    // boxen's chalk is its own nested copy; the top-level chalk is another version.
    let boxen_chalk = edge_target(&g, "boxen", "chalk").unwrap();
    assert_eq!(g.package(boxen_chalk).key, "boxen/chalk");
    assert_eq!(g.package(boxen_chalk).id_string(), "chalk@5.4.1");
    assert_eq!(pkg(&g, "chalk").version, "4.1.2");
    // Two levels deep: `a/b` depends on `chalk`: `a/b/chalk` is absent, so `a/chalk`.
    let deep = edge_target(&g, "inquirer-autosubmit-prompt/inquirer", "chalk").unwrap();
    assert_eq!(g.package(deep).key, "inquirer-autosubmit-prompt/chalk");
    assert_eq!(g.package(deep).location.line, 1792);
    // Scoped segments count as one.
    let core = edge_target(&g, "@inquirer/checkbox", "@inquirer/core").unwrap();
    assert_eq!(g.package(core).key, "@inquirer/checkbox/@inquirer/core");
    let chalk = edge_target(&g, "@bytecodealliance/jco/chalk-template", "chalk").unwrap();
    assert_eq!(
        g.package(chalk).key,
        "@bytecodealliance/jco/chalk-template/chalk"
    );
    assert!(g.unreachable().is_empty());
    assert_eq!(g.packages.len(), 1152);
}

#[test]
fn elysia_optional_peers_and_platform_packages() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("lockfiles/bun-1-elysia/bun.lock");
    assert_eq!(g.lockfile.version, "1");
    let root = &g.importers[0];
    let types_bun: Vec<DepKind> = root
        .dependencies
        .iter()
        .filter(|e| e.name == "@types/bun")
        .map(|e| e.kind)
        .collect();
    assert_eq!(types_bun, vec![DepKind::Dev, DepKind::Peer]);
    let esbuild = pkg(&g, "@esbuild/aix-ppc64");
    assert_eq!(
        (esbuild.version.as_str(), esbuild.optional),
        ("0.25.4", true)
    );
    assert!(g.unreachable().is_empty());
}

const WORKSPACE_LOCK: &str = r#"{
  // comments and trailing commas are JSONC
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "mono",
      "dependencies": { "app": "workspace:*", "left-pad": "github:stevemao/left-pad#main" },
    },
    "packages/app": {
      "name": "app",
      "version": "1.0.0",
      "dependencies": { "ms": "^2.0.0", "tb": "https://example.com/tb-1.0.0.tgz", "local": "file:../local" },
      "optionalDependencies": { "fsevents": "^2.3.3" },
    },
  },
  "packages": {
    "app": ["app@workspace:packages/app"],
    "app/ms": ["ms@2.0.0", "https://npm.example.com/ms/-/ms-2.0.0.tgz", {}, "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=="],
    "left-pad": ["left-pad@github:stevemao/left-pad#5a5ad2f", { "dependencies": { "ms": "2.1.3" } }, "stevemao-left-pad-5a5ad2f"],
    "local": ["local@file:../local", {}],
    "ms": ["ms@2.1.3", "", {}, ""],
    "tb": ["tb@https://example.com/tb-1.0.0.tgz", {}],
  },
}"#;

#[test]
fn workspaces_and_non_registry_tuples() {
    let g = parse(WORKSPACE_LOCK).unwrap();
    let paths: Vec<&str> = g.importers.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, vec![".", "packages/app"]);
    let app = g.importers[1].package.unwrap();
    assert_eq!(
        g.package(app).source,
        Source::Workspace {
            path: "packages/app".into()
        }
    );
    assert_eq!(g.package(app).id_string(), "app@1.0.0");
    assert_eq!(g.importers[0].dependencies[0].target, Some(app));
    // A workspace's own copy (`app/ms`) wins over the hoisted one.
    let ms = g.importers[1]
        .dependencies
        .iter()
        .find(|e| e.name == "ms")
        .unwrap();
    assert_eq!(ms.target, Some(id_of(&g, "app/ms")));
    assert_eq!(
        pkg(&g, "app/ms").source,
        Source::Registry {
            resolved: Some("https://npm.example.com/ms/-/ms-2.0.0.tgz".into())
        }
    );
    // An empty integrity slot is kept as "none", for a rule to report.
    assert_eq!(
        (
            pkg(&g, "ms").integrity.is_none(),
            pkg(&g, "ms").location.integrity_line
        ),
        (true, 0)
    );
    let fsevents = g.importers[1]
        .dependencies
        .iter()
        .find(|e| e.name == "fsevents")
        .unwrap();
    assert_eq!((fsevents.kind, fsevents.target), (DepKind::Optional, None));
    assert_eq!(
        pkg(&g, "left-pad").source,
        Source::Git {
            url: "github:stevemao/left-pad".into(),
            commit: Some("5a5ad2f".into())
        }
    );
    assert_eq!(edge_target(&g, "left-pad", "ms"), Some(id_of(&g, "ms")));
    assert_eq!(
        pkg(&g, "local").source,
        Source::File {
            path: "../local".into()
        }
    );
    assert_eq!(
        pkg(&g, "tb").source,
        Source::Tarball {
            url: "https://example.com/tb-1.0.0.tgz".into()
        }
    );
    assert_eq!(pkg(&g, "tb").location.line, 22);
    assert!(g.unreachable().is_empty());
}

#[test]
fn errors_name_the_place() {
    let e = parse("{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}}, \"packages\": []}")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "bun.lock:1:60: `packages` must be an object, found an array"
    );
    let e = parse("{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}},\n \"packages\": {\"a\": [\"a@1.0.0\", 3, {}, \"\"]}}").unwrap_err();
    assert_eq!(
        e.to_string(),
        "bun.lock:2:32: packages[\"a\"][1] must be a string, found a number"
    );
    let e = parse("{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}}, \"packages\": {\"a\": [\"a@latest\", \"\", {}, \"\"]}}").unwrap_err();
    assert!(e.message.contains("unexpected resolution `latest`"), "{e}");
    let e = parse("{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}}, \"packages\": {\"a\": [\"a@workspace:nope\"]}}").unwrap_err();
    assert!(e.message.contains("unknown workspace `nope`"), "{e}");
    let e = parse("{\"lockfileVersion\": 9, \"workspaces\": {\"\": {}}}").unwrap_err();
    assert_eq!(
        e.to_string(),
        "bun.lock:1:21: `lockfileVersion` must be 0, 1 or 2 (bun 1.1 to 1.4)"
    );
    let e = parse("{\"lockfileVersion\": 1, \"packages\": {}}").unwrap_err();
    assert!(e.message.contains("no `workspaces`"), "{e}");
    let e = parse("{\"lockfileVersion\": 1,\n  \"workspaces\": {\"\": {}} \"packages\": {}}")
        .unwrap_err();
    assert_eq!(e.line, 2);
    let e = parse("{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}}, \"packages\": {\"a\": [\"a@1.0.0\", \"\", {}, \"md5-x\"]}}").unwrap_err();
    assert!(
        e.message
            .contains("malformed integrity in packages[\"a\"][3]"),
        "{e}"
    );
}

#[test]
fn duplicate_package_keys_are_errors() {
    let text = "{\"lockfileVersion\": 1, \"workspaces\": {\"\": {}}, \"packages\": {\n \"a\": [\"a@1.0.0\", \"\", {}, \"\"],\n \"a\": [\"a@6.6.6\", \"\", {}, \"\"]}}";
    let e = parse(text).unwrap_err();
    assert_eq!(e.to_string(), "bun.lock:3:2: duplicate package key `a`");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let e = parse(&"[".repeat(100_000)).unwrap_err();
    assert_eq!(e.line, 1);
    let deep_obj = format!("{}1", "{\"a\":".repeat(100_000));
    assert!(parse(&deep_obj).is_err());
    // Just under the parser's cap still parses without overflowing the test thread's stack.
    let nested = format!("{}1{}", "[".repeat(500), "]".repeat(500));
    let e = parse(&nested).unwrap_err();
    assert!(e.message.contains("must be an object"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn truncated_lockfile_never_panics(cut in 0usize..2000) {
        if diligence_testkit::corpus("").is_none() {
            return Ok(());
        }
        let text = base_text();
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) { cut -= 1; }
        let _ = parse(&text[..cut]);
    }

    #[test]
    fn mutated_lockfile_never_panics(pos in 0usize..2000, byte in proptest::sample::select(b"{}[]\",:0a@/- \n".to_vec())) {
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
    fn mutated_workspace_lockfile_never_panics(pos in 0usize..1500, byte in proptest::sample::select(b"{}[]\",:0a@/#- \n".to_vec())) {
        let mut bytes = WORKSPACE_LOCK.as_bytes().to_vec();
        let pos = pos.min(bytes.len() - 1);
        bytes[pos] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = parse(&text);
        }
    }
}
