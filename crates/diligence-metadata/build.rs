//! Builds the popular-name indexes at compile time (issue 13, item 6: no per-run building):
//! from `data/popular-npm.txt` (one name per line, rank = line number) it writes four `fst`
//! maps into `OUT_DIR`, which `src/popular` embeds with `include_bytes!`:
//!
//! - `names.fst`: lowercased name → rank;
//! - `skeletons.fst`: [`skeleton`] → best rank with that skeleton;
//! - `canonical.fst`: [`homoglyph_canonical`] → best rank with that form;
//! - `scopes.fst`: scope (without `@`) → best rank of a package in that scope;
//!
//! `offsets.bin`: for each rank, the byte offset and length of its name in the list
//! (little-endian `u32` pairs), so a rank's name is a slice, not a split of the whole file;
//! and `names.trie`: the lowercased names as a flat trie that the edit-distance search walks
//! (layout in `src/popular/trie.rs`; an `fst` decodes a compressed node on every step, which
//! was most of the typosquat search's time).

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
    std::fs::write(Path::new(&out).join("names.trie"), trie(&names)).expect("write OUT_DIR");
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

/// The flat trie of `names` (lowercased name → rank): 12-byte little-endian records
/// `[byte u8][longest u8][child count u16][first child u32][rank u32]`, record 0 the root,
/// the children of a node contiguous and in byte order; `longest` = the most bytes a name
/// continues below the node (capped at 255); rank 0 = no name ends here.
fn trie(names: &BTreeMap<String, u64>) -> Vec<u8> {
    #[derive(Default)]
    struct Node {
        children: BTreeMap<u8, Node>,
        rank: u32,
        longest: usize,
    }
    let mut root = Node::default();
    for (name, rank) in names {
        let mut node = &mut root;
        for (i, b) in name.bytes().enumerate() {
            node.longest = node.longest.max(name.len() - i);
            node = node.children.entry(b).or_default();
        }
        node.rank = *rank as u32;
    }
    // Breadth-first numbering keeps each node's children contiguous.
    let longest = |n: &Node| u8::try_from(n.longest).unwrap_or(u8::MAX);
    let mut records: Vec<(u8, u8, u16, u32, u32)> = vec![(0, longest(&root), 0, 0, root.rank)];
    let mut queue = std::collections::VecDeque::from([(0usize, &root)]);
    while let Some((at, node)) = queue.pop_front() {
        let first = records.len();
        records[at].2 = u16::try_from(node.children.len()).expect("at most 256 children");
        records[at].3 = u32::try_from(first).expect("fewer than 4 G nodes");
        for (b, child) in &node.children {
            queue.push_back((records.len(), child));
            records.push((*b, longest(child), 0, 0, child.rank));
        }
    }
    let mut bytes = Vec::with_capacity(records.len() * 12);
    for (b, longest, count, first, rank) in records {
        bytes.push(b);
        bytes.push(longest);
        bytes.extend_from_slice(&count.to_le_bytes());
        bytes.extend_from_slice(&first.to_le_bytes());
        bytes.extend_from_slice(&rank.to_le_bytes());
    }
    bytes
}
