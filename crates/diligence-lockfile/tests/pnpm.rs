//! pnpm-lock.yaml reader: exact values from the shared corpus (5.3, 5.4, 6.0, 9.0, a
//! two-document pnpm 11 file, the pnpm tamper cases) and small inline lockfiles for the shapes
//! the corpus lacks (aliases, patches, tarballs, orphans, errors).

use diligence_graph::{DepKind, DependencyGraph, Package, PackageId, Source};
use diligence_lockfile::{LockfileError, parse_lockfile, read_lockfile};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    diligence_testkit::corpus("").expect("shared corpus: the test calls corpus_or_skip! first")
}

fn corpus(folder: &str) -> DependencyGraph {
    let path = shared()
        .join("lockfiles")
        .join(folder)
        .join("pnpm-lock.yaml");
    read_lockfile(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn tamper(folder: &str) -> DependencyGraph {
    let path = shared().join("tamper").join(folder).join("pnpm-lock.yaml");
    read_lockfile(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn inline(text: &str) -> Result<DependencyGraph, LockfileError> {
    parse_lockfile(Path::new("pnpm-lock.yaml"), text, None)
}

fn by_key<'g>(g: &'g DependencyGraph, key: &str) -> (PackageId, &'g Package) {
    g.iter()
        .find(|(_, p)| p.key == key)
        .unwrap_or_else(|| panic!("no node with key {key}"))
}

fn lines(p: &Package) -> (u32, u32, u32) {
    (
        p.location.line,
        p.location.resolved_line,
        p.location.integrity_line,
    )
}

fn edge_target<'g>(g: &'g DependencyGraph, p: &Package, name: &str) -> Option<&'g Package> {
    let edge = p.dependencies.iter().find(|e| e.name == name)?;
    edge.target.map(|t| g.package(t))
}

// ---- tamper base and cases (9.0) ----

#[test]
fn base_v9_nodes_lines_and_sources() {
    diligence_testkit::corpus_or_skip!("");
    let g = tamper("base-pnpm-v9");
    assert_eq!(g.lockfile.version, "9.0");
    let keys: Vec<&str> = g.packages.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "@types/debug@4.1.13",
            "@types/ms@2.1.0",
            "debug@4.4.3",
            "is-number@7.0.0",
            "ms@2.1.3",
            "picocolors@1.1.1"
        ]
    );
    let (_, debug) = by_key(&g, "debug@4.4.3");
    assert_eq!(debug.name, "debug");
    assert_eq!(debug.version, "4.4.3");
    assert_eq!(debug.source, Source::Registry { resolved: None });
    assert_eq!(lines(debug), (33, 34, 34));
    assert_eq!(
        debug.integrity.as_ref().unwrap().to_string(),
        "sha512-RGwwWnwQvkVfavKVt22FGLw+xYSdzARwm0ru6DhTVA3umU5hZc28V3kO4stgYryrTlLpuvgI9GiijltAjNbcqA=="
    );
    assert_eq!(edge_target(&g, debug, "ms").unwrap().key, "ms@2.1.3");
    // The declared peer `supports-color` is not installed: a peer edge without target.
    let peer = debug
        .dependencies
        .iter()
        .find(|e| e.name == "supports-color")
        .unwrap();
    assert_eq!(
        (peer.kind, peer.spec.as_str(), peer.target),
        (DepKind::Peer, "*", None)
    );
    assert!(!debug.dev);
    let (_, types_ms) = by_key(&g, "@types/ms@2.1.0");
    assert!(
        types_ms.dev,
        "only reached through @types/debug, a dev dependency"
    );
    assert_eq!(lines(types_ms), (30, 31, 31));
    assert!(g.unreachable().is_empty());
}

