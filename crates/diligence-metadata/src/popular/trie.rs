//! The popular names as a flat trie, walked by the edit-distance automaton of [`super::search`].
//!
//! `build.rs` writes the trie as 12-byte little-endian records
//! `[byte u8][longest u8][child count u16][first child u32][rank u32]`: record 0 is the root,
//! the children of a node are contiguous, `longest` is the most bytes a name continues below
//! the node (capped at 255), and rank 0 means no name ends at the node. Reading a
//! record is three fixed-offset loads, where an `fst` node is decoded from a compressed form on
//! every step (measured on the 822 names of `npm-v1-atom`: the search took 16 µs per name
//! through the `fst` stream).

use fst::Automaton;

/// Size of one record in bytes.
const RECORD: usize = 12;

/// A trie over `bytes` in the layout above.
#[derive(Clone, Copy)]
pub struct Trie {
    bytes: &'static [u8],
}

/// One decoded record.
#[derive(Clone, Copy)]
struct Node {
    byte: u8,
    longest: u8,
    children: usize,
    first: usize,
    rank: u32,
}

impl Trie {
    /// The trie in `bytes` (written by `build.rs`; a length that is not a whole number of
    /// records is a build defect and reads as an empty trie).
    pub fn new(bytes: &'static [u8]) -> Trie {
        if !bytes.len().is_multiple_of(RECORD) {
            return Trie { bytes: &[] };
        }
        Trie { bytes }
    }

    fn node(&self, i: usize) -> Option<Node> {
        let r = self.bytes.get(i * RECORD..(i + 1) * RECORD)?;
        let u32_at = |at: usize| u32::from_le_bytes([r[at], r[at + 1], r[at + 2], r[at + 3]]);
        Some(Node {
            byte: r[0],
            longest: r[1],
            children: usize::from(u16::from_le_bytes([r[2], r[3]])),
            first: u32_at(4) as usize,
            rank: u32_at(8),
        })
    }

    /// Every `(key, rank)` of at least `min_len` bytes that the automaton matches, in trie
    /// order; subtrees where [`Automaton::can_match`] fails, or whose names all end before
    /// `min_len`, are not entered.
    pub fn search<A: Automaton>(&self, automaton: &A, min_len: usize) -> Vec<(Vec<u8>, u32)> {
        let mut out = Vec::new();
        let Some(root) = self.node(0) else {
            return out;
        };
        let start = automaton.start();
        if root.rank != 0 && min_len == 0 && automaton.is_match(&start) {
            out.push((Vec::new(), root.rank));
        }
        let mut path = Vec::with_capacity(64);
        self.walk(root, &start, automaton, min_len, &mut path, &mut out);
        out
    }

    fn walk<A: Automaton>(
        &self,
        node: Node,
        state: &A::State,
        automaton: &A,
        min_len: usize,
        path: &mut Vec<u8>,
        out: &mut Vec<(Vec<u8>, u32)>,
    ) {
        let depth = path.len() + 1;
        for i in node.first..node.first + node.children {
            let Some(child) = self.node(i) else {
                return;
            };
            // The longest name below `child` is `depth + longest` bytes (255 = maybe more).
            if child.longest < u8::MAX && depth + usize::from(child.longest) < min_len {
                continue;
            }
            let next = automaton.accept(state, child.byte);
            if !automaton.can_match(&next) {
                continue;
            }
            path.push(child.byte);
            if child.rank != 0 && depth >= min_len && automaton.is_match(&next) {
                out.push((path.clone(), child.rank));
            }
            self.walk(child, &next, automaton, min_len, path, out);
            path.pop();
        }
    }
}
