//! The edits that turn a popular name into a candidate (an optimal-string-alignment path) and
//! what each edit looks like to a person typing: a swapped pair, a doubled or dropped letter,
//! a neighbouring key, a separator — or a change that makes another word.

use serde::Serialize;

/// One edit from the popular name (target) to the candidate. Positions are character indexes:
/// in the candidate for [`Edit::Added`], in the target otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Edit {
    /// The target's `first second` at `at` reads `second first`.
    Swapped {
        at: usize,
        first: char,
        second: char,
    },
    /// The candidate has `ch` at `at` that the target lacks.
    Added { at: usize, ch: char },
    /// The target's `ch` at `at` is missing.
    Dropped { at: usize, ch: char },
    /// The target's `from` at `at` reads `to`.
    Replaced { at: usize, from: char, to: char },
}

/// What an edit looks like, from most to least typo-like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditClass {
    /// Two adjacent letters swapped (`lodahs`).
    Swapped,
    /// A letter typed twice (`expresss`, `jquerry`).
    Doubled,
    /// One of a double letter left out (`mongose`, `pupeteer`).
    DroppedDouble,
    /// A letter left out inside a word (`electon`, `exprss`), or a brand's digit (`web-eth`).
    Dropped,
    /// A letter added inside a word (`webb3`).
    Added,
    /// A digit for the letter it resembles (`l0dash`, `1odash`).
    Homoglyph,
    /// A letter replaced by its neighbour on a QWERTY keyboard, inside a word.
    NeighbourKey,
    /// A separator (`-`, `_`, `.`) added, dropped or swapped for another.
    Separator,
    /// A letter appended to a word, or a digit: usually another word, a plural or a series
    /// (`expresso`, `https-proxy-agent`, `react-dnd11`).
    Appended,
    /// The last letter of a word dropped: usually another word, a singular or the name without
    /// its series number (`inherit`, `d3-time`, `tinycolor`).
    Truncated,
    /// An edit at the start of a word: another word (`preact`, `tslint-loader`).
    WordStart,
    /// The last letter replaced: usually another word (`immediato`, `matched`).
    LastLetter,
    /// Any other replacement (letters far apart on the keyboard), or digits changed.
    Replaced,
}

/// How sure a match is a typing slip (or a squatter's pattern) rather than another word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Usually another word, a plural or a series: `expresso`, `inherit`, `preact`.
    Weak,
    /// A slip, but also how many legitimate packages are named: a neighbouring key
    /// (`stylus`/`stylis`), separators (`camelcase`/`camel-case`), an affix (`wcwidth.js`),
    /// an unscoped spelling of a scoped name (`types-react`).
    Moderate,
    /// The slips squatters register: a swapped pair, a doubled, dropped or added letter inside
    /// a word, a homoglyph, a scope one edit from a popular scope.
    Strong,
}

impl EditClass {
    /// The confidence one edit of this class gives.
    pub fn confidence(self) -> Confidence {
        match self {
            EditClass::Swapped
            | EditClass::Doubled
            | EditClass::DroppedDouble
            | EditClass::Dropped
            | EditClass::Added
            | EditClass::Homoglyph => Confidence::Strong,
            EditClass::NeighbourKey | EditClass::Separator => Confidence::Moderate,
            EditClass::Appended
            | EditClass::Truncated
            | EditClass::WordStart
            | EditClass::LastLetter
            | EditClass::Replaced => Confidence::Weak,
        }
    }