#[test]
fn base_v9_importer() {
    diligence_testkit::corpus_or_skip!("");
    let g = tamper("base-pnpm-v9");
    assert_eq!(g.importers.len(), 1);
    let root = &g.importers[0];
    assert_eq!(root.path, ".");
    assert_eq!(root.name.as_deref(), Some("tamper-tiny"));
    let deps: Vec<(&str, &str, DepKind, &str)> = root
        .dependencies
        .iter()
        .map(|e| {
            let target = g.package(e.target.unwrap()).key.as_str();
            (e.name.as_str(), e.spec.as_str(), e.kind, target)
        })
        .collect();
    assert_eq!(
        deps,
        [
            ("debug", "^4.3.4", DepKind::Prod, "debug@4.4.3"),
            ("is-number", "^7.0.0", DepKind::Prod, "is-number@7.0.0"),
            ("picocolors", "^1.0.0", DepKind::Prod, "picocolors@1.1.1"),
            (
                "@types/debug",
                "^4.1.12",
                DepKind::Dev,
                "@types/debug@4.1.13"
            ),
        ]
    );
}

#[test]
fn t2_tarball_on_registry_host_is_kept_with_its_url() {
    diligence_testkit::corpus_or_skip!("");
    let g = tamper("pnpm-v9-T2-1");
    let (_, debug) = by_key(&g, "debug@4.4.3");
    let url = "https://registry.npmjs.org/debug/%2e%2e/evil-pkg/-/evil-pkg-1.0.0.tgz";
    assert_eq!(
        debug.source,
        Source::Registry {
            resolved: Some(url.into())
        }
    );
    assert_eq!(lines(debug), (33, 34, 34));
    assert_eq!(
        diligence_lockfile::url_shape::registry_tarball_name(url).as_deref(),
        Some("evil-pkg")
    );
}

#[test]
fn t5_sha1_integrity_is_read() {
    diligence_testkit::corpus_or_skip!("");
    let g = tamper("pnpm-v9-T5-1");
    let (_, ms) = by_key(&g, "ms@2.1.3");
    assert_eq!(
        ms.integrity.as_ref().unwrap().to_string(),
        "sha1-V0yBOM4dK1hh8LRFedut1gxmFbI="
    );
    assert_eq!(lines(ms), (46, 47, 47));
}

#[test]
fn t8_git_rewrite() {
    diligence_testkit::corpus_or_skip!("");
    let g = tamper("pnpm-v9-T8-1");
    let key = "is-number@git+https://github.com/attacker/is-number.git#84c7fc389f7dda522f8859e909d49c3f43e382d3";
    let (id, p) = by_key(&g, key);
    assert_eq!(p.name, "is-number");
    assert_eq!(p.version, "7.0.0");
    assert_eq!(
        p.source,
        Source::Git {
            url: "https://github.com/attacker/is-number.git".into(),
            commit: Some("84c7fc389f7dda522f8859e909d49c3f43e382d3".into())
        }
    );
    assert_eq!(p.integrity, None);
    assert_eq!(lines(p), (42, 43, 0));
    let edge = g.importers[0]
        .dependencies
        .iter()
        .find(|e| e.name == "is-number")
        .unwrap();
    assert_eq!(edge.spec, "^7.0.0");
    assert_eq!(edge.target, Some(id));
    assert!(g.unreachable().is_empty());
}

// ---- real lockfiles ----

#[test]
fn no_orphans_in_real_lockfiles() {
    diligence_testkit::corpus_or_skip!("");
    for folder in [
        "pnpm-5.3-petite-vue",
        "pnpm-5.4-windicss",
        "pnpm-6.0-taxonomy",
        "pnpm-6.0-vue2",
        "pnpm-9.0-astro-twodocs",
        "pnpm-9.0-vuecore",
    ] {
        let g = corpus(folder);
        let orphans: Vec<String> = g
            .unreachable()
            .into_iter()
            .map(|id| g.package(id).key.clone())
            .collect();
        assert!(orphans.is_empty(), "{folder}: {orphans:?}");
    }
}

