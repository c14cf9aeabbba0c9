//! `metadata/typosquat`: names that are not popular themselves but are one slip away from a
//! popular one.

use crate::popular::{popular, skeleton};
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::{DependencyGraph, Source};
use serde::Serialize;
use std::collections::HashSet;

declare_rule! {
    /// A package name that looks like a typo of a popular package's name.
    ///
    /// ## What it detects
    /// Names that are not in the pinned popular list (the top 10,000 of `npm-high-impact` by
    /// downloads) but are close to a name that is: Damerau–Levenshtein distance 1 (2 for names
    /// of 10 or more characters), the same name with separators or the scope changed
    /// (`crossenv` for `cross-env`, `types-node` for `@types/node`), a popular name with a
    /// `-js`/`.js`/`js`/`-node` suffix or `node-`/`js-`/`nodejs-` prefix (`cross-env.js`), or a
    /// popular name written with look-alike characters (`rn` for `m`, `0` for `o`, `1` for `l`).
    /// The closest match with the best download rank is reported.
    ///
    /// ## Why it matters
    /// Typosquats are the commonest way malware reaches npm users: `crossenv` (2017) stole
    /// environment variables from everyone who mistyped `cross-env`; `discordi.js`, `electorn`,
    /// `mongose` and `lodahs` followed the same pattern.
    ///
    /// ## Example
    /// A lockfile entry `node_modules/crossenv` with version `6.1.1`.
    ///
    /// ## Known false positives
    /// Legitimate small packages whose names happen to be near a popular one. The rule never
    /// flags a name that is popular itself (so `preact`, `react-dom`, `oxlint`, `lodash.pick`,
    /// `ws`, `ms` pass), ignores names shorter than 4 characters for edit distance, ignores
    /// edits that only change digits (`vue2`/`vue3`-style variants), and honours the policy's
    /// `typosquat_allowlist`. In an existing lockfile most such names are long-established
    /// packages (`hyperquest`, `wcwidth.js`, `regenerator` on 9 of 17 real corpus projects),
    /// so the graph-wide check reports at medium unless the look-alike target is among the
    /// 1,000 most downloaded packages; vetting a single new spec (`check`, `install`) stays
    /// high.
    pub static TYPOSQUAT = { id: "metadata/typosquat", severity: Severity::High };
}

/// How a name resembles a popular one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SquatKind {
    /// Damerau–Levenshtein distance 1 or 2 (insertion, deletion, substitution, transposition).
    EditDistance,
    /// Same letters, separators (`-`, `_`, `.`) added or removed.
    Separator,
    /// A scoped name written unscoped or the other way round (`types-node` for `@types/node`).
    Scope,
    /// A popular name with a common prefix or suffix (`-js`, `.js`, `node-`).
    Affix,
    /// Look-alike characters (`rn`→`m`, `0`→`o`, `1`→`l`/`i`, `vv`→`w`).
    Homoglyph,
}

/// A name that looks like a popular package's name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TyposquatMatch {
    /// The name checked, as given.
    pub name: String,
    /// The popular name it resembles.
    pub target: String,
    /// The target's 1-based download rank in the pinned list.
    pub target_rank: u32,
    pub kind: SquatKind,
    /// Edit distance between the two names (after removing separators for
    /// [`SquatKind::Separator`]/[`SquatKind::Scope`]: 0).
    pub distance: u8,
    /// Popularity ratio estimate: (list length + 1) / target rank. The name checked is not in
    /// the list, so it ranks below the last entry; the ratio is a lower bound.
    pub popularity_ratio: f64,
}

/// Minimum length (characters) of a name for edit-distance matching: shorter
/// names are dense (`chai`/`chat`, `cuid`/`uuid`, `ws`/`ms` are all one edit apart).
const MIN_EDIT_LEN: usize = 5;
/// Names of at least this many characters may be 2 edits away.
const LONG_NAME: usize = 10;
/// Scope and separator confusions are only reported against the most popular targets: npm has
/// refused new names that differ from an existing one only in punctuation since 2017, so the
/// collisions below this rank are old, legitimate packages (`json-2-csv`/`json2csv`,
/// `babel-plugin-*` before `@babel/plugin-*`).
const SKELETON_TARGET_RANK: u32 = 1_000;

