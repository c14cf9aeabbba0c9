//! yarn berry reader: entries, lines, sources, `__archiveUrl`, patches, links, workspaces,
//! resolutions, errors and orphans, on the shared corpus (`../shared/corpus`).

use diligence_graph::{DepKind, DependencyGraph, Integrity, Package, Source};
use diligence_lockfile::{Manifest, ReadContext, read_lockfile, yarn_berry};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn shared(rel: &str) -> PathBuf {
    diligence_testkit::corpus(rel).expect("shared corpus: the test calls corpus_or_skip! first")
}

fn read(rel: &str) -> DependencyGraph {
    read_lockfile(&shared(rel).join("yarn.lock")).unwrap_or_else(|e| panic!("{e}"))
}

fn by_key<'g>(g: &'g DependencyGraph, key: &str) -> &'g Package {
    g.packages
        .iter()
        .find(|p| p.key == key)
        .unwrap_or_else(|| panic!("no entry `{key}`"))
}

/// The target of `from`'s dependency `name` (by key of the target).
fn dep_target<'g>(g: &'g DependencyGraph, from: &Package, name: &str) -> &'g Package {
    let edge = from
        .dependencies
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("{} has no dependency {name}", from.key));
    g.package(edge.target.expect("resolved"))
}

fn parse_text(text: &str, manifest: Option<&Manifest>) -> Result<DependencyGraph, String> {
    let cx = ReadContext {
        path: Path::new("yarn.lock"),
        manifest,
    };
    yarn_berry::parse(text, &cx).map_err(|e| e.to_string())
}

const HEADER: &str = "__metadata:\n  version: 8\n  cacheKey: 10c0\n\n";

#[test]
fn base_entries_lines_and_checksums() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/base-yarn-berry");
    assert_eq!(g.lockfile.version, "10");
    assert_eq!(g.packages.len(), 7);
    let debug = by_key(&g, "debug@npm:^4.3.4");
    assert_eq!(debug.id_string(), "debug@4.4.3");
    assert_eq!(debug.source, Source::Registry { resolved: None });
    assert_eq!(
        (
            debug.location.line,
            debug.location.resolved_line,
            debug.location.integrity_line
        ),
        (24, 26, 32)
    );
    assert_eq!(
        debug.integrity,
        Some(Integrity::BerryChecksum("10c0/d79136ec6c83ecbefd0f6a5593da6a9c91ec4d7ddc4b54c883d6e71ec9accb5f67a1a5e96d00a328196b5b5c86d365e98d8a3a70856aaf16b4e7b1985e67f5a6".into()))
    );
    assert_eq!(dep_target(&g, debug, "ms").key, "ms@npm:^2.1.3");
    let edge = &debug.dependencies[0];
    assert_eq!(
        (edge.spec.as_str(), edge.kind),
        ("npm:^2.1.3", DepKind::Prod)
    );
    let types_ms = by_key(&g, "@types/ms@npm:*");
    assert_eq!(types_ms.location.line, 17);
    assert!(types_ms.dev);
    assert!(!by_key(&g, "ms@npm:^2.1.3").dev);
    let root = by_key(&g, "tamper-tiny@workspace:.");
    assert_eq!(root.source, Source::Workspace { path: ".".into() });
    assert_eq!(root.version, "0.0.0-use.local");
    assert_eq!(root.integrity, None);
}

#[test]
fn base_root_importer_is_the_workspace_entry() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/base-yarn-berry");
    assert_eq!(g.importers.len(), 1);
    let root = &g.importers[0];
    assert_eq!(root.path, ".");
    assert_eq!(root.name.as_deref(), Some("tamper-tiny"));
    assert_eq!(
        g.package(root.package.unwrap()).key,
        "tamper-tiny@workspace:."
    );
    let deps: Vec<(&str, &str, DepKind, String)> = root
        .dependencies
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.spec.as_str(),
                e.kind,
                g.package(e.target.unwrap()).id_string(),
            )
        })
        .collect();
    assert_eq!(
        deps,
        vec![
            (
                "@types/debug",
                "npm:^4.1.12",
                DepKind::Dev,
                "@types/debug@4.1.13".into()
            ),
            ("debug", "npm:^4.3.4", DepKind::Prod, "debug@4.4.3".into()),
            (
                "is-number",
                "npm:^7.0.0",
                DepKind::Prod,
                "is-number@7.0.0".into()
            ),
            (
                "picocolors",
                "npm:^1.0.0",
                DepKind::Prod,
                "picocolors@1.1.1".into()
            ),
        ]
    );
    assert!(g.unreachable().is_empty());
}

