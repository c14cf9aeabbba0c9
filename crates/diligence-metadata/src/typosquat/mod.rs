//! The typosquat model (issue 13): is a package name a look-alike of a popular one, which one,
//! by which edit, and how sure can we be?
//!
//! A name in the pinned popular list ([`crate::popular`]) is never a squat. Any other name is
//! compared with the list in five ways, all through indexes built at compile time:
//!
//! - **edits** — one edit, or two for names of 7 or more characters (optimal string alignment
//!   over the names `fst`): swapped, doubled, dropped or added letters, neighbouring keys;
//! - **separators** — the same letters with `-`, `_`, `.` added, dropped or swapped;
//! - **affixes** — a popular name with `js`/`node` (or `-npm`) before or after it;
//! - **scopes** — an unscoped spelling of a popular scoped name (`types-node`), or a scope that
//!   imitates a popular scope (`@typess/node`, `@typescript_eslinter/eslint`);
//! - **homoglyphs** — `rn`/`m`, `vv`/`w`, `0`/`o`, `1`/`l`/`i`.
//!
//! Each match has a [`Confidence`]: **strong** for the slips squatters register (a swapped
//! pair, a doubled, dropped or added letter inside a word, a homoglyph, a look-alike scope),
//! **moderate** for slips that are also how many legitimate packages are named (a neighbouring
//! key, separators, `js`/`node` affixes, an unscoped spelling of a scoped name), **weak** for
//! differences that usually spell another word (a letter appended to a word, a singular, a
//! change at the start of a word, a replaced last letter, far-apart keys: `expresso`,
//! `inherit`, `preact`, `immediato`). [`severity`] turns that, the target's rank and the
//! context ([`NameContext`]) into a severity.

pub mod edit;

use crate::popular::{
    DIGIT_HOMOGLYPHS, homoglyph_canonical, popular, scope_of, search::osa_distance, skeleton,
};
use diligence_finding::Severity;
pub use edit::Confidence;
use edit::{Edit, EditClass, align, classify};
use serde::Serialize;

/// How a name resembles a popular one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SquatKind {
    /// One or two character edits (see [`TyposquatMatch::edits`]).
    EditDistance,
    /// Same letters, separators (`-`, `_`, `.`) added, removed or swapped.
    Separator,
    /// A scoped name written unscoped, or a scope that imitates a popular scope.
    Scope,
    /// A popular name with a `js`/`node` (or `-npm`) prefix or suffix.
    Affix,
    /// Look-alike characters (`rn`→`m`, `vv`→`w`, `0`→`o`, `1`→`l`/`i`).
    Homoglyph,
}

/// A name that looks like a popular package's name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TyposquatMatch {
    /// The name checked, as given.
    pub name: String,
    /// The popular name it imitates, as the list spells it.
    pub target: String,
    /// The target's 1-based rank in the pinned list (downloads first, then dependents).
    pub target_rank: u32,
    pub kind: SquatKind,
    /// The character edits from the target to the name ([`SquatKind::EditDistance`] and
    /// [`SquatKind::Homoglyph`] with digits); empty for the other kinds.
    pub edits: Vec<Edit>,
    /// How each edit looks (same order as `edits`).
    pub edit_classes: Vec<EditClass>,
    /// Edit distance between the two names (0 for separator, scope and affix matches, which
    /// compare normalised forms).
    pub distance: u8,
    /// How sure the difference is a slip rather than another word (see the module docs).
    pub confidence: Confidence,
    /// What differs, for people: "`sh` swapped", "`-` dropped", "`.js` suffix added".
    pub why: String,
    /// (list length + 1) / target rank: how much more popular the target is than any name
    /// outside the list, at least.
    pub popularity_ratio: f64,
}

/// Where a name comes from, which decides how loud a look-alike is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameContext {
    /// A name a person asked for (`check`, `install`, a direct dependency added in `diff`).
    /// `exists` is whether the registry has it (`None`: not asked).
    Requested { exists: Option<bool> },
    /// A name already in a lockfile or pulled in transitively: mostly long-established
    /// packages, so only typing slips on well-known targets are loud.
    Locked,
}

/// In a lockfile, a strong match on a package at or above this rank is high.
pub const LOCKED_HIGH_RANK: u32 = 10_000;
/// A moderate match on a package at or above this rank is high when a person asks for it.
pub const REQUESTED_MODERATE_HIGH_RANK: u32 = 1_000;
/// … and a `js`/`node` affix of a package at or above this rank: affixes are the classic
/// squat (`jquery.js`, `nodemailer-js`, `mysqljs` in 2017) and rare among established names.
pub const REQUESTED_AFFIX_HIGH_RANK: u32 = 5_000;

