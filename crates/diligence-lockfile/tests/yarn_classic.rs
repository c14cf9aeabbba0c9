//! yarn classic (v1) reader: entries, lines, sources, aliases, edges, importers, errors and
//! orphans, on the shared corpus (`../shared/corpus`).

use diligence_graph::{DepKind, DependencyGraph, Integrity, Package, Source};
use diligence_lockfile::{Manifest, ReadContext, read_lockfile, yarn_classic};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn shared(rel: &str) -> PathBuf {
    diligence_testkit::corpus(rel).expect("shared corpus: the test calls corpus_or_skip! first")
}

fn read(rel: &str) -> DependencyGraph {
    read_lockfile(&shared(rel).join("yarn.lock")).unwrap_or_else(|e| panic!("{e}"))
}

fn find<'g>(g: &'g DependencyGraph, name: &str, version: &str) -> &'g Package {
    g.packages
        .iter()
        .find(|p| p.name == name && p.version == version)
        .unwrap_or_else(|| panic!("{name}@{version} not in graph"))
}

fn parse_text(text: &str, manifest: Option<&Manifest>) -> Result<DependencyGraph, String> {
    let cx = ReadContext {
        path: Path::new("yarn.lock"),
        manifest,
    };
    yarn_classic::parse(text, &cx).map_err(|e| e.to_string())
}

#[test]
fn base_entries_lines_and_integrity() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/base-yarn-classic");
    assert_eq!(g.lockfile.version, "1");
    assert_eq!(g.packages.len(), 6);
    let types_debug = find(&g, "@types/debug", "4.1.13");
    assert_eq!(types_debug.key, "@types/debug@^4.1.12");
    assert_eq!(types_debug.location.line, 5);
    assert_eq!(types_debug.location.resolved_line, 7);
    assert_eq!(types_debug.location.integrity_line, 8);
    assert_eq!(
        types_debug.source,
        Source::Registry {
            resolved: Some("https://registry.yarnpkg.com/@types/debug/-/debug-4.1.13.tgz#22d1cc9d542d3593caea764f974306ab36286ee7".into())
        }
    );
    assert_eq!(
        types_debug.integrity.as_ref().unwrap().to_string(),
        "sha512-KSVgmQmzMwPlmtljOomayoR89W4FynCAi3E8PPs7vmDVPe84hT+vGPKkJfThkmXs0x0jAaa9U8uW8bbfyS2fWw=="
    );
    assert!(types_debug.dev);
    let ms = find(&g, "ms", "2.1.3");
    assert_eq!((ms.location.line, ms.location.resolved_line), (29, 31));
    assert!(!ms.dev && !ms.optional);
    let debug = find(&g, "debug", "4.4.3");
    assert_eq!(debug.location.line, 17);
    assert_eq!(debug.dependencies.len(), 1);
    assert_eq!(debug.dependencies[0].name, "ms");
    assert_eq!(debug.dependencies[0].spec, "^2.1.3");
    assert_eq!(debug.dependencies[0].kind, DepKind::Prod);
    assert_eq!(
        g.package(debug.dependencies[0].target.unwrap()).key,
        "ms@^2.1.3"
    );
    let types_ms = find(&g, "@types/ms", "2.1.0");
    assert!(types_ms.dev, "only reached through @types/debug (dev)");
}

#[test]
fn base_importer_from_package_json() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("tamper/base-yarn-classic");
    assert_eq!(g.importers.len(), 1);
    let root = &g.importers[0];
    assert_eq!(root.path, ".");
    assert_eq!(root.name.as_deref(), Some("tamper-tiny"));
    let deps: Vec<(String, String, DepKind, String)> = root
        .dependencies
        .iter()
        .map(|e| {
            (
                e.name.clone(),
                e.spec.clone(),
                e.kind,
                g.package(e.target.unwrap()).id_string(),
            )
        })
        .collect();
    assert_eq!(
        deps,
        vec![
            (
                "debug".into(),
                "^4.3.4".into(),
                DepKind::Prod,
                "debug@4.4.3".into()
            ),
            (
                "is-number".into(),
                "^7.0.0".into(),
                DepKind::Prod,
                "is-number@7.0.0".into()
            ),
            (
                "picocolors".into(),
                "^1.0.0".into(),
                DepKind::Prod,
                "picocolors@1.1.1".into()
            ),
            (
                "@types/debug".into(),
                "^4.1.12".into(),
                DepKind::Dev,
                "@types/debug@4.1.13".into()
            ),
        ]
    );
    assert!(g.unreachable().is_empty());
}

