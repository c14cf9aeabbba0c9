//! Reads every real lockfile of `../shared/corpus/lockfiles` and compares the distinct
//! `name@version` of registry packages with `expected.json` (computed with the ecosystems' own
//! parsers by `shared/tools/groundtruth.mjs`).

use diligence_graph::Source;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn corpus() -> PathBuf {
    diligence_testkit::corpus("lockfiles")
        .expect("shared corpus: the test calls corpus_or_skip! first")
}

fn check(folder: &str) {
    diligence_testkit::corpus_or_skip!("lockfiles");
    let dir = corpus().join(folder);
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let lockfile = dir.join(expected["file"].as_str().unwrap());
    let graph = diligence_lockfile::read_lockfile(&lockfile).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        graph.lockfile.format.as_str(),
        expected["format"].as_str().unwrap(),
        "{folder}: format"
    );
    assert_eq!(
        graph.lockfile.version,
        expected["version"].as_str().unwrap(),
        "{folder}: version"
    );
    let got: BTreeSet<String> = graph
        .packages
        .iter()
        .filter(|p| matches!(p.source, Source::Registry { .. }))
        .map(|p| p.id_string())
        .collect();
    let want: BTreeSet<String> = expected["registry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let missing: Vec<_> = want.difference(&got).take(10).collect();
    let extra: Vec<_> = got.difference(&want).take(10).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{folder}: {} expected, {} read; missing (first 10) {missing:?}; extra (first 10) {extra:?}",
        want.len(),
        got.len()
    );
    assert_eq!(
        got.len(),
        expected["registry_count"].as_u64().unwrap() as usize
    );
}

macro_rules! corpus_tests {
    ($($name:ident => $folder:literal,)*) => {
        $( #[test] fn $name() { check($folder); } )*
    };
}

corpus_tests! {
    berry_v10_babel => "berry-v10-babel",
    berry_v10_jest => "berry-v10-jest",
    berry_v10_prettier => "berry-v10-prettier",
    bun_1_elysia => "bun-1-elysia",
    bun_1_hono => "bun-1-hono",
    npm_v1_atom => "npm-v1-atom",
    npm_v1_lodash => "npm-v1-lodash",
    npm_v2_atom_vsts => "npm-v2-atom-vsts",
    npm_v2_axios => "npm-v2-axios",
    npm_v3_npmcli => "npm-v3-npmcli",
    pnpm_5_3_petite_vue => "pnpm-5.3-petite-vue",
    pnpm_5_4_windicss => "pnpm-5.4-windicss",
    pnpm_6_0_taxonomy => "pnpm-6.0-taxonomy",
    pnpm_6_0_vue2 => "pnpm-6.0-vue2",
    pnpm_9_0_astro_twodocs => "pnpm-9.0-astro-twodocs",
    pnpm_9_0_vuecore => "pnpm-9.0-vuecore",
    yarn_v1_webpack => "yarn-v1-webpack",
}

/// Every folder in the corpus has a test above (a new corpus folder must be added).
#[test]
fn every_corpus_folder_is_tested() {
    diligence_testkit::corpus_or_skip!("lockfiles");
    let mut folders: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(folders.len(), 17, "{folders:?}");
}