#[test]
fn t1_archive_url_is_the_resolved_url() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/yarn-berry-T1-1");
    let ms = by_key(&g, "ms@npm:^2.1.3");
    assert_eq!(ms.id_string(), "ms@2.1.3");
    assert_eq!(
        ms.source,
        Source::Registry {
            resolved: Some("https://npm.evil.example/ms/-/ms-2.1.3.tgz".into())
        }
    );
    assert_eq!(ms.location.resolved_line, 45);
    assert!(g.unreachable().is_empty());
}

#[test]
fn t4_checksum_kept_as_written() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/yarn-berry-T4-1");
    let pico = by_key(&g, "picocolors@npm:^1.0.0");
    assert_eq!(pico.location.integrity_line, 53);
    assert_eq!(
        pico.integrity.as_ref().unwrap().to_string(),
        "10c0/86946f6032148801ef09c051c6fb13b5cf942eaf147e30ea79edb91dd32d700934edebe782a1078ff859fb2b816792e97ef4dab03d7f0b804f6b01a0df35e023"
    );
    assert!(g.unreachable().is_empty());
}

#[test]
fn t7_injected_orphan_is_the_only_unreachable_entry() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/yarn-berry-T7-1");
    let orphans: Vec<(String, String, u32)> = g
        .unreachable()
        .iter()
        .map(|&id| {
            let p = g.package(id);
            (p.key.clone(), p.id_string(), p.location.line)
        })
        .collect();
    assert_eq!(
        orphans,
        vec![(
            "evil-pkg@npm:^1.0.0".to_string(),
            "evil-pkg@1.0.0".to_string(),
            36
        )]
    );
}

#[test]
fn corpus_lockfiles_have_no_orphans_and_no_dangling_edges() {
    diligence_testkit::corpus_or_skip!("");
    for folder in ["berry-v10-babel", "berry-v10-jest", "berry-v10-prettier"] {
        let g = read(&format!("lockfiles/{folder}"));
        assert!(
            g.unreachable().is_empty(),
            "{folder}: {:?}",
            g.unreachable()
        );
        let dangling = g
            .packages
            .iter()
            .flat_map(|p| &p.dependencies)
            .filter(|e| e.target.is_none() && e.kind != DepKind::Peer)
            .count();
        assert_eq!(dangling, 0, "{folder}");
    }
}

#[test]
fn babel_workspaces_links_and_patches() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("lockfiles/berry-v10-babel");
    assert_eq!(g.packages.len(), 1749);
    assert_eq!(g.importers.len(), 163);
    assert_eq!(g.importers[0].path, ".");
    assert_eq!(g.importers[0].name.as_deref(), Some("babel"));
    let cli = g
        .importers
        .iter()
        .find(|i| i.path == "packages/babel-cli")
        .unwrap();
    assert_eq!(cli.name.as_deref(), Some("@babel/cli"));
    assert_eq!(
        g.package(cli.package.unwrap()).source,
        Source::Workspace {
            path: "packages/babel-cli".into()
        }
    );
    // A relative link: each workspace gets the entry bound to its own locator.
    let root = g.package(g.importers[0].package.unwrap());
    let link = dep_target(&g, root, "$repo-utils");
    assert_eq!(link.location.line, 14);
    assert_eq!(
        link.source,
        Source::Link {
            path: "./scripts/repo-utils".into()
        }
    );
    let bench = by_key(&g, "@babel/benchmark@workspace:benchmark");
    assert_eq!(dep_target(&g, bench, "$repo-utils").location.line, 8);
    // A builtin compat patch wraps the plain descriptor; the patch points at its original.
    let chokidar = by_key(
        &g,
        "chokidar@npm:^3.4.1, chokidar@npm:^3.5.3, chokidar@npm:^3.6.0",
    );
    let fsevents = dep_target(&g, chokidar, "fsevents");
    assert_eq!(fsevents.location.line, 10641);
    assert_eq!(
        fsevents.source,
        Source::Patch {
            patch: "optional!builtin<compat/fsevents>".into(),
            original: Box::new(Source::Registry { resolved: None })
        }
    );
    assert_eq!(fsevents.id_string(), "fsevents@2.3.3");
    assert_eq!(
        dep_target(&g, fsevents, "fsevents").key,
        "fsevents@npm:^2.3.3, fsevents@npm:~2.3.2, fsevents@npm:~2.3.3"
    );
    let edge = chokidar
        .dependencies
        .iter()
        .find(|e| e.name == "fsevents")
        .unwrap();
    assert_eq!(
        edge.kind,
        DepKind::Optional,
        "dependenciesMeta optional: true"
    );
    assert!(fsevents.optional);
    // `resolutions` in package.json: `interpret@npm:^3.1.1` → a user patch.
    let gulp = by_key(&g, "gulp-cli@npm:^3.1.0");
    let interpret = dep_target(&g, gulp, "interpret");
    assert_eq!(interpret.location.line, 11432);
    assert!(
        matches!(&interpret.source, Source::Patch { patch, .. } if patch == "~/.yarn/patches/interpret-npm-3.1.1-715bac2bd7.patch")
    );
    assert_eq!(
        dep_target(&g, interpret, "interpret").key,
        "interpret@npm:3.1.1"
    );
}