#[test]
fn sha1_fragment_is_integrity_when_no_integrity_field() {
    let text = "# yarn lockfile v1\n\n\nms@^2.1.3:\n  version \"2.1.3\"\n  resolved \"https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz#574c8138ce1d2b5861f0b44579dbadd60c6615b2\"\n";
    let g = parse_text(text, None).unwrap();
    let ms = &g.packages[0];
    assert_eq!(
        ms.integrity,
        Some(Integrity::from_sha1_hex("574c8138ce1d2b5861f0b44579dbadd60c6615b2").unwrap())
    );
    assert_eq!(ms.location.integrity_line, 6);
    assert_eq!(ms.location.resolved_line, 6);
}

#[test]
fn tamper_cases_parse_with_exact_sources() {
    diligence_testkit::corpus_or_skip!("");
    let t3 = read("tamper/yarn-classic-T3-1");
    let is_number = find(&t3, "is-number", "7.0.0");
    assert_eq!(is_number.location.resolved_line, 26);
    assert_eq!(
        is_number.source.resolved().as_deref(),
        Some(
            "https://registry.yarnpkg.com/is-number/-/is-number-6.0.0.tgz#7535345b896734d5f80c4d06c50955527a14f12b"
        )
    );
    let t6 = read("tamper/yarn-classic-T6-1");
    let debug = find(&t6, "debug", "4.4.3");
    assert_eq!(debug.location.resolved_line, 19);
    assert!(
        matches!(&debug.source, Source::Registry { resolved: Some(u) } if u.starts_with("http://registry.yarnpkg.com/debug/"))
    );
    let t8 = read("tamper/yarn-classic-T8-1");
    let pico = find(&t8, "picocolors", "1.1.1");
    assert_eq!(
        pico.source,
        Source::Tarball {
            url: "https://codeload.github.com/attacker/picocolors/tar.gz/207246add5106488d95562d69689c8602b4e4793".into()
        }
    );
    assert_eq!(pico.integrity, None);
    assert_eq!(pico.location.integrity_line, 0);
    assert_eq!(pico.location.resolved_line, 36);
    for g in [&t3, &t6, &t8] {
        assert!(g.unreachable().is_empty());
        assert_eq!(g.packages.len(), 6);
    }
}

#[test]
fn webpack_aliases_tarballs_and_reachability() {
    diligence_testkit::corpus_or_skip!("");
    let g = read("lockfiles/yarn-v1-webpack");
    assert_eq!(g.packages.len(), 1397);
    let prettier2 = g
        .packages
        .iter()
        .find(|p| p.key == "prettier-2@npm:prettier@^2")
        .unwrap();
    assert_eq!(prettier2.id_string(), "prettier@2.8.8");
    assert_eq!(prettier2.location.line, 8391);
    let cjs = g
        .packages
        .iter()
        .find(|p| p.key == "string-width-cjs@npm:string-width@^4.2.0")
        .unwrap();
    assert_eq!(cjs.name, "string-width");
    let tooling = g
        .packages
        .iter()
        .find(|p| p.key == "tooling@webpack/tooling#v1.28.1")
        .unwrap();
    assert_eq!(tooling.location.line, 9715);
    assert_eq!(
        tooling.source,
        Source::Tarball {
            url: "https://codeload.github.com/webpack/tooling/tar.gz/4c13a00ac84cf0e2dd57c457cd1ce46faa9e456a".into()
        }
    );
    assert_eq!(tooling.integrity, None);
    // An edge through an alias descriptor resolves to the aliased entry.
    let cliui = g
        .packages
        .iter()
        .find(|p| p.dependencies.iter().any(|e| e.name == "string-width-cjs"))
        .unwrap();
    let edge = cliui
        .dependencies
        .iter()
        .find(|e| e.name == "string-width-cjs")
        .unwrap();
    assert_eq!(edge.spec, "npm:string-width@^4.2.0");
    assert_eq!(
        g.package(edge.target.unwrap()).id_string(),
        "string-width@4.2.3"
    );
    assert!(g.unreachable().is_empty(), "{:?}", g.unreachable());
    // Every dependency edge of the lockfile resolves (yarn classic records all of them).
    let dangling: Vec<String> = g
        .packages
        .iter()
        .flat_map(|p| {
            p.dependencies
                .iter()
                .filter(|e| e.target.is_none())
                .map(move |e| format!("{} -> {}@{}", p.key, e.name, e.spec))
        })
        .collect();
    assert!(dangling.is_empty(), "{dangling:?}");
    let root = &g.importers[0];
    assert_eq!(root.name.as_deref(), Some("webpack"));
    assert!(root.dependencies.iter().all(|e| e.target.is_some()));
    let acorn = root
        .dependencies
        .iter()
        .find(|e| e.name == "acorn")
        .unwrap();
    assert!(!g.package(acorn.target.unwrap()).dev);
}