#[test]
fn v5_3_single_project() {
    diligence_testkit::corpus_or_skip!("");
    let g = corpus("pnpm-5.3-petite-vue");
    assert_eq!(g.lockfile.version, "5.3");
    assert_eq!(g.packages.len(), 213);
    let root = &g.importers[0];
    assert_eq!((root.path.as_str(), root.dependencies.len()), (".", 10));
    let vite = root.dependencies.iter().find(|e| e.name == "vite").unwrap();
    assert_eq!((vite.spec.as_str(), vite.kind), ("^2.7.12", DepKind::Dev));
    assert_eq!(g.package(vite.target.unwrap()).key, "/vite/2.7.12");
    let (_, esbuild) = by_key(&g, "/esbuild-android-arm64/0.13.15");
    assert_eq!(lines(esbuild), (402, 403, 403));
    assert!(esbuild.has_install_script && esbuild.dev && esbuild.optional);
    let (_, sd) = by_key(&g, "/string_decoder/1.1.1");
    assert_eq!(
        (sd.name.as_str(), sd.version.as_str()),
        ("string_decoder", "1.1.1")
    );
}

#[test]
fn v5_4_peer_suffixed_keys_and_workspaces() {
    diligence_testkit::corpus_or_skip!("");
    let g = corpus("pnpm-5.4-windicss");
    assert_eq!(g.lockfile.version, "5.4");
    let paths: Vec<&str> = g.importers.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, [".", "playground"]);
    let (id, cjs) = by_key(&g, "/@rollup/plugin-commonjs/21.0.1_rollup@2.61.1");
    assert_eq!(
        (cjs.name.as_str(), cjs.version.as_str()),
        ("@rollup/plugin-commonjs", "21.0.1")
    );
    assert_eq!(lines(cjs), (346, 347, 347));
    assert_eq!(
        edge_target(&g, cjs, "rollup").unwrap().key,
        "/rollup/2.61.1"
    );
    assert_eq!(
        edge_target(&g, cjs, "@rollup/pluginutils").unwrap().key,
        "/@rollup/pluginutils/3.1.0_rollup@2.61.1"
    );
    let edge = g.importers[0]
        .dependencies
        .iter()
        .find(|e| e.name == "@rollup/plugin-commonjs")
        .unwrap();
    assert_eq!((edge.spec.as_str(), edge.target), ("^21.0.1", Some(id)));
    let (_, rollup) = by_key(&g, "/rollup/2.61.1");
    let fsevents = rollup
        .dependencies
        .iter()
        .find(|e| e.name == "fsevents")
        .unwrap();
    assert_eq!(fsevents.kind, DepKind::Optional);
    assert_eq!(g.package(fsevents.target.unwrap()).key, "/fsevents/2.3.2");
}

#[test]
fn v6_top_level_importer_and_peer_contexts() {
    diligence_testkit::corpus_or_skip!("");
    let g = corpus("pnpm-6.0-taxonomy");
    assert_eq!(g.lockfile.version, "6.0");
    assert_eq!(g.importers.len(), 1);
    let first = &g.importers[0].dependencies[0];
    assert_eq!(
        (first.name.as_str(), first.spec.as_str(), first.kind),
        ("@editorjs/code", "^2.8.0", DepKind::Prod)
    );
    assert_eq!(
        g.package(first.target.unwrap()).key,
        "/@editorjs/code@2.8.0"
    );
    let key = "/@babel/helper-compilation-targets@7.21.4(@babel/core@7.21.4)";
    let (_, p) = by_key(&g, key);
    assert_eq!(
        (p.name.as_str(), p.version.as_str()),
        ("@babel/helper-compilation-targets", "7.21.4")
    );
    assert_eq!(lines(p), (357, 358, 358));
    assert_eq!(
        edge_target(&g, p, "@babel/core").unwrap().key,
        "/@babel/core@7.21.4"
    );
}