    /// A short phrase for messages: "`s` doubled", "`ah` swapped".
    pub fn describe(self, edit: &Edit) -> String {
        match (self, edit) {
            (_, Edit::Swapped { first, second, .. }) => format!("`{first}{second}` swapped"),
            (EditClass::Doubled, Edit::Added { ch, .. }) => format!("`{ch}` doubled"),
            (EditClass::Separator, Edit::Added { ch, .. }) => format!("`{ch}` added"),
            (EditClass::Appended, Edit::Added { ch, .. }) => format!("`{ch}` appended"),
            (_, Edit::Added { ch, .. }) => format!("`{ch}` added"),
            (EditClass::DroppedDouble, Edit::Dropped { ch, .. }) => {
                format!("one `{ch}` of `{ch}{ch}` dropped")
            }
            (_, Edit::Dropped { ch, .. }) => format!("`{ch}` dropped"),
            (EditClass::NeighbourKey, Edit::Replaced { from, to, .. }) => {
                format!("`{to}` for the neighbouring key `{from}`")
            }
            (EditClass::Homoglyph, Edit::Replaced { from, to, .. }) => {
                format!("`{to}` that looks like `{from}`")
            }
            (_, Edit::Replaced { from, to, .. }) => format!("`{to}` for `{from}`"),
        }
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, '-' | '_' | '.' | '/' | '@')
}

/// The edits of one optimal alignment of `target` → `candidate` (restricted
/// Damerau–Levenshtein), in target order. Ties prefer a match, then a swap, then a
/// replacement, then an added or dropped character.
pub fn align(target: &str, candidate: &str) -> Vec<Edit> {
    let a: Vec<char> = target.chars().collect();
    let b: Vec<char> = candidate.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
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
    let (mut i, mut j) = (n, m);
    let mut edits = Vec::new();
    while i > 0 || j > 0 {
        if i > 0 && j > 0 && a[i - 1] == b[j - 1] && d[i][j] == d[i - 1][j - 1] {
            i -= 1;
            j -= 1;
        } else if i > 1
            && j > 1
            && a[i - 1] == b[j - 2]
            && a[i - 2] == b[j - 1]
            && d[i][j] == d[i - 2][j - 2] + 1
        {
            edits.push(Edit::Swapped {
                at: i - 2,
                first: a[i - 2],
                second: a[i - 1],
            });
            i -= 2;
            j -= 2;
        } else if i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + 1 {
            edits.push(Edit::Replaced {
                at: i - 1,
                from: a[i - 1],
                to: b[j - 1],
            });
            i -= 1;
            j -= 1;
        } else if j > 0 && d[i][j] == d[i][j - 1] + 1 {
            edits.push(Edit::Added {
                at: j - 1,
                ch: b[j - 1],
            });
            j -= 1;
        } else {
            edits.push(Edit::Dropped {
                at: i - 1,
                ch: a[i - 1],
            });
            i -= 1;
        }
    }
    edits.reverse();
    edits
}

/// Classifies one edit of `target` → `candidate` (see [`EditClass`]).
pub fn classify(edit: &Edit, target: &str, candidate: &str) -> EditClass {
    let a: Vec<char> = target.chars().collect();
    let b: Vec<char> = candidate.chars().collect();
    let word_start = |s: &[char], at: usize| at == 0 || is_separator(s[at - 1]);
    match *edit {
        Edit::Swapped { .. } => EditClass::Swapped,
        Edit::Added { at, ch } => {
            let word_end = at + 1 == b.len() || is_separator(b[at + 1]);
            if is_separator(ch) {
                EditClass::Separator
            } else if ch.is_ascii_digit() {
                EditClass::Appended
            } else if (at > 0 && b[at - 1] == ch) || b.get(at + 1) == Some(&ch) {
                EditClass::Doubled
            } else if word_end {
                EditClass::Appended
            } else if word_start(&b, at) {
                EditClass::WordStart
            } else {
                EditClass::Added
            }
        }
        Edit::Dropped { at, ch } => {
            let word_end = at + 1 == a.len() || is_separator(a[at + 1]);
            if is_separator(ch) {
                EditClass::Separator
            } else if (at > 0 && a[at - 1] == ch) || a.get(at + 1) == Some(&ch) {
                EditClass::DroppedDouble
            } else if at + 1 == a.len() || (word_end && !ch.is_ascii_digit()) {
                EditClass::Truncated
            } else if word_start(&a, at) {
                EditClass::WordStart
            } else {
                EditClass::Dropped
            }
        }
        Edit::Replaced { at, from, to } => {
            if is_separator(from) && is_separator(to) {
                EditClass::Separator
            } else if matches!((from, to), ('o', '0') | ('l', '1') | ('i', '1')) {
                EditClass::Homoglyph
            } else if from.is_ascii_digit() || to.is_ascii_digit() {
                EditClass::Replaced
            } else if word_start(&a, at) {
                EditClass::WordStart
            } else if at + 1 == a.len() {
                EditClass::LastLetter
            } else if keyboard_neighbours(from, to) {
                EditClass::NeighbourKey
            } else {
                EditClass::Replaced
            }
        }
    }
}

