//! The pinned list of popular npm package names and the indexes the typosquat model searches.
//!
//! The list (`data/popular-npm.txt`, see `data/POPULAR-NAMES.md`) is the whole
//! `npmHighImpact` list of `npm-high-impact@1.13.0` (MIT): 17,338 names, most downloaded first
//! (every package with a million or more downloads a week), then those depended on by 500 or
//! more packages, by dependents. Line number = rank.
//!
//! The indexes are `fst` maps built by `build.rs` at compile time and embedded in the binary:
//! opening them reads a header, so a run pays nothing for them (issue 13, item 6).

mod normalise;
pub mod search;
mod trie;

pub use normalise::{DIGIT_HOMOGLYPHS, LETTER_HOMOGLYPHS, homoglyph_canonical, scope_of, skeleton};

use fst::{IntoStreamer, Map, Streamer};
use search::WithinDistance;
use std::sync::OnceLock;
use trie::Trie;

/// The embedded list, one name per line, rank order.
const POPULAR_NAMES: &str = include_str!("../../data/popular-npm.txt");
static NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
static SKELETONS_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/skeletons.fst"));
static CANONICAL_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/canonical.fst"));
static SCOPES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/scopes.fst"));
static NAMES_TRIE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.trie"));
/// Per rank, the byte offset and length of the name in [`POPULAR_NAMES`] (`u32` LE pairs).
static OFFSETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/offsets.bin"));

/// Popular names and their search indexes. Ranks are 1-based (1 = most downloaded).
pub struct PopularNames {
    /// Lowercased name → rank.
    names: Map<&'static [u8]>,
    /// The same names as a flat trie, for the edit-distance search.
    names_trie: Trie,
    /// [`skeleton`] → best rank with that skeleton.
    skeletons: Map<&'static [u8]>,
    /// [`homoglyph_canonical`] → best rank with that form.
    canonical: Map<&'static [u8]>,
    /// Scope (without `@`) → best rank of a package in it.
    scopes: Map<&'static [u8]>,
}

impl PopularNames {
    fn open() -> PopularNames {
        // The build script wrote these maps; a corrupt one is a build defect.
        let map = |bytes: &'static [u8]| Map::new(bytes).expect("fst built by build.rs");
        PopularNames {
            names: map(NAMES_FST),
            names_trie: Trie::new(NAMES_TRIE),
            skeletons: map(SKELETONS_FST),
            canonical: map(CANONICAL_FST),
            scopes: map(SCOPES_FST),
        }
    }

    /// Number of distinct (case-insensitive) names in the list.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the list is empty (never, for the embedded list).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The 1-based rank of `name` (case-insensitive), when it is in the list.
    pub fn rank(&self, name: &str) -> Option<u32> {
        let hit = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            self.names.get(name.to_ascii_lowercase())
        } else {
            self.names.get(name)
        };
        hit.map(|r| r as u32)
    }

    /// The name at a 1-based rank, as the list spells it.
    pub fn name(&self, rank: u32) -> Option<&'static str> {
        let i = (rank as usize).checked_sub(1)? * 8;
        let word = |at: usize| {
            let bytes: [u8; 4] = OFFSETS.get(at..at + 4)?.try_into().ok()?;
            Some(u32::from_le_bytes(bytes) as usize)
        };
        let (start, len) = (word(i)?, word(i + 4)?);
        POPULAR_NAMES.get(start..start + len)
    }

    /// The best rank among popular names with this [`skeleton`].
    pub fn rank_of_skeleton(&self, skeleton: &str) -> Option<u32> {
        self.skeletons.get(skeleton).map(|r| r as u32)
    }

    /// The best rank among popular names with this [`homoglyph_canonical`] form.
    pub fn rank_of_canonical(&self, canonical: &str) -> Option<u32> {
        self.canonical.get(canonical).map(|r| r as u32)
    }

    /// The best rank of a package in `scope` (without `@`), when the scope publishes a popular
    /// package.
    pub fn scope_rank(&self, scope: &str) -> Option<u32> {
        self.scopes.get(scope).map(|r| r as u32)
    }

    /// Whether the scope (without `@`) publishes at least one popular package.
    pub fn has_scope(&self, scope: &str) -> bool {
        self.scopes.contains_key(scope)
    }

    /// Popular names within optimal-string-alignment distance `max` (1 or 2) of `name`
    /// (lowercased), as `(rank, lowercased name)` pairs in rank order; `name` itself is not
    /// returned.
    pub fn within(&self, name: &str, max: u8) -> Vec<(u32, String)> {
        let lower = name.to_ascii_lowercase();
        let automaton = WithinDistance::new(lower.as_bytes(), max);
        collect_trie(&self.names_trie, automaton, &lower)
    }

    /// [`PopularNames::within`], but names that do not start like `name` (its first byte, or
    /// its second for a swap) only within one edit: several times cheaper for `max` 2.
    pub fn within_anchored(&self, name: &str, max: u8) -> Vec<(u32, String)> {
        let lower = name.to_ascii_lowercase();
        let automaton = WithinDistance::new(lower.as_bytes(), max).anchored();
        collect_trie(&self.names_trie, automaton, &lower)
    }

    /// Popular scopes within distance `max` of `scope` (without `@`), as `(best rank, scope)`
    /// pairs in rank order; `scope` itself is not returned.
    pub fn scopes_within(&self, scope: &str, max: u8) -> Vec<(u32, String)> {
        let lower = scope.to_ascii_lowercase();
        collect_within(
            &self.scopes,
            WithinDistance::new(lower.as_bytes(), max),
            &lower,
        )
    }
}

