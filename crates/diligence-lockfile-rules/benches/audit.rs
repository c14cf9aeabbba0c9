//! Read + check every real lockfile of `../shared/corpus/lockfiles`, one benchmark per file,
//! plus `check` alone on the already-read graph (to split reader cost from rule cost).
//!
//! Run: `cargo bench -p diligence-lockfile-rules --bench audit`.

use diligence_lockfile_rules::{LockfilePolicy, check};
use std::path::PathBuf;

fn main() {
    // Without the shared corpus (a user's clone) the testkit prints one line; nothing to time.
    if diligence_testkit::corpus("lockfiles").is_none() {
        return;
    }
    divan::main();
}

/// `folder/lockfile` of every corpus case.
const FILES: &[&str] = &[
    "berry-v10-babel/yarn.lock",
    "berry-v10-jest/yarn.lock",
    "berry-v10-prettier/yarn.lock",
    "bun-1-elysia/bun.lock",
    "bun-1-hono/bun.lock",
    "npm-v1-atom/package-lock.json",
    "npm-v1-lodash/package-lock.json",
    "npm-v2-atom-vsts/package-lock.json",
    "npm-v2-axios/package-lock.json",
    "npm-v3-npmcli/package-lock.json",
    "pnpm-5.3-petite-vue/pnpm-lock.yaml",
    "pnpm-5.4-windicss/pnpm-lock.yaml",
    "pnpm-6.0-taxonomy/pnpm-lock.yaml",
    "pnpm-6.0-vue2/pnpm-lock.yaml",
    "pnpm-9.0-astro-twodocs/pnpm-lock.yaml",
    "pnpm-9.0-vuecore/pnpm-lock.yaml",
    "yarn-v1-webpack/yarn.lock",
];

fn path(file: &str) -> PathBuf {
    diligence_testkit::corpus("lockfiles")
        .expect("shared corpus: checked in main")
        .join(file)
}

#[divan::bench(args = FILES)]
fn read_and_check(bencher: divan::Bencher, file: &str) {
    let path = path(file);
    let policy = LockfilePolicy::default();
    bencher.bench(|| {
        let graph = diligence_lockfile::read_lockfile(&path).expect("corpus lockfile reads");
        check(&graph, &policy)
    });
}

#[divan::bench(args = FILES)]
fn check_only(bencher: divan::Bencher, file: &str) {
    let graph = diligence_lockfile::read_lockfile(&path(file)).expect("corpus lockfile reads");
    let policy = LockfilePolicy::default();
    bencher.bench(|| check(&graph, &policy));
}
