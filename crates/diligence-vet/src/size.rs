//! How much there is to read: the size of a full review of a tarball, or of a delta review
//! between two tarballs, in lines.
//!
//! Lines are weighted so that minified code is not "one line": a line of up to
//! [`LINE_WIDTH`] bytes counts once, a longer one once per [`LINE_WIDTH`] bytes (a 60 KB
//! minified bundle line counts 500). A delta counts inserted plus deleted lines (`git diff
//! --stat`'s total) of changed files, and every line of added files; binary files (native
//! addons, WebAssembly, images, archives) are counted apart, as files, since nobody reads
//! them line by line.

use diligence_analyze::PackageFile;
use diligence_analyze::classify::classify;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Bytes per counted line.
pub const LINE_WIDTH: usize = 120;

/// Longest time spent diffing one file before taking a less minimal diff (similar's
/// deadline): the count stays an upper bound.
const DIFF_DEADLINE: Duration = Duration::from_millis(250);

/// The size of a review.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ReviewSize {
    /// Weighted lines to read: `added + removed` for a delta, all lines for a full review.
    pub lines: u64,
    /// Weighted lines inserted (new files and changed files).
    pub added: u64,
    /// Weighted lines deleted from changed files (removed files are not counted: there is
    /// nothing left to review in them).
    pub removed: u64,
    /// Text files to read (added or changed for a delta).
    pub files: usize,
    /// Binary files added or changed (or present, for a full review).
    pub binaries: usize,
}

impl ReviewSize {
    /// `1,234 lines` plus `, 2 binaries` when there are some.
    pub fn describe(&self) -> String {
        let mut s = format!("{} lines", thousands(self.lines));
        if self.binaries > 0 {
            s.push_str(&format!(
                ", {} binar{}",
                self.binaries,
                if self.binaries == 1 { "y" } else { "ies" }
            ));
        }
        s
    }
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn is_binary(f: &PackageFile) -> bool {
    !classify(&f.path, &f.bytes).is_text()
}

fn weight(line: &[u8]) -> u64 {
    let len = line.len();
    if len <= LINE_WIDTH {
        1
    } else {
        len.div_ceil(LINE_WIDTH) as u64
    }
}

fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut v: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    if v.last().is_some_and(|l| l.is_empty()) {
        v.pop();
    }
    v
}

/// The size of reading every file of a package.
pub fn full_size(files: &[PackageFile]) -> ReviewSize {
    let mut size = ReviewSize::default();
    for f in files {
        if is_binary(f) {
            size.binaries += 1;
            continue;
        }
        size.files += 1;
        let n: u64 = lines(&f.bytes).iter().map(|l| weight(l)).sum();
        size.added += n;
    }
    size.lines = size.added;
    size
}

/// Per-file sizes of a delta: path → (status, weighted added, weighted removed).
pub type FileChanges = BTreeMap<String, (Change, u64, u64)>;

/// What happened to a file between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// The size of reviewing the change from `old` to `new`, and the per-file counts.
pub fn delta_size(old: &[PackageFile], new: &[PackageFile]) -> (ReviewSize, FileChanges) {
    let old_by: BTreeMap<&str, &PackageFile> = old.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut size = ReviewSize::default();
    let mut changes = FileChanges::new();
    for f in new {
        let before = old_by.get(f.path.as_str());
        if before.is_some_and(|o| o.bytes == f.bytes) {
            continue;
        }
        if is_binary(f) {
            size.binaries += 1;
            let change = if before.is_some() {
                Change::Changed
            } else {
                Change::Added
            };
            changes.insert(f.path.clone(), (change, 0, 0));
            continue;
        }
        size.files += 1;
        let (added, removed, change) = match before {
            None => (
                lines(&f.bytes).iter().map(|l| weight(l)).sum(),
                0,
                Change::Added,
            ),
            Some(o) => {
                let (a, r) = diff_lines(&o.bytes, &f.bytes);
                (a, r, Change::Changed)
            }
        };
        size.added += added;
        size.removed += removed;
        changes.insert(f.path.clone(), (change, added, removed));
    }
    let new_paths: std::collections::BTreeSet<&str> = new.iter().map(|f| f.path.as_str()).collect();
    for f in old {
        if !new_paths.contains(f.path.as_str()) {
            changes.insert(f.path.clone(), (Change::Removed, 0, 0));
        }
    }
    size.lines = size.added + size.removed;
    (size, changes)
}

/// Weighted inserted and deleted lines between two texts.
fn diff_lines(old: &[u8], new: &[u8]) -> (u64, u64) {
    let a = lines(old);
    let b = lines(new);
    let deadline = Instant::now() + DIFF_DEADLINE;
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &a, &b, Some(deadline));
    let (mut added, mut removed) = (0u64, 0u64);
    for op in ops {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                removed += a[old_index..old_index + old_len]
                    .iter()
                    .map(|l| weight(l))
                    .sum::<u64>()
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                added += b[new_index..new_index + new_len]
                    .iter()
                    .map(|l| weight(l))
                    .sum::<u64>()
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                removed += a[old_index..old_index + old_len]
                    .iter()
                    .map(|l| weight(l))
                    .sum::<u64>();
                added += b[new_index..new_index + new_len]
                    .iter()
                    .map(|l| weight(l))
                    .sum::<u64>();
            }
        }
    }
    (added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str, text: &str) -> PackageFile {
        PackageFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn full_and_delta_sizes() {
        let old = vec![
            f("package.json", "{\n  \"name\": \"a\"\n}\n"),
            f("index.js", "a\nb\nc\n"),
            f("gone.js", "x\n"),
        ];
        let min = "x".repeat(1_000);
        let new = vec![
            f("package.json", "{\n  \"name\": \"a\"\n}\n"),
            f("index.js", "a\nB\nc\nd\n"),
            f("min.js", &min),
            PackageFile {
                path: "addon.node".into(),
                bytes: b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec(),
            },
        ];
        let full = full_size(&new);
        assert_eq!(full.lines, 3 + 4 + 9);
        assert_eq!((full.files, full.binaries), (3, 1));
        let (d, changes) = delta_size(&old, &new);
        assert_eq!((d.added, d.removed, d.lines), (2 + 9, 1, 12));
        assert_eq!((d.files, d.binaries), (2, 1));
        assert_eq!(changes["index.js"], (Change::Changed, 2, 1));
        assert_eq!(changes["gone.js"].0, Change::Removed);
        assert_eq!(changes["addon.node"].0, Change::Added);
        assert_eq!(d.describe(), "12 lines, 1 binary");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
