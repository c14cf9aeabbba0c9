//! Reader timings on the corpus yarn lockfiles: `cargo bench -p diligence-lockfile --bench yarn`.
//! Each case parses text already in memory (no file I/O for the lockfile; the berry reader
//! still looks for workspace `package.json` files and `.yarnrc.yml` beside it).

use diligence_lockfile::{Manifest, ReadContext, yarn_berry, yarn_classic};
use std::path::PathBuf;

fn main() {
    // Without the shared corpus (a user's clone) the testkit prints one line; nothing to time.
    if diligence_testkit::corpus("lockfiles").is_none() {
        return;
    }
    divan::main();
}

fn load(folder: &str) -> (PathBuf, String, Option<Manifest>) {
    let dir = diligence_testkit::corpus("lockfiles")
        .expect("shared corpus: checked in main")
        .join(folder);
    let path = dir.join("yarn.lock");
    let text = std::fs::read_to_string(&path).expect("corpus lockfile");
    let manifest = Manifest::read_optional(&dir.join("package.json")).expect("package.json");
    (path, text, manifest)
}

#[divan::bench(args = ["yarn-v1-webpack"])]
fn classic(bencher: divan::Bencher, folder: &str) {
    let (path, text, manifest) = load(folder);
    bencher.bench(|| {
        let cx = ReadContext {
            path: &path,
            manifest: manifest.as_ref(),
        };
        yarn_classic::parse(divan::black_box(&text), &cx).expect("parses")
    });
}

#[divan::bench(args = ["berry-v10-babel", "berry-v10-jest", "berry-v10-prettier"])]
fn berry(bencher: divan::Bencher, folder: &str) {
    let (path, text, manifest) = load(folder);
    bencher.bench(|| {
        let cx = ReadContext {
            path: &path,
            manifest: manifest.as_ref(),
        };
        yarn_berry::parse(divan::black_box(&text), &cx).expect("parses")
    });
}
