//! The pinned list of popular npm package names (`data/popular-npm.txt`, all 15,916
//! names of `npm-high-impact@1.13.0`'s `topDownload`, MIT) and the indexes the typosquat rule
//! searches: an fst map name → rank, and a map from a name's skeleton (separators and scope
//! punctuation removed) to the best-ranked popular name with that skeleton.

use fst::{IntoStreamer, Map, MapBuilder, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded list, one name per line, most downloaded first (line number = rank).
const POPULAR_NAMES: &str = include_str!("../data/popular-npm.txt");

/// Popular names and their search indexes. Ranks are 1-based (1 = most downloaded).
pub struct PopularNames {
    /// Names in rank order (index 0 = rank 1), lowercased.
    names: Vec<String>,
    /// Lowercased name → rank.
    map: Map<Vec<u8>>,
    /// Skeleton → rank of the best-ranked popular name with that skeleton.
    skeletons: HashMap<String, u32>,
    /// Scopes (without `@`) that publish at least one popular package.
    scopes: std::collections::HashSet<String>,
    /// Damerau–Levenshtein automata builders for distance 1 and 2.
    /// Built on first use: the distance-2 builder alone costs tens of ms.
    lev1: OnceLock<LevenshteinAutomatonBuilder>,
    lev2: OnceLock<LevenshteinAutomatonBuilder>,
}

impl PopularNames {
    fn build() -> PopularNames {
        let names: Vec<String> = POPULAR_NAMES
            .lines()
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| !l.is_empty())
            .collect();
        let mut sorted: Vec<(&str, u64)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i as u64 + 1))
            .collect();
        sorted.sort();
        sorted.dedup_by(|a, b| a.0 == b.0);
        let mut builder = MapBuilder::memory();
        for (name, rank) in &sorted {
            // Keys are sorted and deduplicated above, so insertion cannot fail.
            let _ = builder.insert(name, *rank);
        }
        let map = builder.into_map();
        let mut skeletons = HashMap::new();
        for (i, name) in names.iter().enumerate() {
            skeletons.entry(skeleton(name)).or_insert(i as u32 + 1);
        }
        let scopes = names
            .iter()
            .filter_map(|n| {
                n.strip_prefix('@')?
                    .split_once('/')
                    .map(|(s, _)| s.to_string())
            })
            .collect();
        PopularNames {
            scopes,
            names,
            map,
            skeletons,
            lev1: OnceLock::new(),
            lev2: OnceLock::new(),
        }
    }

    /// Number of names in the list.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the list is empty (never, for the embedded list).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The 1-based download rank of `name` (case-insensitive), when it is in the list.
    pub fn rank(&self, name: &str) -> Option<u32> {
        self.map.get(name.to_ascii_lowercase()).map(|r| r as u32)
    }

    /// The name at a 1-based rank.
    pub fn name(&self, rank: u32) -> Option<&str> {
        self.names
            .get((rank as usize).checked_sub(1)?)
            .map(String::as_str)
    }

    /// Whether the scope (without `@`) publishes at least one popular package.
    pub fn has_scope(&self, scope: &str) -> bool {
        self.scopes.contains(scope)
    }

    /// The best rank among popular names with this skeleton (see [`skeleton`]).
    pub fn rank_of_skeleton(&self, skeleton: &str) -> Option<u32> {
        self.skeletons.get(skeleton).copied()
    }

    /// Popular names within Damerau–Levenshtein `distance` (1 or 2) of `name` (lowercased), as
    /// `(rank, name)` pairs in rank order. `name` itself is not returned.
    pub fn within(&self, name: &str, distance: u8) -> Vec<(u32, String)> {
        let lower = name.to_ascii_lowercase();
        let builder = if distance >= 2 {
            self.lev2
                .get_or_init(|| LevenshteinAutomatonBuilder::new(2, true))
        } else {
            self.lev1
                .get_or_init(|| LevenshteinAutomatonBuilder::new(1, true))
        };
        let dfa = builder.build_dfa(&lower);
        let mut stream = self.map.search(&dfa).into_stream();
        let mut out = Vec::new();
        while let Some((key, rank)) = stream.next() {
            let Ok(key) = std::str::from_utf8(key) else {
                continue;
            };
            if key != lower {
                out.push((rank as u32, key.to_string()));
            }
        }
        out.sort();
        out
    }
}

/// A name with its scope punctuation and separators removed and lowercased:
/// `@types/node` → `typesnode`, `cross-env` → `crossenv`, `lodash.pick` → `lodashpick`.
pub fn skeleton(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '@' | '/' | '-' | '_' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The embedded popular-names list, built on first use (~10 ms).
pub fn popular() -> &'static PopularNames {
    static POPULAR: OnceLock<PopularNames> = OnceLock::new();
    POPULAR.get_or_init(PopularNames::build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_the_list() {
        let p = popular();
        assert_eq!(p.len(), 15_916);
        assert_eq!(p.rank("semver"), Some(1));
        assert_eq!(p.name(1), Some("semver"));
        assert_eq!(p.rank("lodahs"), None);
    }

    #[test]
    fn fuzzy_search() {
        let hits = popular().within("lodahs", 1);
        assert!(hits.iter().any(|(_, n)| n == "lodash"), "{hits:?}");
    }
}
