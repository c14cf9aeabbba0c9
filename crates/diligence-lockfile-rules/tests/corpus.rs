//! The 17 real lockfiles of `../shared/corpus/lockfiles` (see its SOURCES.txt): exact finding
//! counts per rule and severity, as a reviewed snapshot. A change in these numbers is a change
//! in behaviour on real projects and must be explained in the commit that makes it.
//!
//! What the numbers say (the defence of each non-info finding on untampered lockfiles):
//! - `integrity-weak` low (1227 in all): packages published before npm added sha512 (2017)
//!   only have a sha1 on the registry; lodash (525 of 673 hashed entries), atom-vsts (268 of
//!   402), axios (356 of 2115), petite-vue (36) and windicss (42) lock many such old packages.
//!   None is an outlier (a lone sha1 in a sha512 lockfile, which stays medium), and the
//!   online `registry/integrity-downgrade` tells a downgrade from an old package.
//! - `insecure-scheme` medium: old npm 5 lockfiles (lodash, atom-vsts) record
//!   `http://registry.npmjs.org/…`; a sha1 integrity still pins the content, hence medium.
//! - `git-source` low: atom's bundled packages come from github.com, pinned to full commits.
//! - `remote-tarball` + `integrity-missing` medium: webpack's `tooling` from codeload.github.com
//!   with no hash: a real unpinned non-registry dependency.
//! - `integrity-missing` low: yarn berry writes no checksum for other platforms' optional
//!   binaries (`conditions: os=…`); info for npm/cli's 163 dependencies bundled in `tap`.
//! - No finding above medium on any real lockfile.

use diligence_finding::Severity;
use diligence_lockfile_rules::{LockfilePolicy, check};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    diligence_testkit::corpus("lockfiles")
        .expect("shared corpus: the test calls corpus_or_skip! first")
}

fn lockfile_in(dir: &Path) -> PathBuf {
    [
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "bun.lock",
    ]
    .iter()
    .map(|n| dir.join(n))
    .find(|p| p.is_file())
    .unwrap_or_else(|| panic!("{}: no lockfile", dir.display()))
}

fn counts_of(folder: &str) -> BTreeMap<(String, String), usize> {
    let lockfile = lockfile_in(&corpus().join(folder));
    let graph = diligence_lockfile::read_lockfile(&lockfile).unwrap_or_else(|e| panic!("{e}"));
    let findings = check(&graph, &LockfilePolicy::default());
    let above: Vec<_> = findings
        .iter()
        .filter(|f| f.severity > Severity::Medium)
        .map(|f| format!("{} {}: {}", f.severity, f.rule, f.message))
        .collect();
    assert!(
        above.is_empty(),
        "{folder}: findings above medium: {above:#?}"
    );
    let mut counts = BTreeMap::new();
    for f in findings {
        *counts.entry((f.rule, f.severity.to_string())).or_default() += 1;
    }
    counts
}

fn assert_counts(folder: &str, want: &[(&str, &str, usize)]) {
    diligence_testkit::corpus_or_skip!("lockfiles");
    let want: BTreeMap<(String, String), usize> = want
        .iter()
        .map(|(r, s, n)| ((r.to_string(), s.to_string()), *n))
        .collect();
    assert_eq!(
        counts_of(folder),
        want,
        "{folder}: (rule, severity) → count"
    );
}

macro_rules! corpus_counts {
    ($($name:ident => $folder:literal: [$(($rule:literal, $sev:literal, $n:literal),)*],)*) => {
        $( #[test] fn $name() { assert_counts($folder, &[$(($rule, $sev, $n)),*]); } )*
    };
}

corpus_counts! {
    berry_v10_babel => "berry-v10-babel": [
        ("lockfile/integrity-missing", "low", 112),
        ("lockfile/local-source", "info", 4),
    ],
    berry_v10_jest => "berry-v10-jest": [
        ("lockfile/integrity-missing", "low", 87),
    ],
    berry_v10_prettier => "berry-v10-prettier": [
        ("lockfile/integrity-missing", "low", 119),
    ],
    bun_1_elysia => "bun-1-elysia": [
    ],
    bun_1_hono => "bun-1-hono": [
    ],
    npm_v1_atom => "npm-v1-atom": [
        ("lockfile/git-source", "low", 68),
        ("lockfile/local-source", "info", 27),
    ],
    npm_v1_lodash => "npm-v1-lodash": [
        ("lockfile/insecure-scheme", "medium", 4),
        ("lockfile/integrity-weak", "low", 525),
    ],
    npm_v2_atom_vsts => "npm-v2-atom-vsts": [
        ("lockfile/insecure-scheme", "medium", 9),
        ("lockfile/integrity-weak", "low", 268),
    ],
    npm_v2_axios => "npm-v2-axios": [
        ("lockfile/integrity-weak", "low", 356),
    ],
    npm_v3_npmcli => "npm-v3-npmcli": [
        ("lockfile/integrity-missing", "info", 163),
    ],
    pnpm_5_3_petite_vue => "pnpm-5.3-petite-vue": [
        ("lockfile/integrity-weak", "low", 36),
    ],
    pnpm_5_4_windicss => "pnpm-5.4-windicss": [
        ("lockfile/integrity-weak", "low", 42),
    ],
    pnpm_6_0_taxonomy => "pnpm-6.0-taxonomy": [
    ],
    pnpm_6_0_vue2 => "pnpm-6.0-vue2": [
    ],
    pnpm_9_0_astro_twodocs => "pnpm-9.0-astro-twodocs": [
        ("lockfile/local-source", "info", 1),
    ],
    pnpm_9_0_vuecore => "pnpm-9.0-vuecore": [
    ],
    yarn_v1_webpack => "yarn-v1-webpack": [
        ("lockfile/integrity-missing", "medium", 1),
        ("lockfile/remote-tarball", "medium", 1),
    ],
}