/// Whether two letters are adjacent on a QWERTY keyboard (same row, or the row above or below
/// with the usual half-key stagger).
pub fn keyboard_neighbours(x: char, y: char) -> bool {
    const ROWS: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
    let find = |c: char| {
        ROWS.iter()
            .enumerate()
            .find_map(|(r, row)| row.find(c).map(|i| (r as isize, i as isize)))
    };
    let (Some((rx, ix)), Some((ry, iy))) = (find(x), find(y)) else {
        return false;
    };
    match ry - rx {
        0 => (ix - iy).abs() == 1,
        // The row below is shifted half a key right: key i touches i-1 and i there.
        1 => iy == ix || iy == ix - 1,
        -1 => iy == ix || iy == ix + 1,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(target: &str, candidate: &str) -> Vec<EditClass> {
        align(target, candidate)
            .iter()
            .map(|e| classify(e, target, candidate))
            .collect()
    }

    #[test]
    fn alignments_name_the_slip() {
        assert_eq!(classes("lodash", "lodahs"), [EditClass::Swapped]);
        assert_eq!(classes("express", "expresss"), [EditClass::Doubled]);
        assert_eq!(classes("jquery", "jquerry"), [EditClass::Doubled]);
        assert_eq!(classes("mongoose", "mongose"), [EditClass::DroppedDouble]);
        assert_eq!(classes("electron", "electon"), [EditClass::Dropped]);
        assert_eq!(classes("express", "expresso"), [EditClass::Appended]);
        assert_eq!(
            classes("http-proxy-agent", "https-proxy-agent"),
            [EditClass::Appended]
        );
        assert_eq!(classes("inherits", "inherit"), [EditClass::Truncated]);
        assert_eq!(classes("d3-timer", "d3-time"), [EditClass::Truncated]);
        assert_eq!(classes("web3-eth", "web-eth"), [EditClass::Dropped]);
        assert_eq!(classes("react-dnd", "react-dnd11")[0], EditClass::Appended);
        assert_eq!(classes("react", "preact"), [EditClass::WordStart]);
        assert_eq!(classes("immediate", "immediato"), [EditClass::LastLetter]);
        assert_eq!(classes("cross-env", "crossenv"), [EditClass::Separator]);
        assert_eq!(classes("lodash", "l0dash"), [EditClass::Homoglyph]);
        assert_eq!(classes("webpack", "wezpack"), [EditClass::Replaced]);
        assert_eq!(classes("webpack", "wevpack"), [EditClass::NeighbourKey]);
        assert_eq!(
            classes("puppeteer", "pupeter"),
            [EditClass::DroppedDouble, EditClass::DroppedDouble]
        );
        assert_eq!(
            align("lodash", "lodahs"),
            [Edit::Swapped {
                at: 4,
                first: 's',
                second: 'h'
            }]
        );
    }

    #[test]
    fn keyboard() {
        assert!(keyboard_neighbours('a', 's'));
        assert!(keyboard_neighbours('a', 'q'));
        assert!(keyboard_neighbours('a', 'w'));
        assert!(keyboard_neighbours('a', 'z'));
        assert!(keyboard_neighbours('d', 'r'));
        assert!(!keyboard_neighbours('a', 'p'));
        assert!(!keyboard_neighbours('e', 'o'));
        assert!(!keyboard_neighbours('-', 'a'));
    }
}