#[test]
fn v6_workspace_links_and_file_directory() {
    diligence_testkit::corpus_or_skip!("");
    let g = corpus("pnpm-6.0-vue2");
    let paths: Vec<&str> = g.importers.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths[0], ".");
    assert_eq!(g.importers.len(), 4);
    let sfc = &g.importers[0].dependencies[0];
    assert_eq!(
        (sfc.name.as_str(), sfc.spec.as_str()),
        ("@vue/compiler-sfc", "workspace:*")
    );
    // `link:packages/compiler-sfc` names an importer: its workspace node, not a link.
    let sfc_id = sfc.target.expect("workspace link target");
    let node = g.package(sfc_id);
    assert_eq!(
        (node.name.as_str(), node.version.as_str(), &node.source),
        (
            "@vue/compiler-sfc",
            "link:packages/compiler-sfc",
            &Source::Workspace {
                path: "packages/compiler-sfc".into()
            }
        )
    );
    let sfc_importer = g
        .importers
        .iter()
        .find(|i| i.path == "packages/compiler-sfc");
    assert_eq!(sfc_importer.unwrap().package, Some(sfc_id));
    assert!(
        !g.packages
            .iter()
            .any(|p| matches!(p.source, Source::Link { .. }))
    );
    // `file:../..` from a workspace copies the root project in: the root's own node.
    let (vue_id, vue) = by_key(&g, "file:");
    assert_eq!(vue.name, "vue");
    assert_eq!(vue.source, Source::Workspace { path: ".".into() });
    assert_eq!(lines(vue), (7011, 7012, 0));
    assert_eq!(g.importers[0].package, Some(vue_id));
}

#[test]
fn v9_two_documents_env_lock_counts() {
    diligence_testkit::corpus_or_skip!("");
    let g = corpus("pnpm-9.0-astro-twodocs");
    assert_eq!(g.lockfile.version, "9.0");
    let (pnpm_id, pnpm) = by_key(&g, "pnpm@11.10.0");
    assert_eq!(lines(pnpm), (119, 120, 120));
    let root = &g.importers[0];
    assert_eq!(root.path, ".");
    let edge = root.dependencies.iter().find(|e| e.name == "pnpm").unwrap();
    assert_eq!(
        (edge.spec.as_str(), edge.kind, edge.target),
        ("11.10.0", DepKind::Dev, Some(pnpm_id))
    );
    // The project document's importers only (root first).
    assert_eq!(g.importers.len(), 544);
    assert!(g.importers[1..].iter().all(|i| i.path != "."));
}

#[test]
fn v9_alias_and_file_sources() {
    diligence_testkit::corpus_or_skip!("");
    let g = corpus("pnpm-9.0-astro-twodocs");
    let (_, cliui) = by_key(&g, "@isaacs/cliui@8.0.2");
    let edge = cliui
        .dependencies
        .iter()
        .find(|e| e.name == "string-width-cjs")
        .unwrap();
    assert_eq!(edge.spec, "string-width@4.2.3");
    let target = g.package(edge.target.unwrap());
    assert_eq!(
        (target.name.as_str(), target.key.as_str()),
        ("string-width", "string-width@4.2.3")
    );
    assert_eq!(target.location.line, 15171);
    let key = "fake-svelte-pkg@file:packages/integrations/cloudflare/test/fixtures/prerender-node-env/fake-svelte-pkg(svelte@5.55.3)";
    let (svelte_id, svelte_pkg) = by_key(&g, key);
    // Its folder is also an importer of the workspace: an injected workspace package.
    let folder =
        "packages/integrations/cloudflare/test/fixtures/prerender-node-env/fake-svelte-pkg";
    assert_eq!(
        svelte_pkg.source,
        Source::Workspace {
            path: folder.into()
        }
    );
    let importer = g.importers.iter().find(|i| i.path == folder).unwrap();
    assert_eq!(importer.package, Some(svelte_id));
    assert_eq!(svelte_pkg.location.line, 12192);
    let key = "fake-data-pkg@file:packages/integrations/cloudflare/test/fixtures/user-optimize-deps/packages/fake-data-pkg/fake-data-pkg-1.0.0.tgz";
    let (_, data_pkg) = by_key(&g, key);
    assert_eq!(data_pkg.version, "1.0.0");
    assert_eq!(
        data_pkg.source,
        Source::File {
            path: "packages/integrations/cloudflare/test/fixtures/user-optimize-deps/packages/fake-data-pkg/fake-data-pkg-1.0.0.tgz".into()
        }
    );
}

