//! The hunt report writers: `human` (a timeline per repository, for a terminal), `json`
//! (`diligence.hunt/1`), `markdown` (for an incident ticket) and `csv` (one row per event).
//!
//! Every string from a repository or a lockfile goes through [`visible`] first (control
//! characters and bidirectional-override characters written as `\u{..}`), then through the
//! format's own escaping: code spans with `|` escaped for Markdown (no HTML, no autolinks),
//! RFC 4180 quoting and a formula guard for CSV.

pub mod csv;
pub mod human;
pub mod json;
pub mod markdown;

use std::borrow::Cow;

/// `text` with control characters (C0, C1, DEL, line breaks) and Unicode bidirectional
/// controls (U+200E/F, U+202A–E, U+2066–9, which reorder what a reader sees) written as
/// visible `\u{..}` escapes. Borrowed when there is nothing to escape.
pub fn visible(text: &str) -> Cow<'_, str> {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The first 12 hex digits of a commit id.
pub fn short(id: &str) -> &str {
    &id[..id.len().min(12)]
}

/// `YYYY-MM-DD HH:MM` of an RFC 3339 UTC time (as the report holds them).
pub fn minute(date: &str) -> String {
    let d = date.replace('T', " ");
    d.get(..16).unwrap_or(&d).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hides_nothing() {
        assert_eq!(visible("a\u{1b}[2Jb\r\n"), "a\\u{1b}[2Jb\\u{d}\\u{a}");
        assert_eq!(visible("evil\u{202e}gpj.js"), "evil\\u{202e}gpj.js");
        assert!(matches!(visible("plain é"), Cow::Borrowed(_)));
    }
}
