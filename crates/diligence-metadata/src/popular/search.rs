//! Bounded edit-distance search over an `fst` of names: an [`fst::Automaton`] that keeps one
//! band of the optimal-string-alignment (restricted Damerau–Levenshtein) table per key byte.
//!
//! The band holds the cells within 2 of the diagonal, so a state is 12 bytes and a transition
//! computes 5 cells: the search visits only the key prefixes still within the bound, and needs
//! no per-run construction (a Levenshtein automaton builder for distance 2 with transpositions
//! costs tens of milliseconds to build, more than a whole offline audit may take).

use fst::Automaton;

/// Band width: cells of columns `depth - 2 ..= depth + 2`.
const BAND: usize = 5;
/// Column offset of band cell 0 relative to the row (the diagonal sits at cell 2).
const CENTER: isize = 2;

/// Keys within `max` (1 or 2) edits of `query`: insertions, deletions, substitutions and
/// transpositions of adjacent bytes each count 1 (optimal string alignment).
///
/// With [`WithinDistance::anchored`], a key whose first byte is neither the query's first nor
/// its second byte (a swap of the first two) is only matched within one edit: the search then
/// explores one or two subtrees at the root instead of every one, which makes a distance-2
/// search over the popular names about ten times cheaper. The typosquat model can afford it:
/// an edit at the start of a name spells another word (`preact`) and is weak anyway.
#[derive(Debug, Clone)]
pub struct WithinDistance<'q> {
    query: &'q [u8],
    max: u8,
    anchored: bool,
}

impl<'q> WithinDistance<'q> {
    /// `max` is clamped to 2 (the band is 5 wide).
    pub fn new(query: &'q [u8], max: u8) -> WithinDistance<'q> {
        WithinDistance {
            query,
            max: max.min(2),
            anchored: false,
        }
    }

    /// Keys whose first byte differs from the query's first two are held to one edit.
    pub fn anchored(mut self) -> WithinDistance<'q> {
        self.anchored = true;
        self
    }

    /// The fewest bytes a matching key can have: the query's length less `max`.
    pub fn min_key_len(&self) -> usize {
        self.query.len().saturating_sub(usize::from(self.max))
    }

    fn inf(&self) -> u8 {
        self.max + 1
    }

    /// The bound for a state: `max`, or 1 past an unanchored first byte.
    fn limit(&self, s: &Band) -> u8 {
        if s.off_anchor {
            self.max.min(1)
        } else {
            self.max
        }
    }
}

/// One row of the table, as a band, plus what a transposition needs from the row before.
#[derive(Debug, Clone, Copy)]
pub struct Band {
    /// Key bytes consumed (the row index).
    depth: u8,
    /// Cells of this row; cell `b` is column `depth - 2 + b`.
    cur: [u8; BAND],
    /// Cells of the previous row, same layout relative to that row.
    prev: [u8; BAND],
    /// The last key byte consumed.
    last: u8,
    /// Anchored search: the key's first byte is neither of the query's first two.
    off_anchor: bool,
}

