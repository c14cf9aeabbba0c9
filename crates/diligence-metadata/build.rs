//! Builds the popular-name indexes at compile time (issue 13, item 6: no per-run building):
//! from `data/popular-npm.txt` (one name per line, rank = line number) it writes four `fst`
//! maps into `OUT_DIR`, which `src/popular` embeds with `include_bytes!`:
//!
//! - `names.fst`: lowercased name → rank;
//! - `skeletons.fst`: [`skeleton`] → best rank with that skeleton;
//! - `canonical.fst`: [`homoglyph_canonical`] → best rank with that form;
//! - `scopes.fst`: scope (without `@`) → best rank of a package in that scope;
//!
//! and `offsets.bin`: for each rank, the byte offset and length of its name in the list
//! (little-endian `u32` pairs), so a rank's name is a slice, not a split of the whole file.

use std::collections::BTreeMap;
use std::path::Path;

include!("src/popular/normalise.rs");

fn main() {
    let data = Path::new("data/popular-npm.txt");
    println!("cargo::rerun-if-changed={}", data.display());
    println!("cargo::rerun-if-changed=src/popular/normalise.rs");
    let text = std::fs::read_to_string(data).expect("data/popular-npm.txt");
    let mut names = BTreeMap::new();
    let mut skeletons = BTreeMap::new();
    let mut canonical = BTreeMap::new();
    let mut scopes = BTreeMap::new();
    let mut offsets: Vec<u8> = Vec::new();
    let mut at = 0usize;
    let mut lines = Vec::new();
    for line in text.split_inclusive('\n') {
        let name = line.trim();
        if !name.is_empty() {
            // Offset of the trimmed name within the file.
            let start = at + line.find(name).unwrap_or(0);
            offsets.extend_from_slice(&(start as u32).to_le_bytes());
            offsets.extend_from_slice(&(name.len() as u32).to_le_bytes());
            lines.push(name);
        }
        at += line.len();
    }
    for (i, name) in lines.into_iter().enumerate() {
        let rank = i as u64 + 1;
        let lower = name.to_ascii_lowercase();
        names.entry(lower.clone()).or_insert(rank);
        skeletons.entry(skeleton(&lower)).or_insert(rank);
        canonical.entry(homoglyph_canonical(&lower)).or_insert(rank);
        if let Some(scope) = scope_of(&lower) {
            scopes.entry(scope.to_string()).or_insert(rank);
        }
    }
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("offsets.bin"), offsets).expect("write OUT_DIR");
    for (file, map) in [
        ("names.fst", names),
        ("skeletons.fst", skeletons),
        ("canonical.fst", canonical),
        ("scopes.fst", scopes),
    ] {
        let bytes = fst::Map::from_iter(map)
            .expect("sorted keys")
            .into_fst()
            .into_inner();
        std::fs::write(Path::new(&out).join(file), bytes).expect("write OUT_DIR");
    }
}
