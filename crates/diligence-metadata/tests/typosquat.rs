//! `metadata/typosquat`: historical and plausible squats are flagged, popular names are not,
//! and the false-positive rate over real benign names is measured.

use diligence_graph::{DependencyGraph, Location, LockfileFormat, LockfileInfo, Package, Source};
use diligence_metadata::{SquatKind, typosquat, typosquat_with_allowlist};
use std::path::Path;

/// (squat, popular target, how). The first eleven are from the issue; the rest are historical
/// (2017 `crossenv` batch: `jquery.js`, `nodemailer-js`, `mysqljs`; `loadsh`) or plausible.
const SQUATS: [(&str, &str, SquatKind); 20] = [
    ("crossenv", "cross-env", SquatKind::EditDistance),
    ("cross-env.js", "cross-env", SquatKind::Affix),
    ("lodahs", "lodash", SquatKind::EditDistance),
    ("axois", "axios", SquatKind::EditDistance),
    ("browserlist", "browserslist", SquatKind::EditDistance),
    ("electorn", "electron", SquatKind::EditDistance),
    ("jquerry", "jquery", SquatKind::EditDistance),
    ("mongose", "mongoose", SquatKind::EditDistance),
    ("babelcli", "babel-cli", SquatKind::EditDistance),
    ("nodesass", "node-sass", SquatKind::EditDistance),
    ("discordi.js", "discord.js", SquatKind::EditDistance),
    ("jquery.js", "jquery", SquatKind::Affix),
    ("nodemailer-js", "nodemailer", SquatKind::Affix),
    ("mysqljs", "mysql", SquatKind::Affix),
    ("loadsh", "lodash", SquatKind::EditDistance),
    ("types-node", "@types/node", SquatKind::Scope),
    ("rnocha", "mocha", SquatKind::Homoglyph),
    ("l0dash", "lodash", SquatKind::Homoglyph),
    ("typescirpt", "typescript", SquatKind::EditDistance),
    ("reqeust", "request", SquatKind::EditDistance),
];

#[test]
fn twenty_squats_are_flagged_with_their_target() {
    for (name, target, kind) in SQUATS {
        let m = typosquat(name).unwrap_or_else(|| panic!("{name} not flagged"));
        assert_eq!((m.target.as_str(), m.kind), (target, kind), "{name}");
        assert_eq!(m.name, name);
    }
}

#[test]
fn popular_and_similar_names_are_not_flagged() {
    for name in [
        "oxlint",
        "lodash.pick",
        "preact",
        "react-dom",
        "ws",
        "ms",
        "react",
        "eslint",
        "cross-env",
        "@types/node",
        "lodash-es",
        "qs",
        "pg",
    ] {
        assert_eq!(typosquat(name), None, "{name}");
    }
}

/// More plausible squats of top packages (doubled, dropped and swapped letters, `js`
/// affixes, separators): measured recall 72 of 80 in development; these are a sample.
#[test]
fn more_plausible_squats() {
    for (name, target) in [
        ("expresss", "express"),
        ("axioss", "axios"),
        ("recat", "react"),
        ("webpakc", "webpack"),
        ("momentjs", "moment"),
        ("chalkk", "chalk"),
        ("comander", "commander"),
        ("nodefetch", "node-fetch"),
        ("dot-env", "dotenv"),
        ("puppeter", "puppeteer"),
        ("bodyparser", "body-parser"),
        ("discord-js", "discord.js"),
        ("@types-node", "@types/node"),
    ] {
        let m = typosquat(name).unwrap_or_else(|| panic!("{name} not flagged"));
        assert_eq!(m.target, target, "{name}");
    }
    // Plurals of names that do not end in `s` are words, not typos.
    assert_eq!(typosquat("lodashs"), None);
}

#[test]
fn allowlist_suppresses() {
    assert!(typosquat("lodahs").is_some());
    assert_eq!(
        typosquat_with_allowlist("lodahs", &["LODAHS".to_string()]),
        None
    );
}

#[test]
fn scope_is_kept_apart() {
    // The owner of a popular scope publishes what it likes in it.
    assert_eq!(typosquat("@types/nodee"), None);
    // A different scope borrowing a popular name is only close by edit distance.
    let m = typosquat("@typess/node");
    assert_eq!(m.map(|m| m.target), Some("@types/node".to_string()));
}

fn corpus(rel: &str) -> std::path::PathBuf {
    diligence_testkit::corpus(rel).expect("shared corpus: the test calls corpus_or_skip! first")
}

/// The 1,000 most-downloaded names (shared corpus) must be flagged fewer than 5 times. They
/// are all in the pinned popular list, so none is.
#[test]
fn top1000_benign_names_are_not_flagged() {
    diligence_testkit::corpus_or_skip!("benign");
    let text = std::fs::read_to_string(corpus("benign/top1000-latest.tsv")).unwrap();
    let names: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    assert_eq!(names.len(), 1000);
    let flagged: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| typosquat(n).is_some())
        .collect();
    assert_eq!(flagged, Vec::<&str>::new());
}

/// Held-out benign set: names that are popular by dependents but not in the download list, so
/// the rule really judges them. Measured: 18 of 1,422 (1.3%); each pair is listed so a change
/// in the heuristics shows up here.
#[test]
fn held_out_benign_names_false_positive_rate() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/benign-top-dependent-only.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let names: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(names.len(), 1422);
    let flagged: Vec<(String, String)> = names
        .iter()
        .filter_map(|n| typosquat(n).map(|m| (m.name, m.target)))
        .collect();
    let expected = [
        ("compressing", "compression"),
        ("enquire-js", "enquire.js"),
        ("eventsource-polyfill", "event-source-polyfill"),
        ("expect.js", "expect"),
        ("expresso", "express"),
        ("file-save", "file-saver"),
        ("hyperquest", "hyparquet"),
        ("jasmine-node", "jasmine"),
        ("jslint", "jshint"),
        ("qunitjs", "qunit"),
        ("react-sticky", "react-slick"),
        ("reqwest", "request"),
        ("scss-loader", "sass-loader"),
        ("string", "stringz"),
        ("ttypescript", "typescript"),
        ("typescript-eslint-parser", "@typescript-eslint/parser"),
        ("uglifyjs", "uglify-js"),
        ("wrench", "wretch"),
    ];
    let got: Vec<(&str, &str)> = flagged
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn graph_check_points_at_the_entry_line() {
    let mut graph = DependencyGraph::new(LockfileInfo {
        path: "yarn.lock".into(),
        format: LockfileFormat::YarnClassic,
        version: "1".into(),
    });
    for (name, line) in [("crossenv", 7), ("lodash", 12), ("crossenv", 20)] {
        graph.add_package(Package {
            name: name.into(),
            version: "1.0.0".into(),
            source: Source::Registry { resolved: None },
            integrity: None,
            dev: false,
            optional: false,
            peer: false,
            has_install_script: false,
            dependencies: Vec::new(),
            key: format!("{name}@^1.0.0"),
            location: Location {
                line,
                ..Location::default()
            },
        });
    }
    let findings = diligence_metadata::rules::typosquat::check(&graph, &[]);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f.rule, "metadata/typosquat");
    assert_eq!(
        f.package.as_ref().map(|p| p.name.as_str()),
        Some("crossenv")
    );
    let loc = f.location.as_ref().unwrap();
    assert_eq!((loc.file.as_str(), loc.line), ("yarn.lock", 7));
    assert_eq!(
        f.message,
        "`crossenv` looks like a typo of the popular package `cross-env` (download rank 1931, a character added, removed, changed or swapped)"
    );
}