const SUFFIXES: [&str; 4] = [".js", "-js", "js", "-node"];
const PREFIXES: [&str; 3] = ["node-", "js-", "nodejs-"];
const HOMOGLYPHS: [(&str, &str); 5] =
    [("rn", "m"), ("0", "o"), ("1", "l"), ("1", "i"), ("vv", "w")];

/// Checks one package name against the popular list (no allowlist).
///
/// Returns `None` for names in the list and names not close to any popular name.
pub fn typosquat(name: &str) -> Option<TyposquatMatch> {
    typosquat_with_allowlist(name, &[])
}

/// Like [`typosquat`], but never flags a name in `allowlist` (case-insensitive).
///
/// `name` may be a spec as typed on a command line (`lodahs@^4`, `@types/nodee@latest`): the
/// part after the version `@` is ignored.
pub fn typosquat_with_allowlist(name: &str, allowlist: &[String]) -> Option<TyposquatMatch> {
    let name = spec_name(name.trim());
    let lower = name.to_ascii_lowercase();
    if lower.is_empty() || allowlist.iter().any(|a| a.eq_ignore_ascii_case(&lower)) {
        return None;
    }
    let list = popular();
    if list.rank(&lower).is_some() {
        return None;
    }
    let candidates = [
        homoglyph(&lower),
        separator_or_scope(&lower),
        affix(&lower),
        edit_distance(&lower),
    ];
    let (rank, target, kind, distance) = candidates.into_iter().flatten().min_by_key(|c| c.0)?;
    Some(TyposquatMatch {
        name: name.to_string(),
        target,
        target_rank: rank,
        kind,
        distance,
        popularity_ratio: (list.len() as f64 + 1.0) / f64::from(rank),
    })
}

type Candidate = (u32, String, SquatKind, u8);

/// The package name of a spec: `name@range` → `name`, `@scope/name@tag` → `@scope/name`.
fn spec_name(spec: &str) -> &str {
    let from = usize::from(spec.starts_with('@'));
    match spec[from..].find('@') {
        Some(i) => &spec[..from + i],
        None => spec,
    }
}

fn homoglyph(name: &str) -> Option<Candidate> {
    HOMOGLYPHS
        .iter()
        .filter(|(from, _)| name.contains(from))
        .filter_map(|(from, to)| {
            let target = name.replace(from, to);
            let rank = popular().rank(&target)?;
            Some((rank, target, SquatKind::Homoglyph, 0))
        })
        .min_by_key(|c| c.0)
}

fn separator_or_scope(name: &str) -> Option<Candidate> {
    let skel = skeleton(name);
    if skel.len() < MIN_EDIT_LEN {
        return None;
    }
    let rank = popular().rank_of_skeleton(&skel)?;
    if rank > SKELETON_TARGET_RANK {
        return None;
    }
    let target = popular().name(rank)?.to_string();
    let (candidate_scope, target_scope) = (scope(name), scope(&target));
    if candidate_scope.is_some() && candidate_scope == target_scope {
        // The scope's owner published both (`@types/koa-router`, `@types/koa__router`).
        return None;
    }
    let kind = if candidate_scope.is_some() != target_scope.is_some() {
        SquatKind::Scope
    } else {
        SquatKind::Separator
    };
    Some((rank, target, kind, 0))
}

fn affix(name: &str) -> Option<Candidate> {
    let stripped_suffixes = SUFFIXES.iter().filter_map(|s| name.strip_suffix(s));
    let stripped_prefixes = PREFIXES.iter().filter_map(|p| name.strip_prefix(p));
    stripped_suffixes
        .chain(stripped_prefixes)
        .filter(|base| base.len() >= 4)
        .filter_map(|base| {
            let rank = popular().rank(base)?;
            Some((rank, base.to_string(), SquatKind::Affix, 0))
        })
        .min_by_key(|c| c.0)
}

fn edit_distance(name: &str) -> Option<Candidate> {
    // Full names: same-scope pairs are never compared (see `scope_publishes_popular`), so an
    // edit between scoped names is in the scope itself and the scope counts.
    let len = name.chars().count();
    if len < MIN_EDIT_LEN {
        return None;
    }
    let max = if len >= LONG_NAME { 2 } else { 1 };
    popular()
        .within(name, max)
        .into_iter()
        .filter(|(_, target)| target.chars().count() >= MIN_EDIT_LEN)
        .filter(|(_, target)| !scope_publishes_popular(name, target))
        .filter_map(|(rank, target)| {
            let d = damerau(name, &target);
            typo_like(name, &target, d).then_some((rank, target, SquatKind::EditDistance, d as u8))
        })
        .min_by_key(|c| c.0)
}