#[test]
fn jest_resolutions_with_parent_range_and_patch() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("lockfiles/berry-v10-jest");
    let hgi = by_key(&g, "hosted-git-info@npm:^8.0.0");
    let lru = dep_target(&g, hgi, "lru-cache");
    assert_eq!(lru.location.line, 15838);
    assert!(matches!(lru.source, Source::Patch { .. }));
    assert_eq!(
        dep_target(&g, lru, "lru-cache").key,
        "lru-cache@npm:10.4.3, lru-cache@npm:^10.4.3"
    );
}

#[test]
fn prettier_plain_resolution_overrides_the_range() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("lockfiles/berry-v10-prettier");
    let remark = by_key(&g, "remark-parse@npm:8.0.3");
    let trim = dep_target(&g, remark, "trim");
    assert_eq!(
        (trim.key.as_str(), trim.location.line),
        ("trim@npm:1.0.1", 9365)
    );
    let edge = remark
        .dependencies
        .iter()
        .find(|e| e.name == "trim")
        .unwrap();
    assert_eq!(
        edge.spec, "npm:0.0.1",
        "the spec stays as the lockfile writes it"
    );
}

#[test]
fn sources_of_each_protocol() {
    let text = format!(
        "{HEADER}\"a@https://github.com/x/a.git#commit=0123456789abcdef\":\n  version: 1.0.0\n  resolution: \"a@https://github.com/x/a.git#commit=0123456789abcdef\"\n  languageName: node\n  linkType: hard\n\n\"b@https://example.com/b-1.0.0.tgz\":\n  version: 1.0.0\n  resolution: \"b@https://example.com/b-1.0.0.tgz\"\n\n\"c@file:./c.tgz::locator=root%40workspace%3A.\":\n  version: 0.1.0\n  resolution: \"c@file:./c.tgz#./c.tgz::hash=1&locator=root%40workspace%3A.\"\n\n\"d@portal:../d::locator=root%40workspace%3A.\":\n  version: 0.0.0-use.local\n  resolution: \"d@portal:../d::locator=root%40workspace%3A.\"\n\n\"alias@npm:real@^1\":\n  version: 1.2.0\n  resolution: \"real@npm:1.2.0::__archiveUrl=https%3A%2F%2Fmirror.example%2Freal%2F-%2Freal-1.2.0.tgz\"\n"
    );
    let g = parse_text(&text, None).unwrap();
    let sources: Vec<Source> = g.packages.iter().map(|p| p.source.clone()).collect();
    assert_eq!(
        sources,
        vec![
            Source::Git {
                url: "https://github.com/x/a.git".into(),
                commit: Some("0123456789abcdef".into())
            },
            Source::Tarball {
                url: "https://example.com/b-1.0.0.tgz".into()
            },
            Source::File {
                path: "./c.tgz".into()
            },
            Source::Link {
                path: "../d".into()
            },
            Source::Registry {
                resolved: Some("https://mirror.example/real/-/real-1.2.0.tgz".into())
            },
        ]
    );
    assert_eq!(
        g.packages[4].id_string(),
        "real@1.2.0",
        "alias resolved to the real name"
    );
    // No package.json and no workspace entry: nothing is called an orphan.
    assert!(g.unreachable().is_empty());
}