fn collect_within(
    map: &Map<&'static [u8]>,
    automaton: WithinDistance<'_>,
    query: &str,
) -> Vec<(u32, String)> {
    let mut stream = map.search(automaton).into_stream();
    let mut out = Vec::new();
    while let Some((key, rank)) = stream.next() {
        if key != query.as_bytes()
            && let Ok(key) = std::str::from_utf8(key)
        {
            out.push((rank as u32, key.to_string()));
        }
    }
    out.sort();
    out
}

fn collect_trie(trie: &Trie, automaton: WithinDistance<'_>, query: &str) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = trie
        .search(&automaton, automaton.min_key_len())
        .into_iter()
        .filter(|(key, _)| key != query.as_bytes())
        .filter_map(|(key, rank)| Some((rank, String::from_utf8(key).ok()?)))
        .collect();
    out.sort();
    out
}

/// The embedded popular-names list (its maps are opened on first use, which reads only their
/// headers).
pub fn popular() -> &'static PopularNames {
    static POPULAR: OnceLock<PopularNames> = OnceLock::new();
    POPULAR.get_or_init(PopularNames::open)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_the_list() {
        let p = popular();
        assert_eq!(p.len(), 17_338);
        assert_eq!(p.rank("semver"), Some(1));
        assert_eq!(p.name(1), Some("semver"));
        assert_eq!(p.rank("lodahs"), None);
        assert_eq!(p.rank("JSONStream"), p.rank("jsonstream"));
        let last = p.name(17_338).unwrap();
        assert_eq!(p.rank(last), Some(17_338));
    }

    /// The trie walk finds exactly what the `fst` stream finds, for names of the list and
    /// slips of them, anchored and not, at both distances.
    #[test]
    fn trie_search_matches_the_fst_search() {
        let p = popular();
        let mut queries: Vec<String> = Vec::new();
        for rank in (1..=p.len() as u32).step_by(97) {
            let name = p.name(rank).unwrap().to_ascii_lowercase();
            let mut swapped = name.clone().into_bytes();
            if swapped.len() > 3 {
                swapped.swap(1, 2);
            }
            queries.push(String::from_utf8(swapped).unwrap());
            queries.push(format!("{name}s"));
            queries.push(name[1..].to_string());
            queries.push(name);
        }
        queries.extend(["lodahs", "expres", "reactt", "", "a", "@typess/node"].map(String::from));
        let mut total = 0;
        for q in &queries {
            for max in [1, 2] {
                let plain = WithinDistance::new(q.as_bytes(), max);
                let anchored = WithinDistance::new(q.as_bytes(), max).anchored();
                let a = collect_trie(&p.names_trie, plain.clone(), q);
                assert_eq!(a, collect_within(&p.names, plain, q), "{q} {max}");
                let b = collect_trie(&p.names_trie, anchored.clone(), q);
                assert_eq!(
                    b,
                    collect_within(&p.names, anchored, q),
                    "{q} {max} anchored"
                );
                total += a.len() + b.len();
            }
        }
        assert!(
            queries.len() > 700 && total > 1000,
            "{} {total}",
            queries.len()
        );
    }

    #[test]
    fn fuzzy_search() {
        let hits = popular().within("lodahs", 1);
        assert!(hits.iter().any(|(_, n)| n == "lodash"), "{hits:?}");
        assert!(
            popular()
                .scopes_within("typess", 1)
                .iter()
                .any(|(_, s)| s == "types")
        );
        assert_eq!(
            popular().rank_of_skeleton("crossenv"),
            popular().rank("cross-env")
        );
        assert_eq!(
            popular().rank_of_canonical("mocha"),
            popular().rank("mocha")
        );
    }
}