/// Whether an edit of distance `d` between a name and a popular name looks like a typo rather
/// than a different word or a sibling package:
/// - not a change of digits (`vue2`/`vue3`, `jsonp`/`json5`, `enzyme-adapter-react-15`);
/// - not a plural (`options`/`option`), unless the popular name already ends in `s`
///   (`expresss`, `axioss` are doubled letters, not plurals);
/// - not an edit at the start of the name or of a word (`preact`/`react`, `tslint-loader`/
///   `eslint-loader`, `react-emotion`/`react-motion`): people mistype inside words;
/// - not a different short word (≤ 3 letters) in an otherwise equal compound name
///   (`express-ws`/`express-jwt`, `pug-loader`/`vue-loader`);
/// - for distance 2: not a block added at either end (`lodash.unescape`/`lodash.escape`), and
///   the word that differs has at least 6 letters;
/// - not the same letters with the scope moved (`@babel/standalone`/`babel-standalone`): that
///   is a scope confusion, judged by [`separator_or_scope`].
fn typo_like(name: &str, target: &str, d: usize) -> bool {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    if digits(name) != digits(target) {
        return false;
    }
    if (scope(name).is_some() != scope(target).is_some()) && skeleton(name) == skeleton(target) {
        return false;
    }
    let (long, short) = if name.len() >= target.len() {
        (name, target)
    } else {
        (target, name)
    };
    if long.len() == short.len() + 1 && long == format!("{short}s") && !short.ends_with('s') {
        return false;
    }
    if d >= 2 && long.len() == short.len() + d && (long.starts_with(short) || long.ends_with(short))
    {
        return false;
    }
    if edit_at_word_start(name, target) {
        return false;
    }
    match differing_words(name, target) {
        Some((a, b)) if a.len().min(b.len()) <= 3 => false,
        Some((a, b)) if d >= 2 => a.len().max(b.len()) >= 6,
        _ => true,
    }
}

/// Whether the first difference between the names is at the start of the name or right after a
/// separator, and is not a swap of the first two letters of that word.
fn edit_at_word_start(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let at_word_start = p == 0 || matches!(a[p - 1], b'-' | b'_' | b'.' | b'/' | b'@');
    if !at_word_start {
        return false;
    }
    let swapped = a.len() > p + 1 && b.len() > p + 1 && a[p] == b[p + 1] && a[p + 1] == b[p];
    !swapped
}

/// When both names have the same words (split on `-`, `_`, `.`, `/`, `@`) except one, that
/// pair of words.
fn differing_words<'a>(a: &'a str, b: &'a str) -> Option<(&'a str, &'a str)> {
    let split = |s: &'a str| -> Vec<&'a str> {
        s.split(['-', '_', '.', '/', '@'])
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (wa, wb) = (split(a), split(b));
    if wa.len() != wb.len() {
        return None;
    }
    let mut diffs = wa.iter().zip(&wb).filter(|(x, y)| x != y);
    let first = diffs.next()?;
    diffs.next().is_none().then_some((*first.0, *first.1))
}

/// A scoped name whose scope is the target's scope or already publishes popular packages
/// (`@nuxtjs/…` next to `@nuxt/…`) belongs to an organisation that owns that scope: npm only
/// lets a scope's owner publish into it, so it is not a squat of a name in another scope.
fn scope_publishes_popular(name: &str, target: &str) -> bool {
    match scope(name) {
        Some(s) => scope(target) == Some(s) || popular().has_scope(s),
        None => false,
    }
}

/// The scope of a scoped name without `@` (`@types/node` → `types`).
fn scope(name: &str) -> Option<&str> {
    name.strip_prefix('@')?.split_once('/').map(|(s, _)| s)
}