#[test]
fn optional_dependencies_are_optional_edges() {
    let text = "# yarn lockfile v1\n\na@^1:\n  version \"1.0.0\"\n  optionalDependencies:\n    fsevents \"^2\"\n    gone \"^3\"\n\nfsevents@^2:\n  version \"2.3.3\"\n";
    let manifest = Manifest::parse(r#"{"dependencies":{"a":"^1"}}"#).unwrap();
    let g = parse_text(text, Some(&manifest)).unwrap();
    let a = &g.packages[0];
    assert_eq!(a.dependencies.len(), 2);
    assert_eq!(a.dependencies[0].kind, DepKind::Optional);
    assert_eq!(a.dependencies[0].target.map(|t| t.0), Some(1));
    assert_eq!(a.dependencies[1].target, None);
    assert!(g.packages[1].optional);
    assert!(!a.optional);
}

#[test]
fn git_file_and_link_sources() {
    let text = "# yarn lockfile v1\n\n\"b@git+https://github.com/x/b.git#v1\":\n  version \"1.0.0\"\n  resolved \"git+https://github.com/x/b.git#0123456789abcdef0123456789abcdef01234567\"\n\n\"c@file:../c\":\n  version \"0.1.0\"\n";
    let g = parse_text(text, None).unwrap();
    assert_eq!(
        g.packages[0].source,
        Source::Git {
            url: "git+https://github.com/x/b.git".into(),
            commit: Some("0123456789abcdef0123456789abcdef01234567".into())
        }
    );
    assert_eq!(
        g.packages[0].integrity, None,
        "a commit is not a sha1 integrity"
    );
    assert_eq!(
        g.packages[1].source,
        Source::File {
            path: "../c".into()
        }
    );
}

#[test]
fn without_package_json_nothing_is_called_an_orphan() {
    diligence_testkit::corpus_or_skip!("");
    let text = std::fs::read_to_string(shared("tamper/base-yarn-classic/yarn.lock")).unwrap();
    let g = parse_text(&text, None).unwrap();
    assert!(g.unreachable().is_empty());
    assert_eq!(g.importers[0].path, ".");
    let mut tops: Vec<&str> = g.importers[0]
        .dependencies
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    tops.sort();
    assert_eq!(
        tops,
        vec!["@types/debug", "debug", "is-number", "picocolors"]
    );
}

#[test]
fn missing_workspaces_do_not_make_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let lock = "# yarn lockfile v1\n\na@^1:\n  version \"1.0.0\"\n\nb@^2:\n  version \"2.0.0\"\n  dependencies:\n    c \"^3\"\n\nc@^3:\n  version \"3.0.0\"\n\nd@^4:\n  version \"4.0.0\"\n";
    std::fs::write(dir.path().join("yarn.lock"), lock).unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"name":"mono","workspaces":["packages/*","tools"],"dependencies":{"a":"^1"}}"#,
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("packages/one")).unwrap();
    std::fs::write(
        dir.path().join("packages/one/package.json"),
        r#"{"name":"one","devDependencies":{"b":"^2"}}"#,
    )
    .unwrap();
    let g = read_lockfile(&dir.path().join("yarn.lock")).unwrap();
    let paths: Vec<&str> = g.importers.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, vec![".", "packages/one", "tools"]);
    assert_eq!(g.importers[1].name.as_deref(), Some("one"));
    assert_eq!(g.importers[1].dependencies[0].kind, DepKind::Dev);
    // `tools` is declared but absent: d may be used there, so it is not an orphan.
    let unknown: Vec<&str> = g.importers[2]
        .dependencies
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(unknown, vec!["d"]);
    assert!(g.unreachable().is_empty());
    assert!(
        g.packages[2].dev,
        "c only through a workspace's devDependencies"
    );
}

#[test]
fn complete_workspaces_keep_real_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let lock =
        "# yarn lockfile v1\n\na@^1:\n  version \"1.0.0\"\n\nevil@^1:\n  version \"1.0.0\"\n";
    std::fs::write(dir.path().join("yarn.lock"), lock).unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"workspaces":["packages/*"]}"#,
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("packages/one")).unwrap();
    std::fs::write(
        dir.path().join("packages/one/package.json"),
        r#"{"name":"one","dependencies":{"a":"^1"}}"#,
    )
    .unwrap();
    let g = read_lockfile(&dir.path().join("yarn.lock")).unwrap();
    let orphans: Vec<String> = g
        .unreachable()
        .iter()
        .map(|&id| g.package(id).key.clone())
        .collect();
    assert_eq!(orphans, vec!["evil@^1"]);
    assert_eq!(g.packages[1].location.line, 6);
}