/// The severity of a match in a context:
///
/// | context | strong | moderate | weak |
/// |---|---|---|---|
/// | requested, not on the registry ("did you mean") | high | high | high |
/// | requested | high | high (target in the top 1,000; 5,000 for an affix), else medium | low |
/// | locked | high (target in the top 10,000), else low | low | low |
///
/// In a lockfile, moderate matches are low: the registry holds many long-established packages
/// named that way (`camel-case`/`camelcase`, `wcwidth.js`, `electron-notarize` before
/// `@electron/notarize`, React 19's `types-react`), and since 2017 npm refuses new names that
/// differ from an existing one only in punctuation.
pub fn severity(m: &TyposquatMatch, context: NameContext) -> Severity {
    match (context, m.confidence) {
        (
            NameContext::Requested {
                exists: Some(false),
            },
            _,
        ) => Severity::High,
        (NameContext::Requested { .. }, Confidence::Strong) => Severity::High,
        (NameContext::Requested { .. }, Confidence::Moderate)
            if m.target_rank <= REQUESTED_MODERATE_HIGH_RANK
                || (m.kind == SquatKind::Affix && m.target_rank <= REQUESTED_AFFIX_HIGH_RANK) =>
        {
            Severity::High
        }
        (NameContext::Requested { .. }, Confidence::Moderate) => Severity::Medium,
        (NameContext::Locked, Confidence::Strong) if m.target_rank <= LOCKED_HIGH_RANK => {
            Severity::High
        }
        _ => Severity::Low,
    }
}

/// Minimum length of a target for edit matches: shorter names are dense (`chai`/`chat`,
/// `cuid`/`uuid`, `ws`/`ms` are all one edit apart).
const MIN_EDIT_LEN: usize = 5;
/// Minimum length of a candidate for edit matches: a 4-letter name may be a 5-letter target
/// with a letter dropped (`chak` for `chalk`).
const MIN_CANDIDATE_LEN: usize = 4;
/// Both names at least this long may be two edits apart.
const TWO_EDIT_LEN: usize = 7;

const SUFFIXES: [&str; 8] = [".js", "-js", "_js", "js", "-node", ".node", "node", "-npm"];
const PREFIXES: [&str; 6] = ["nodejs-", "node-", "node.", "node_", "node", "js-"];

/// Checks one name against the popular list with npm's exemption: a name in the list is
/// never a squat. `name` may be a spec (`lodahs@^4`): the part after the version `@` is
/// ignored. Returns the most convincing match: typo-like first, then the best-ranked target,
/// then the fewest edits.
pub fn find(name: &str) -> Option<TyposquatMatch> {
    find_with(name, true)
}

/// [`find`] with the exemption of popular names switchable: `exempt_popular = false` judges a
/// popular name against the rest of the list (leave-one-out), which measures the model on
/// real, established near-neighbours (`preact`/`react`, `nanoid`/`nanoid`…).
pub fn find_with(name: &str, exempt_popular: bool) -> Option<TyposquatMatch> {
    let name = spec_name(name.trim());
    let lower = name.to_ascii_lowercase();
    if lower.is_empty() {
        return None;
    }
    let list = popular();
    if exempt_popular && list.rank(&lower).is_some() {
        return None;
    }
    // npm only lets a scope's owner publish into it: a popular scope's packages are its own.
    if scope_of(&lower).is_some_and(|s| list.has_scope(s)) {
        return None;
    }
    let mut best: Option<Candidate> = None;
    for c in [
        homoglyph(&lower),
        separator_or_scope(&lower),
        affix(&lower),
        look_alike_scope(&lower),
    ]
    .into_iter()
    .flatten()
    .chain(edits(&lower))
    {
        if best.as_ref().is_none_or(|b| c.better_than(b)) {
            best = Some(c);
        }
    }
    let c = best?;
    let target = list.name(c.rank)?.to_string();
    Some(TyposquatMatch {
        name: name.to_string(),
        why: c.why,
        target,
        target_rank: c.rank,
        kind: c.kind,
        distance: c.distance,
        confidence: c.confidence,
        edits: c.edits,
        edit_classes: c.classes,
        popularity_ratio: (list.len() as f64 + 1.0) / f64::from(c.rank),
    })
}

