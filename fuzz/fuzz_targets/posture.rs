//! Fuzz the package-manager configuration files the posture layer reads from a project
//! (`pnpm-workspace.yaml`, `.yarnrc.yml`, `bunfig.toml`, `.npmrc`, `package.json`): the first
//! input byte picks the file, the rest is its content; reading and every posture rule must
//! finish in bounded time and heap.
#![no_main]

use diligence_fuzz::{Budget, Counting, bounded};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::LazyLock;

#[global_allocator]
static ALLOC: Counting = Counting;

const FILES: [&str; 5] = [
    "pnpm-workspace.yaml",
    ".yarnrc.yml",
    "bunfig.toml",
    ".npmrc",
    "package.json",
];

static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("diligence-fuzz-posture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
});

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else { return };
    let name = FILES[pick as usize % FILES.len()];
    for f in FILES {
        let _ = std::fs::remove_file(DIR.join(f));
    }
    std::fs::write(DIR.join(name), content).unwrap();
    bounded(content.len(), Budget::TEXT, || {
        let _ = diligence_metadata::posture::posture(&DIR, None);
    });
});