#[test]
fn v9_catalog_specifiers_kept() {
    diligence_testkit::corpus_or_skip!("");
    let g = corpus("pnpm-9.0-vuecore");
    let edge = g.importers[0]
        .dependencies
        .iter()
        .find(|e| e.name == "@babel/parser")
        .unwrap();
    assert_eq!((edge.spec.as_str(), edge.kind), ("catalog:", DepKind::Dev));
    assert_eq!(g.package(edge.target.unwrap()).key, "@babel/parser@7.29.8");
}

// ---- shapes the corpus lacks ----

const V9_HEAD: &str = "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      a:\n        specifier: ^1.0.0\n        version: 1.0.0\n      sw:\n        specifier: npm:string-width@^4.2.0\n        version: string-width@4.2.3\n\n";

#[test]
fn v9_orphan_package_entry_is_the_only_unreachable() {
    let text = format!(
        "{V9_HEAD}packages:\n\n  a@1.0.0:\n    resolution: {{integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}}\n\n  evil@6.6.6:\n    resolution: {{integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}}\n\n  string-width@4.2.3:\n    resolution: {{integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}}\n\nsnapshots:\n\n  a@1.0.0: {{}}\n\n  string-width@4.2.3: {{}}\n"
    );
    let g = inline(&text).unwrap();
    let orphans: Vec<&str> = g
        .unreachable()
        .into_iter()
        .map(|id| g.package(id).key.as_str())
        .collect();
    assert_eq!(orphans, ["evil@6.6.6"]);
    let (_, evil) = by_key(&g, "evil@6.6.6");
    assert_eq!(lines(evil), (19, 20, 20));
    let sw = &g.importers[0].dependencies[1];
    assert_eq!(sw.spec, "npm:string-width@^4.2.0");
    assert_eq!(g.package(sw.target.unwrap()).name, "string-width");
}

#[test]
fn v9_tarball_sources_and_patches() {
    let head = V9_HEAD.replace("version: 1.0.0\n", "version: 1.0.0(patch_hash=abc)\n");
    let text = format!(
        "{head}patchedDependencies:\n  a@1.0.0:\n    hash: abc\n    path: patches/a@1.0.0.patch\n\npackages:\n\n  a@1.0.0:\n    resolution: {{integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}}\n\n  string-width@4.2.3:\n    resolution:\n      integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=\n      tarball: https://evil.example/x.tgz\n\nsnapshots:\n\n  a@1.0.0(patch_hash=abc): {{}}\n\n  string-width@4.2.3: {{}}\n"
    );
    let g = inline(&text).unwrap();
    let (_, a) = by_key(&g, "a@1.0.0(patch_hash=abc)");
    assert_eq!(
        a.source,
        Source::Patch {
            patch: "patches/a@1.0.0.patch".into(),
            original: Box::new(Source::Registry { resolved: None })
        }
    );
    assert_eq!(g.importers[0].dependencies[0].target, Some(PackageId(0)));
    let (_, sw) = by_key(&g, "string-width@4.2.3");
    assert_eq!(
        sw.source,
        Source::Tarball {
            url: "https://evil.example/x.tgz".into()
        }
    );
    assert_eq!(lines(sw), (24, 27, 26));
}

#[test]
fn v6_alias_and_v5_alias() {
    let v6 = "lockfileVersion: '6.0'\n\ndependencies:\n  sw:\n    specifier: npm:string-width@^4.2.0\n    version: /string-width@4.2.3\n\npackages:\n\n  /string-width@4.2.3:\n    resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}\n    dev: false\n";
    let g = inline(v6).unwrap();
    let sw = &g.importers[0].dependencies[0];
    assert_eq!(
        (sw.name.as_str(), sw.spec.as_str()),
        ("sw", "npm:string-width@^4.2.0")
    );
    let p = g.package(sw.target.unwrap());
    assert_eq!(
        (p.name.as_str(), p.version.as_str(), p.location.line),
        ("string-width", "4.2.3", 10)
    );
    let v5 = "lockfileVersion: 5.4\n\nspecifiers:\n  sw: npm:string-width@^4.2.0\n\ndependencies:\n  sw: /string-width/4.2.3\n\npackages:\n\n  /string-width/4.2.3:\n    resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}\n    dev: false\n";
    let g = inline(v5).unwrap();
    let sw = &g.importers[0].dependencies[0];
    assert_eq!(sw.spec, "npm:string-width@^4.2.0");
    assert_eq!(
        g.package(sw.target.unwrap()).id_string(),
        "string-width@4.2.3"
    );
}