/// Optimal string alignment (restricted Damerau–Levenshtein) distance.
fn damerau(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
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

/// Runs the rule over every registry package name in the graph: one finding per distinct
/// name, at the first node's lockfile line.
pub fn check(graph: &DependencyGraph, allowlist: &[String]) -> Vec<Finding> {
    let file = graph.lockfile.path.display().to_string();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for package in &graph.packages {
        if !matches!(package.source, Source::Registry { .. }) || !seen.insert(package.name.as_str())
        {
            continue;
        }
        let Some(m) = typosquat_with_allowlist(&package.name, allowlist) else {
            continue;
        };
        let severity = if m.target_rank <= LOCKED_HIGH_RANK {
            Severity::High
        } else {
            Severity::Medium
        };
        out.push(
            finding(&m, &package.version)
                .severity(severity)
                .at(file.clone(), package.location.line),
        );
    }
    out
}

/// In a lockfile, a look-alike of a package at or above this download rank stays high.
pub const LOCKED_HIGH_RANK: u32 = 1000;

/// The finding for a match, about `name@version`.
pub fn finding(m: &TyposquatMatch, version: &str) -> Finding {
    let message = format!(
        "`{}` looks like a typo of the popular package `{}` (download rank {}, {})",
        m.name,
        m.target,
        m.target_rank,
        kind_phrase(m.kind)
    );
    Finding::new(&TYPOSQUAT, message)
        .package(&m.name, version)
        .evidence(serde_json::to_value(m).unwrap_or_default())
}

fn kind_phrase(kind: SquatKind) -> &'static str {
    match kind {
        SquatKind::EditDistance => "a character added, removed, changed or swapped",
        SquatKind::Separator => "separators added or removed",
        SquatKind::Scope => "the scope removed or added",
        SquatKind::Affix => "a common prefix or suffix added",
        SquatKind::Homoglyph => "look-alike characters",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_words_are_not_typos() {
        // Popular names are exempt anyway; these check the heuristics themselves.
        assert!(!typo_like("preact", "react", 1));
        assert!(!typo_like("tslint-loader", "eslint-loader", 1));
        assert!(!typo_like("express-ws", "express-jwt", 2));
        assert!(!typo_like("options", "option", 1));
        assert!(!typo_like("vue3", "vue2", 1));
        assert!(!typo_like("lodash.unescape", "lodash.escape", 2));
        assert!(typo_like("lodahs", "lodash", 1));
        assert!(typo_like("crossenv", "cross-env", 1));
        // oxlint is two edits from eslint: beyond the distance allowed for 6 characters.
        assert!(
            popular()
                .within("oxlint", 1)
                .iter()
                .all(|(_, n)| n != "eslint")
        );
    }

    /// In a lockfile, a look-alike of a top-1,000 package is high; of a rarer one, medium.
    #[test]
    fn locked_look_alikes_of_rare_targets_are_medium() {
        use diligence_graph::{Location, LockfileFormat, LockfileInfo, Package};
        let mut g = DependencyGraph::new(LockfileInfo {
            path: "yarn.lock".into(),
            format: LockfileFormat::YarnClassic,
            version: "1".into(),
        });
        for (i, name) in ["lodahs", "hyperquest"].into_iter().enumerate() {
            g.add_package(Package {
                name: name.into(),
                version: "1.0.0".into(),
                source: Source::Registry { resolved: None },
                integrity: None,
                dev: false,
                optional: false,
                peer: false,
                has_install_script: false,
                dependencies: Vec::new(),
                key: name.into(),
                location: Location {
                    line: 10 * (i as u32 + 1),
                    ..Location::default()
                },
            });
        }
        let found: Vec<(String, Severity, u32)> = check(&g, &[])
            .into_iter()
            .map(|f| {
                (
                    f.package.unwrap().name,
                    f.severity,
                    f.location.unwrap().line,
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ("lodahs".to_string(), Severity::High, 10),
                ("hyperquest".to_string(), Severity::Medium, 20)
            ]
        );
        // A single new spec stays high whatever the target's rank.
        let m = typosquat("hyperquest").expect("look-alike of hyparquet");
        assert_eq!(finding(&m, "1.2.0").severity, Severity::High);
    }

    #[test]
    fn specs_are_reduced_to_names() {
        assert_eq!(spec_name("lodahs@^4.17.0"), "lodahs");
        assert_eq!(spec_name("@types/nodee@latest"), "@types/nodee");
        assert_eq!(spec_name("@types/node"), "@types/node");
        assert_eq!(
            typosquat("axois@1.7.0").map(|m| m.name),
            Some("axois".to_string())
        );
    }

    #[test]
    fn damerau_counts_transpositions_once() {
        assert_eq!(damerau("lodash", "lodahs"), 1);
        assert_eq!(damerau("axios", "axois"), 1);
        assert_eq!(damerau("abc", "abc"), 0);
    }
}