#[test]
fn optional_peer_and_missing_dependencies() {
    let text = format!(
        "{HEADER}\"a@npm:^1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n  dependencies:\n    b: \"npm:^2\"\n    gone: \"npm:^3\"\n  peerDependencies:\n    react: ^18\n  dependenciesMeta:\n    gone:\n      optional: true\n\n\"b@npm:^2\":\n  version: 2.0.0\n  resolution: \"b@npm:2.0.0\"\n\n\"root@workspace:.\":\n  version: 0.0.0-use.local\n  resolution: \"root@workspace:.\"\n  dependencies:\n    a: \"npm:^1\"\n"
    );
    let g = parse_text(&text, None).unwrap();
    let a = &g.packages[0];
    let kinds: Vec<(&str, DepKind, Option<u32>)> = a
        .dependencies
        .iter()
        .map(|e| (e.name.as_str(), e.kind, e.target.map(|t| t.0)))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("b", DepKind::Prod, Some(1)),
            ("gone", DepKind::Optional, None),
            ("react", DepKind::Peer, None),
        ]
    );
    assert!(g.unreachable().is_empty());
}

#[test]
fn errors_name_line_and_key() {
    let cases = [
        (
            "a@npm:^1:\n  version: 1\n",
            "yarn.lock: no `__metadata` block (not a yarn berry lockfile)".to_string(),
        ),
        (
            "__metadata:\n  version: 11\n",
            "yarn.lock:2: `__metadata.version` 11 is newer than this reader knows (up to 10)"
                .into(),
        ),
        (
            "__metadata:\n  version: x\n",
            "yarn.lock:2: `__metadata.version` `x` is not a number".into(),
        ),
        (
            &*format!("{HEADER}\"a@npm:^1\":\n  version: 1.0.0\n"),
            "yarn.lock:5: entry `a@npm:^1` has no `resolution`".into(),
        ),
        (
            &*format!("{HEADER}\"a@npm:^1\": x\n"),
            "yarn.lock:5: entry `a@npm:^1` is not a block".into(),
        ),
        (
            &*format!("{HEADER}\"a\":\n  version: 1\n  resolution: \"a@npm:1\"\n"),
            "yarn.lock:5: entry key `a` is not a list of `name@range` descriptors".into(),
        ),
        (
            &*format!(
                "{HEADER}\"a@npm:^1\":\n  version: 1\n  resolution: \"a@npm:1\"\n  dependencies: b\n"
            ),
            "yarn.lock:8: `dependencies` of `a@npm:^1` must be a block of `name: range` lines"
                .into(),
        ),
        (
            &*format!("{HEADER}\"a@npm:^1\":\n  version:\n    x: 1\n  resolution: \"a@npm:1\"\n"),
            "yarn.lock:6: `version` of `a@npm:^1` must be a string, found a block".into(),
        ),
        (
            &*format!("{HEADER}\"a@npm:^1\":\n  dependencies: [b]\n"),
            "yarn.lock:6:17: unsupported YAML construct (flow collection) in a yarn lockfile"
                .into(),
        ),
        (
            &*format!("{HEADER}\"a@npm:^1\":\n  resolution: \"a@npm:1\n"),
            "yarn.lock:6:15: unterminated or multi-line quoted string (not written by yarn)".into(),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(parse_text(text, None).unwrap_err(), want, "{text:?}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let text: String = (0..100_000)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i % 4000)))
        .collect();
    assert!(parse_text(&text, None).is_err());
    let brackets = format!("{HEADER}a: {}", "[".repeat(100_000));
    assert!(parse_text(&brackets, None).is_err());
}

fn small_lockfile() -> String {
    std::fs::read_to_string(shared("tamper/base-yarn-berry/yarn.lock")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn truncated_input_never_panics(cut in 0usize..3000) {
        if diligence_testkit::corpus("").is_none() {
            return Ok(());
        }
        let text = small_lockfile();
        let mut end = cut.min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let _ = parse_text(&text[..end], None);
    }

    #[test]
    fn mutated_input_never_panics(pos in 0usize..3000, byte in prop::sample::select(vec![b' ', b'"', b'\'', b':', b',', b'\n', b'#', b'@', b'%', b'\\', b'[', b'-', b'\t'])) {
        if diligence_testkit::corpus("").is_none() {
            return Ok(());
        }
        let mut bytes = small_lockfile().into_bytes();
        let at = pos % bytes.len();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = parse_text(&text, None);
        }
    }

    #[test]
    fn arbitrary_input_never_panics(text in "\\PC{0,400}") {
        let _ = parse_text(&text, None);
        let _ = parse_text(&format!("{HEADER}{text}"), None);
    }
}

#[test]
fn a_shadowing_duplicate_wins_and_the_shadowed_entry_is_an_orphan() {
    let text = format!(
        "{HEADER}\"ms@npm:^2.1.3\":\n  version: 2.1.3\n  resolution: \"ms@npm:2.1.3\"\n\n\"ms@npm:^2.1.3\":\n  version: 2.1.3\n  resolution: \"ms@npm:2.1.3::__archiveUrl=https%3A%2F%2Fevil.example%2Fms%2F-%2Fms-2.1.3.tgz\"\n\n\"root@workspace:.\":\n  version: 0.0.0-use.local\n  resolution: \"root@workspace:.\"\n  dependencies:\n    ms: \"npm:^2.1.3\"\n"
    );
    let g = parse_text(&text, None).unwrap();
    let target = g.importers[0].dependencies[0].target.unwrap();
    assert_eq!(g.package(target).location.line, 9);
    let orphans: Vec<u32> = g
        .unreachable()
        .iter()
        .map(|&id| g.package(id).location.line)
        .collect();
    assert_eq!(orphans, vec![5]);
}

#[test]
fn catalogs_come_from_yarnrc_beside_the_lockfile() {
    let dir = tempfile::tempdir().unwrap();
    let lock = format!(
        "{HEADER}\"ms@npm:^2.1.3\":\n  version: 2.1.3\n  resolution: \"ms@npm:2.1.3\"\n\n\"ms@npm:^9.0.0\":\n  version: 9.0.0\n  resolution: \"ms@npm:9.0.0\"\n\n\"root@workspace:.\":\n  version: 0.0.0-use.local\n  resolution: \"root@workspace:.\"\n  dependencies:\n    ms: \"catalog:\"\n"
    );
    std::fs::write(dir.path().join("yarn.lock"), lock).unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"name":"root","dependencies":{"ms":"catalog:"}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join(".yarnrc.yml"),
        "nodeLinker: node-modules\ncatalog:\n  ms: ^2.1.3\n",
    )
    .unwrap();
    let g = read_lockfile(&dir.path().join("yarn.lock")).unwrap();
    let target = g.importers[0].dependencies[0].target.unwrap();
    assert_eq!(g.package(target).key, "ms@npm:^2.1.3");
    let orphans: Vec<&str> = g
        .unreachable()
        .iter()
        .map(|&id| g.package(id).key.as_str())
        .collect();
    assert_eq!(orphans, vec!["ms@npm:^9.0.0"]);
}

#[test]
fn yarn3_plain_ranges_and_builtin_patches() {
    let text = "__metadata:\n  version: 6\n  cacheKey: 8\n\n\"root@workspace:.\":\n  version: 0.0.0-use.local\n  resolution: \"root@workspace:.\"\n  dependencies:\n    typescript: ^4.4.3\n  languageName: unknown\n  linkType: soft\n\n\"typescript@npm:^4.4.3\":\n  version: 4.4.3\n  resolution: \"typescript@npm:4.4.3\"\n  checksum: 05823f21796d450531a7e4ab299715d38fd9ded0e4ce7400876053f4b5166ca3b22f68fb3bd0d7f6fa5a4fb6fd3a37fd2eb5a6ec1a1e5fd9c6d4ec7e3b41dbe0b\n  languageName: node\n  linkType: hard\n\n\"typescript@patch:typescript@^4.4.3#~builtin<compat/typescript>\":\n  version: 4.4.3\n  resolution: \"typescript@patch:typescript@npm%3A4.4.3#~builtin<compat/typescript>::version=4.4.3&hash=ddd1e8\"\n  languageName: node\n  linkType: hard\n";
    let g = parse_text(text, None).unwrap();
    assert_eq!(g.lockfile.version, "6");
    let ts = dep_target(&g, &g.packages[0], "typescript");
    assert_eq!(ts.location.line, 20);
    assert_eq!(dep_target(&g, ts, "typescript").location.line, 13);
    assert!(g.unreachable().is_empty());
    assert_eq!(
        g.packages[1].integrity.as_ref().unwrap().to_string(),
        "05823f21796d450531a7e4ab299715d38fd9ded0e4ce7400876053f4b5166ca3b22f68fb3bd0d7f6fa5a4fb6fd3a37fd2eb5a6ec1a1e5fd9c6d4ec7e3b41dbe0b"
    );
}