impl Automaton for WithinDistance<'_> {
    type State = Band;

    fn start(&self) -> Band {
        let inf = self.inf();
        let mut cur = [inf; BAND];
        for (b, cell) in cur.iter_mut().enumerate() {
            let j = b as isize - CENTER;
            if j >= 0 && j as usize <= self.query.len() {
                *cell = (j as u8).min(inf);
            }
        }
        Band {
            depth: 0,
            cur,
            prev: [inf; BAND],
            last: 0,
            off_anchor: false,
        }
    }

    fn is_match(&self, s: &Band) -> bool {
        let b = self.query.len() as isize - s.depth as isize + CENTER;
        (0..BAND as isize).contains(&b) && s.cur[b as usize] <= self.limit(s)
    }

    fn can_match(&self, s: &Band) -> bool {
        let limit = self.limit(s);
        s.cur.iter().any(|&c| c <= limit)
    }

    fn accept(&self, s: &Band, byte: u8) -> Band {
        let inf = self.inf();
        let q = self.query;
        let i = s.depth as isize;
        let mut next = [inf; BAND];
        for b in 0..BAND {
            let j = i + 1 - CENTER + b as isize;
            if j < 0 || j as usize > q.len() {
                continue;
            }
            let j = j as usize;
            let mut best = inf;
            // The key has a byte the query lacks: D[i][j] + 1.
            if b + 1 < BAND {
                best = best.min(s.cur[b + 1].saturating_add(1));
            }
            // The query has a byte the key lacks: D[i+1][j-1] + 1.
            if b >= 1 {
                best = best.min(next[b - 1].saturating_add(1));
            }
            if j >= 1 {
                // Match or substitution: D[i][j-1] + cost.
                let cost = u8::from(q[j - 1] != byte);
                best = best.min(s.cur[b].saturating_add(cost));
                // Adjacent transposition: D[i-1][j-2] + 1.
                if i >= 1 && j >= 2 && byte == q[j - 2] && s.last == q[j - 1] {
                    best = best.min(s.prev[b].saturating_add(1));
                }
            }
            next[b] = best.min(inf);
        }
        let off_anchor = s.off_anchor
            || (self.anchored
                && s.depth == 0
                && self.query.first() != Some(&byte)
                && self.query.get(1) != Some(&byte));
        Band {
            depth: s.depth.saturating_add(1),
            cur: next,
            prev: s.cur,
            last: byte,
            off_anchor,
        }
    }
}

/// Optimal string alignment distance of two byte strings (the exact value the automaton
/// bounds), for tests and for ranking candidates.
pub fn osa_distance(a: &[u8], b: &[u8]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Set, Streamer};

    fn search(keys: &[&str], query: &str, max: u8) -> Vec<String> {
        let mut sorted = keys.to_vec();
        sorted.sort();
        let set = Set::from_iter(sorted).unwrap();
        let mut stream = set
            .search(WithinDistance::new(query.as_bytes(), max))
            .into_stream();
        let mut out = Vec::new();
        while let Some(k) = stream.next() {
            out.push(String::from_utf8(k.to_vec()).unwrap());
        }
        out
    }

    #[test]
    fn finds_exactly_the_keys_within_the_bound() {
        let keys = [
            "lodash", "lodahs", "loadsh", "lodas", "lodashes", "ldoash", "xodasx", "a", "",
            "express", "expres", "expresss", "exprses",
        ];
        for query in ["lodash", "express", "lo", "", "lodashxx"] {
            for max in [1u8, 2] {
                let want: Vec<String> = {
                    let mut w: Vec<&str> = keys
                        .iter()
                        .copied()
                        .filter(|k| osa_distance(k.as_bytes(), query.as_bytes()) <= max as usize)
                        .collect();
                    w.sort();
                    w.into_iter().map(String::from).collect()
                };
                assert_eq!(search(&keys, query, max), want, "{query} within {max}");
            }
        }
    }

    #[test]
    fn anchored_search_holds_other_first_bytes_to_one_edit() {
        let keys = ["lodash", "xodash", "xodasx", "oldash", "lodaxx"];
        let mut sorted = keys.to_vec();
        sorted.sort();
        let set = Set::from_iter(sorted).unwrap();
        let mut stream = set
            .search(WithinDistance::new(b"lodash", 2).anchored())
            .into_stream();
        let mut out = Vec::new();
        while let Some(k) = stream.next() {
            out.push(String::from_utf8(k.to_vec()).unwrap());
        }
        assert_eq!(out, ["lodash", "lodaxx", "oldash", "xodash"]);
    }

    #[test]
    fn transpositions_count_once() {
        assert_eq!(osa_distance(b"lodash", b"lodahs"), 1);
        assert_eq!(osa_distance(b"axios", b"axois"), 1);
        assert_eq!(search(&["axios"], "axois", 1), ["axios"]);
        assert_eq!(search(&["lodash"], "ldoahs", 1), Vec::<String>::new());
        assert_eq!(search(&["lodash"], "ldoahs", 2), ["lodash"]);
    }
}