/// A possible match before the best one is chosen.
struct Candidate {
    rank: u32,
    kind: SquatKind,
    distance: u8,
    confidence: Confidence,
    why: String,
    edits: Vec<Edit>,
    classes: Vec<EditClass>,
}

impl Candidate {
    fn plain(rank: u32, kind: SquatKind, confidence: Confidence, why: String) -> Candidate {
        Candidate {
            rank,
            kind,
            distance: 0,
            confidence,
            why,
            edits: Vec::new(),
            classes: Vec::new(),
        }
    }

    fn better_than(&self, other: &Candidate) -> bool {
        let key = |c: &Candidate| (std::cmp::Reverse(c.confidence), c.rank, c.distance);
        key(self) < key(other)
    }
}

/// The package name of a spec: `name@range` → `name`, `@scope/name@tag` → `@scope/name`.
pub fn spec_name(spec: &str) -> &str {
    let from = usize::from(spec.starts_with('@'));
    match spec[from..].find('@') {
        Some(i) => &spec[..from + i],
        None => spec,
    }
}

fn homoglyph(name: &str) -> Option<Candidate> {
    let list = popular();
    let mut forms = vec![homoglyph_canonical(name)];
    for (digit, letter) in DIGIT_HOMOGLYPHS {
        if name.contains(digit) {
            forms.push(homoglyph_canonical(
                &name.replace(digit, &letter.to_string()),
            ));
        }
    }
    forms
        .into_iter()
        .filter_map(|form| {
            let rank = list.rank_of_canonical(&form)?;
            let target = list.name(rank)?.to_ascii_lowercase();
            (target != name).then(|| {
                let why = format!("look-alike characters of `{target}`");
                Candidate::plain(rank, SquatKind::Homoglyph, Confidence::Strong, why)
            })
        })
        .min_by_key(|c| c.rank)
}

fn separator_or_scope(name: &str) -> Option<Candidate> {
    let skel = skeleton(name);
    if skel.len() < MIN_EDIT_LEN {
        return None;
    }
    let list = popular();
    let rank = list.rank_of_skeleton(&skel)?;
    let target = list.name(rank)?;
    if target.eq_ignore_ascii_case(name) {
        return None;
    }
    let (kind, why) = match (scope_of(name), scope_of(target)) {
        (None, Some(scope)) => (
            SquatKind::Scope,
            format!("the scope `@{scope}` written into the name"),
        ),
        (Some(scope), None) => (SquatKind::Scope, format!("a scope `@{scope}` added")),
        _ => (SquatKind::Separator, "separators changed".to_string()),
    };
    Some(Candidate::plain(rank, kind, Confidence::Moderate, why))
}

fn affix(name: &str) -> Option<Candidate> {
    if scope_of(name).is_some() {
        return None;
    }
    let list = popular();
    let stripped = SUFFIXES
        .iter()
        .filter_map(|s| {
            name.strip_suffix(s)
                .map(|b| (b, format!("`{s}` suffix added")))
        })
        .chain(PREFIXES.iter().filter_map(|p| {
            name.strip_prefix(p)
                .map(|b| (b, format!("`{p}` prefix added")))
        }));
    stripped
        .filter(|(base, _)| base.len() >= 4 || (base.len() >= 2 && name.ends_with(".js")))
        .filter_map(|(base, why)| {
            let rank = list.rank(base).or_else(|| {
                list.rank_of_skeleton(&skeleton(base))
                    .filter(|_| base.len() >= 5)
            })?;
            Some(Candidate::plain(
                rank,
                SquatKind::Affix,
                Confidence::Moderate,
                why,
            ))
        })
        .min_by_key(|c| c.rank)
}