#[test]
fn v5_orphan_and_manifest_specifiers() {
    // A 5.x importer without `specifiers`: the root package.json gives them.
    let text = "lockfileVersion: 5.4\n\ndependencies:\n  a: 1.0.0\n\npackages:\n\n  /a/1.0.0:\n    resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}\n    dev: false\n\n  /evil/6.6.6:\n    resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}\n    requiresBuild: true\n";
    let manifest =
        diligence_lockfile::Manifest::parse(r#"{"name": "p", "dependencies": {"a": "^1.0.0"}}"#)
            .unwrap();
    let g = parse_lockfile(Path::new("pnpm-lock.yaml"), text, Some(&manifest)).unwrap();
    assert_eq!(g.importers[0].name.as_deref(), Some("p"));
    assert_eq!(g.importers[0].dependencies[0].spec, "^1.0.0");
    let orphans: Vec<&str> = g
        .unreachable()
        .into_iter()
        .map(|id| g.package(id).key.as_str())
        .collect();
    assert_eq!(orphans, ["/evil/6.6.6"]);
    let (_, evil) = by_key(&g, "/evil/6.6.6");
    assert_eq!((lines(evil), evil.has_install_script), ((12, 13, 13), true));
}

// ---- errors ----

#[test]
fn yaml_syntax_error_has_line_and_column() {
    let e = inline("lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {resolution: [\n").unwrap_err();
    assert!(e.line >= 3, "{e}");
    assert!(e.column > 0, "{e}");
}

#[test]
fn wrong_types_name_the_key() {
    let e = inline("lockfileVersion: '9.0'\npackages: []\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 11), "{e}");
    assert!(e.message.contains("packages"), "{e}");
    let e = inline("lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a: [1]\n")
        .unwrap_err();
    assert!(e.message.contains("importers"), "{e}");
    assert_eq!(e.line, 5, "{e}");
    assert!(!e.to_string().contains('\n'));
    // A locked version written as a YAML number.
    let text = "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}\nsnapshots:\n  a@1.0.0:\n    dependencies:\n      ms: 2.1\n";
    let e = inline(text).unwrap_err();
    assert_eq!((e.line, e.column), (8, 11), "{e}");
    assert_eq!(
        e.message,
        "snapshots.a@1.0.0.dependencies.ms: invalid type: floating point `2.1`, expected a string"
    );
}

#[test]
fn malformed_integrity_is_an_error_at_its_line() {
    let text = "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha512-AAAA}\nsnapshots:\n  a@1.0.0: {}\n";
    let e = inline(text).unwrap_err();
    assert_eq!(e.line, 4, "{e}");
    assert!(e.message.contains("a@1.0.0"), "{e}");
}

#[test]
fn unknown_or_missing_version_and_broken_snapshots_fail_closed() {
    let e = inline("# comment\nlockfileVersion: '10.0'\n").unwrap_err();
    assert_eq!(e.line, 2, "{e}");
    assert!(e.message.contains("`10.0`"), "{e}");
    let e = inline("packages: {}\n").unwrap_err();
    assert!(e.message.contains("lockfileVersion"), "{e}");
    let e = inline("lockfileVersion: '9.0'\nsnapshots:\n  a@1.0.0: {}\n").unwrap_err();
    assert_eq!(e.line, 3, "{e}");
    let e = inline("").unwrap_err();
    assert!(e.message.contains("empty"), "{e}");
}

#[test]
fn duplicate_entry_key_is_an_error() {
    let text = "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}\n  a@1.0.0:\n    resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}\n";
    let e = inline(text).unwrap_err();
    assert_eq!(e.line, 5, "{e}");
    assert!(
        e.message.contains("duplicated mapping key `a@1.0.0`"),
        "{e}"
    );
}

#[test]
fn deep_nesting_does_not_overflow() {
    let text = format!(
        "lockfileVersion: '9.0'\npackages: {}\n",
        "[".repeat(100_000)
    );
    assert!(inline(&text).is_err());
    let text = format!(
        "lockfileVersion: '9.0'\npackages: {}\n",
        "{a: ".repeat(100_000)
    );
    assert!(inline(&text).is_err());
    // Block nesting under a section the reader ignores: skipped without recursion.
    let mut text = String::from("lockfileVersion: '9.0'\nsettings:\n");
    for depth in 1..5_000 {
        text.push_str(&" ".repeat(depth));
        text.push_str("k:\n");
    }
    assert_eq!(inline(&text).unwrap().packages.len(), 0);
    // Block nesting inside a package entry: a type error, not a stack overflow.
    let mut text = String::from("lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution:\n");
    for depth in 3..2_000 {
        text.push_str(&"  ".repeat(depth));
        text.push_str("integrity:\n");
    }
    let e = inline(&text).unwrap_err();
    assert_eq!(e.line, 6, "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn truncated_or_mutated_lockfile_never_panics(cut in 0usize..2000, at in 0usize..2000, byte in 0u8..128) {
        if diligence_testkit::corpus("").is_none() {
            return Ok(());
        }
        let base = std::fs::read_to_string(shared().join("tamper/base-pnpm-v9/pnpm-lock.yaml")).unwrap();
        let mut bytes = base.into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        bytes.truncate(cut.min(bytes.len()));
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = inline(&text);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = inline(&format!("lockfileVersion: '9.0'\n{text}"));
        let _ = inline(&text);
    }
}

// ---- link: references ----

#[test]
fn link_outside_workspaces_is_a_link_node_at_its_line() {
    let text = "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      a:\n        specifier: workspace:*\n        version: link:packages/a\n\n  packages/a:\n    dependencies:\n      x:\n        specifier: ^1.0.0\n        version: link:../../../tmp/x\n      y:\n        specifier: ^1.0.0\n        version: link:../b\n";
    let g = inline(text).unwrap();
    let root = &g.importers[0];
    let a = g.package(root.dependencies[0].target.unwrap());
    assert_eq!(
        (a.name.as_str(), a.version.as_str(), &a.source),
        (
            "a",
            "link:packages/a",
            &Source::Workspace {
                path: "packages/a".into()
            }
        )
    );
    assert_eq!(g.importers[1].package, root.dependencies[0].target);
    let x = g.package(g.importers[1].dependencies[0].target.unwrap());
    assert_eq!(
        (
            x.name.as_str(),
            x.version.as_str(),
            &x.source,
            x.location.line
        ),
        (
            "x",
            "link:../../../tmp/x",
            &Source::Link {
                path: "../../../tmp/x".into()
            },
            15
        )
    );
    // `../b` from `packages/a` is `packages/b`, not an importer: a link node too.
    let y = g.package(g.importers[1].dependencies[1].target.unwrap());
    assert_eq!((y.source.kind(), y.location.line), ("link", 18));
    assert!(g.unreachable().is_empty());
}

#[test]
fn astro_workspace_links_point_at_importer_nodes() {
    diligence_testkit::corpus_or_skip!("");
    let g = corpus("pnpm-9.0-astro-twodocs");
    let linked: Vec<&Package> = g
        .importers
        .iter()
        .flat_map(|i| &i.dependencies)
        .filter_map(|e| e.target.map(|t| g.package(t)))
        .filter(|p| matches!(p.source, Source::Workspace { .. } | Source::Link { .. }))
        .collect();
    // Every `version: link:` of the importers (1017 in the file) is a workspace link; two
    // more edges reach injected `file:` workspace entries.
    assert_eq!(linked.len(), 1019);
    let by_link = linked
        .iter()
        .filter(|p| p.version.starts_with("link:"))
        .count();
    assert_eq!(by_link, 1017);
    assert!(
        linked
            .iter()
            .all(|p| matches!(p.source, Source::Workspace { .. }))
    );
    let links = g
        .packages
        .iter()
        .filter(|p| matches!(p.source, Source::Link { .. }))
        .count();
    assert_eq!(links, 0);
}