#[test]
fn errors_name_line_and_key() {
    let cases = [
        (
            "a@^1:\n  version \"1.0.0\n",
            "yarn.lock:2:11: unterminated string",
        ),
        (
            "a@^1:\n  resolved \"x\"\n",
            "yarn.lock:1: entry `a@^1` has no `version`",
        ),
        ("a@^1 \"x\"\n", "yarn.lock:1: entry `a@^1` is not a block"),
        (
            "a:\n  version \"1\"\n",
            "yarn.lock:1: entry key `a` is not a `name@range` descriptor",
        ),
        (
            "a@^1:\n  version \"1\"\n  integrity sha512-AAAA\n",
            "yarn.lock:3: malformed `integrity` of `a@^1`: malformed integrity digest `sha512-AAAA`",
        ),
        (
            "a@^1:\n  version:\n    x \"1\"\n",
            "yarn.lock:2: `version` of `a@^1` must be a string, found a block",
        ),
        (
            "a@^1:\n  version \"1\"\n  dependencies \"b\"\n",
            "yarn.lock:3: `dependencies` of `a@^1` must be a block of `name \"range\"` lines",
        ),
        (
            "a@^1:\n  version \"1\"\n     x \"1\"\n",
            "yarn.lock:3:6: unexpected indentation (5 spaces, expected 2)",
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
    let brackets = "[".repeat(100_000);
    assert!(parse_text(&brackets, None).is_err());
}

fn small_lockfile() -> String {
    std::fs::read_to_string(shared("tamper/base-yarn-classic/yarn.lock")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn truncated_input_never_panics(cut in 0usize..2000) {
        if diligence_testkit::corpus("").is_none() {
            return Ok(());
        }
        let text = small_lockfile();
        let mut end = cut.min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let _ = parse_text(&text[..end], None);
    }

    #[test]
    fn mutated_input_never_panics(pos in 0usize..2000, byte in prop::sample::select(vec![b' ', b'"', b':', b',', b'\n', b'#', b'@', b'\\', b'x', b'\t'])) {
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
    }
}

#[test]
fn unseen_importer_covers_cycles_and_dedupes_optional() {
    let text = "# yarn lockfile v1\n\na@^1:\n  version \"1.0.0\"\n  dependencies:\n    b \"^2\"\n  optionalDependencies:\n    b \"^2\"\n\nb@^2:\n  version \"2.0.0\"\n  dependencies:\n    a \"^1\"\n";
    let g = parse_text(text, None).unwrap();
    assert!(g.unreachable().is_empty());
    let tops: Vec<&str> = g.importers[0]
        .dependencies
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(tops, vec!["a"]);
    let a = &g.packages[0];
    assert_eq!(a.dependencies.len(), 1);
    assert_eq!(a.dependencies[0].kind, DepKind::Optional);
}

#[test]
fn a_shadowing_duplicate_wins_and_the_shadowed_entry_is_an_orphan() {
    let text = "# yarn lockfile v1\n\nms@^2.1.3:\n  version \"2.1.3\"\n  resolved \"https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz\"\n\nms@^2.1.3:\n  version \"2.1.3\"\n  resolved \"https://evil.example/ms/-/ms-2.1.3.tgz\"\n";
    let manifest = Manifest::parse(r#"{"dependencies":{"ms":"^2.1.3"}}"#).unwrap();
    let g = parse_text(text, Some(&manifest)).unwrap();
    let target = g.importers[0].dependencies[0].target.unwrap();
    assert_eq!(g.package(target).location.line, 7);
    let orphans: Vec<u32> = g
        .unreachable()
        .iter()
        .map(|&id| g.package(id).location.line)
        .collect();
    assert_eq!(orphans, vec![3]);
}

#[test]
fn local_tarball_with_sha1_fragment() {
    let text = "# yarn lockfile v1\n\n\"x@file:../../../tmp/x.tgz\":\n  version \"1.0.0\"\n  resolved \"file:../../../tmp/x.tgz#a94a8fe5ccb19ba61c4c0873d391e987982fbbd3\"\n";
    let g = parse_text(text, None).unwrap();
    let x = &g.packages[0];
    assert_eq!(
        x.source,
        Source::File {
            path: "../../../tmp/x.tgz".into()
        }
    );
    assert_eq!(
        x.integrity.as_ref().unwrap().to_string(),
        "sha1-qUqP5cyxm6YcTAhz05Hph5gvu9M="
    );
    assert_eq!(
        (x.location.resolved_line, x.location.integrity_line),
        (5, 5)
    );
}