/// `@scope/name` whose scope is one or two edits from a popular scope (separators read as
/// `-`): the target is `@popular/name` when that is popular, else the scope's best package.
/// Strong when the name part is popular itself (`@popular/name`, or an unscoped `name`:
/// `@typescript_eslinter/eslint`); else as strong as the scope's edits (`@parse5` is `@parse`
/// with a digit appended: weak).
fn look_alike_scope(name: &str) -> Option<Candidate> {
    let scope = scope_of(name)?;
    let local = name.split_once('/')?.1;
    let query: String = scope
        .chars()
        .map(|c| if matches!(c, '_' | '.') { '-' } else { c })
        .collect();
    let max = match query.len() {
        0..4 => return None,
        4..8 => 1,
        _ => 2,
    };
    let list = popular();
    let mut hits = list.scopes_within(&query, max);
    if query != scope && list.has_scope(&query) {
        hits.push((list.scope_rank(&query)?, query.clone()));
    }
    hits.into_iter()
        .filter(|(_, s)| s != scope)
        .map(|(scope_rank, popular_scope)| {
            let same_name = list.rank(&format!("@{popular_scope}/{local}"));
            let rank = same_name.unwrap_or(scope_rank);
            let confidence = if same_name.is_some() || list.rank(local).is_some() {
                Confidence::Strong
            } else {
                align(&popular_scope, &query)
                    .iter()
                    .map(|e| classify(e, &popular_scope, &query).confidence())
                    .min()
                    .unwrap_or(Confidence::Weak)
            };
            let why = format!("the scope `@{scope}` imitates `@{popular_scope}`");
            Candidate::plain(rank, SquatKind::Scope, confidence, why)
        })
        .max_by_key(|c| (c.confidence, std::cmp::Reverse(c.rank)))
}

fn edits(name: &str) -> Vec<Candidate> {
    let len = name.chars().count();
    if len < MIN_CANDIDATE_LEN || scope_of(name).is_some() {
        return Vec::new();
    }
    // Two edits only where the name starts like the target (see `within_anchored`).
    let max = if len >= TWO_EDIT_LEN { 2 } else { 1 };
    popular()
        .within_anchored(name, max)
        .into_iter()
        .filter_map(|(rank, target)| edit_candidate(name, rank, &target))
        .collect()
}

fn edit_candidate(name: &str, rank: u32, target: &str) -> Option<Candidate> {
    let target_len = target.chars().count();
    if target_len < MIN_EDIT_LEN || scope_of(target).is_some() {
        return None;
    }
    let distance = osa_distance(name.as_bytes(), target.as_bytes());
    if distance >= 2 && target_len < TWO_EDIT_LEN {
        return None;
    }
    let edits = align(target, name);
    let classes: Vec<EditClass> = edits.iter().map(|e| classify(e, target, name)).collect();
    let mut confidence = classes
        .iter()
        .map(|c| c.confidence())
        .min()
        .unwrap_or(Confidence::Weak);
    // Two edits are a slip only when both are; another word is never one.
    if (distance >= 2 && confidence < Confidence::Strong) || other_word(name, target, distance) {
        confidence = Confidence::Weak;
    }
    let why = edits
        .iter()
        .zip(&classes)
        .map(|(e, c)| c.describe(e))
        .collect::<Vec<_>>()
        .join(", ");
    Some(Candidate {
        rank,
        kind: SquatKind::EditDistance,
        distance: distance as u8,
        confidence,
        why,
        edits,
        classes,
    })
}

/// Whether the difference is a different word of a compound name rather than a slip (one
/// edit is judged by its class alone): for two edits, a differing word of 3 letters or fewer
/// (`express-ws`/`express-jwt`, `pug-loader`/`vue-loader`), a block added or removed at either end that is not a repeated letter
/// (`libnpmpublish`/`libnpmpublisher`, but `componentsss` is a slip), or a differing word
/// shorter than 6 letters.
fn other_word(name: &str, target: &str, distance: usize) -> bool {
    let (long, short) = if name.len() >= target.len() {
        (name, target)
    } else {
        (target, name)
    };
    let block = &long[short.len()..];
    let repeats = block.chars().all(|c| short.ends_with(c));
    if distance >= 2
        && long.len() == short.len() + distance
        && (long.starts_with(short) || long.ends_with(short))
        && !repeats
    {
        return true;
    }
    match differing_words(name, target) {
        Some((a, b)) if distance >= 2 && a.len().min(b.len()) <= 3 => true,
        Some((a, b)) if distance >= 2 => a.len().max(b.len()) < 6,
        _ => false,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_are_reduced_to_names() {
        assert_eq!(spec_name("lodahs@^4.17.0"), "lodahs");
        assert_eq!(spec_name("@types/nodee@latest"), "@types/nodee");
        assert_eq!(spec_name("@types/node"), "@types/node");
        assert_eq!(find("axois@1.7.0").map(|m| m.name), Some("axois".into()));
    }

    #[test]
    fn other_words_are_not_slips() {
        assert!(other_word("express-ws", "express-jwt", 2));
        assert!(other_word("libnpmpublisher", "libnpmpublish", 2));
        assert!(!other_word("componentsss", "components", 2));
        assert!(!other_word("lodahs", "lodash", 1));
        assert!(!other_word("wb3-eth", "web3-eth", 1));
    }
}
