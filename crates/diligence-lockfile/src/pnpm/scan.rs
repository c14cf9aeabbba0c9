//! One linear pass over the raw text for what serde does not give: the line of every
//! `packages:`/`snapshots:` entry key and of its `resolution`, the `lockfileVersion` exactly as
//! written, and where each YAML document (`---`) starts.
//!
//! The scan follows the block layout pnpm writes (js-yaml dump: top-level keys at column 0,
//! entries one indent deeper, fields one more). Keys are unquoted the YAML way (single quotes
//! with `''`, double quotes with backslash escapes) so they compare equal to the parsed keys.
//! Anything it does not recognise (flow-style sections, complex keys) just gets no line (0).

use std::collections::HashMap;

/// Lines of one `packages:`/`snapshots:` entry (all 1-based, 0 when absent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntryLines {
    /// The entry key.
    pub key: u32,
    /// The `resolution:` field.
    pub resolution: u32,
    /// `integrity:` inside a block-style resolution (flow style keeps it on `resolution`).
    pub integrity: u32,
    /// `tarball:`/`repo:`/`directory:` inside a block-style resolution.
    pub url: u32,
}

impl EntryLines {
    /// Line of the integrity: the block `integrity:` line, else the `resolution:` line.
    pub fn integrity_line(&self) -> u32 {
        if self.integrity > 0 {
            self.integrity
        } else {
            self.resolution
        }
    }
    /// Line of the source URL/path: the block `tarball:`/`repo:` line, else `resolution:`.
    pub fn resolved_line(&self) -> u32 {
        if self.url > 0 {
            self.url
        } else {
            self.resolution
        }
    }
}

/// What the scan found in one non-empty YAML document.
#[derive(Debug, Default)]
pub struct DocLines {
    /// `lockfileVersion` as written, without quotes.
    pub lockfile_version: Option<String>,
    /// 1-based line of `lockfileVersion:`; 0 when not seen.
    pub lockfile_version_line: u32,
    /// Entry lines of `packages:` by (unquoted) key.
    pub packages: HashMap<String, EntryLines>,
    /// Entry key lines of `snapshots:` (9.x) by key.
    pub snapshots: HashMap<String, u32>,
    /// Keys written twice in `packages:` or `snapshots:`, with the line of the second one.
    pub duplicates: HashMap<String, u32>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Packages,
    Snapshots,
    Other,
}

/// Scan state inside a `packages:`/`snapshots:` section.
#[derive(Default)]
struct EntryState {
    entry_indent: Option<usize>,
    field_indent: Option<usize>,
    current: Option<(String, EntryLines)>,
    resolution_indent: Option<usize>,
}

/// Scans `text` into one [`DocLines`] per non-empty YAML document, in order. A document is
/// non-empty when it has at least one line at column 0 that is not a comment or marker.
pub fn scan(text: &str) -> Vec<DocLines> {
    let mut docs: Vec<DocLines> = Vec::new();
    let mut doc: Option<DocLines> = None;
    let mut section = Section::Other;
    let mut st = EntryState::default();
    for (index, raw) in text.split('\n').enumerate() {
        let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if is_document_marker(line) {
            finish_entry(&mut doc, section, &mut st);
            docs.extend(doc.take());
            section = Section::Other;
            st = EntryState::default();
            continue;
        }
        let trimmed = line.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed == "..." {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if indent == 0 {
            finish_entry(&mut doc, section, &mut st);
            st = EntryState::default();
            let d = doc.get_or_insert_with(DocLines::default);
            section = top_level(d, trimmed);
            if d.lockfile_version.is_some() && d.lockfile_version_line == 0 {
                d.lockfile_version_line = line_no;
            }
            continue;
        }
        if section == Section::Other {
            continue;
        }
        entry_line(&mut doc, section, &mut st, trimmed, indent, line_no);
    }
    finish_entry(&mut doc, section, &mut st);
    docs.extend(doc);
    docs
}

fn is_document_marker(line: &str) -> bool {
    line.strip_prefix("---")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// Handles a column-0 line: returns the section it opens.
fn top_level(doc: &mut DocLines, trimmed: &str) -> Section {
    let Some((key, rest)) = split_key(trimmed) else {
        return Section::Other;
    };
    match key.as_str() {
        "lockfileVersion" => {
            doc.lockfile_version = Some(scalar_text(rest));
            Section::Other
        }
        "packages" => Section::Packages,
        "snapshots" => Section::Snapshots,
        _ => Section::Other,
    }
}

fn entry_line(
    doc: &mut Option<DocLines>,
    section: Section,
    st: &mut EntryState,
    trimmed: &str,
    indent: usize,
    line_no: u32,
) {
    let entry_indent = *st.entry_indent.get_or_insert(indent);
    if indent < entry_indent {
        return;
    }
    if indent == entry_indent {
        finish_entry(doc, section, st);
        st.resolution_indent = None;
        if let Some((key, _)) = split_key(trimmed) {
            let lines = EntryLines {
                key: line_no,
                ..EntryLines::default()
            };
            st.current = Some((key, lines));
        }
        return;
    }
    let Some((_, lines)) = st.current.as_mut() else {
        return;
    };
    let field_indent = *st.field_indent.get_or_insert(indent);
    if indent == field_indent {
        st.resolution_indent = None;
        if trimmed.starts_with("resolution:") {
            lines.resolution = line_no;
            st.resolution_indent = Some(indent);
        }
        return;
    }
    if st.resolution_indent.is_some_and(|r| indent > r) {
        if trimmed.starts_with("integrity:") {
            lines.integrity = line_no;
        } else if ["tarball:", "repo:", "directory:"]
            .iter()
            .any(|f| trimmed.starts_with(f))
        {
            lines.url = line_no;
        }
    }
}

fn finish_entry(doc: &mut Option<DocLines>, section: Section, st: &mut EntryState) {
    let (Some((key, lines)), Some(d)) = (st.current.take(), doc.as_mut()) else {
        return;
    };
    let fresh = match section {
        Section::Packages if !d.packages.contains_key(&key) => {
            d.packages.insert(key, lines);
            return;
        }
        Section::Snapshots if !d.snapshots.contains_key(&key) => {
            d.snapshots.insert(key, lines.key);
            return;
        }
        Section::Other => return,
        _ => key,
    };
    d.duplicates.entry(fresh).or_insert(lines.key);
}

/// Flow collections (`[`/`{`) nested deeper than this are refused before YAML parsing: pnpm
/// writes at most two levels, and the YAML parser slows down quadratically with the depth.
pub const MAX_FLOW_DEPTH: usize = 64;

/// Byte offset of the first flow collection opened deeper than [`MAX_FLOW_DEPTH`], if any. A
/// linear pass that knows YAML quoting and comments well enough for lockfiles: in block context
/// `[`/`{` opens a collection only at the start of a value (after indentation, `:` or `-`).
pub fn too_deep_flow(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    // True while only spaces follow a line start, `: `, `- `, `? ` or a flow indicator.
    let mut value_start = true;
    let mut prev = b'\n';
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == b'\\' && q == b'"' {
                i += 2;
                continue;
            }
            if b == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match b {
            b'#' if matches!(prev, b' ' | b'\t' | b'\n') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\n' => value_start = true,
            b' ' | b'\t' => value_start |= matches!(prev, b':' | b'-' | b'?' | b','),
            b'\'' | b'"' if value_start => quote = Some(b),
            b'[' | b'{' if value_start || depth > 0 => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(i);
                }
                value_start = true;
            }
            b']' | b'}' if depth > 0 => depth -= 1,
            b',' if depth > 0 => value_start = true,
            _ => value_start = false,
        }
        prev = b;
        i += 1;
    }
    None
}

/// Splits `key: rest` (block mapping line, indentation removed) into the unquoted key and the
/// text after the colon. `None` for lines that are not a simple key (sequences, `? ` keys).
pub fn split_key(s: &str) -> Option<(String, &str)> {
    match s.as_bytes().first()? {
        b'\'' => {
            let (key, end) = single_quoted(s)?;
            let rest = s[end..].trim_start().strip_prefix(':')?;
            Some((key, rest))
        }
        b'"' => {
            let (key, end) = double_quoted(s)?;
            let rest = s[end..].trim_start().strip_prefix(':')?;
            Some((key, rest))
        }
        b'-' | b'?' | b'{' | b'[' => None,
        _ => {
            let (key, rest) = match s.find(": ") {
                Some(i) => (&s[..i], &s[i + 1..]),
                None => (s.strip_suffix(':')?, ""),
            };
            Some((key.trim_end().to_string(), rest))
        }
    }
}

/// A single-quoted scalar at the start of `s`: the value and the byte index after the quote.
fn single_quoted(s: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = s.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\'' {
            out.push(c);
            continue;
        }
        if chars.peek().is_some_and(|&(_, n)| n == '\'') {
            chars.next();
            out.push('\'');
            continue;
        }
        return Some((out, i + 1));
    }
    None
}

/// A double-quoted scalar at the start of `s` (common escapes only).
fn double_quoted(s: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = s.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'u' => {
                        let hex: String =
                            (0..4).filter_map(|_| chars.next().map(|p| p.1)).collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    other => out.push(other),
                }
            }
            _ => out.push(c),
        }
    }
    None
}

/// The text of a scalar value after `key:`: quotes removed, a trailing ` #comment` dropped.
fn scalar_text(rest: &str) -> String {
    let t = rest.trim();
    if t.starts_with('\'') {
        return single_quoted(t).map(|(v, _)| v).unwrap_or_default();
    }
    if t.starts_with('"') {
        return double_quoted(t).map(|(v, _)| v).unwrap_or_default();
    }
    t.split(" #").next().unwrap_or(t).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(
            split_key("'@types/debug@4.1.13':").map(|(k, _)| k),
            Some("@types/debug@4.1.13".to_string())
        );
        assert_eq!(
            split_key("is-number@git+https://x/y.git#abc:").map(|(k, _)| k),
            Some("is-number@git+https://x/y.git#abc".to_string())
        );
        assert_eq!(
            split_key("'@types/ms@2.1.0': {}").map(|(k, r)| (k, r.trim().to_string())),
            Some(("@types/ms@2.1.0".to_string(), "{}".to_string()))
        );
        assert_eq!(split_key("'it''s': x").map(|(k, _)| k), Some("it's".into()));
        assert_eq!(split_key("- a"), None);
    }

    #[test]
    fn flow_depth() {
        assert_eq!(
            too_deep_flow("a: [[x]]\nb: '[[[['\nc: d[[[[\n# [[[[[\n"),
            None
        );
        let deep = format!("a: {}", "[".repeat(MAX_FLOW_DEPTH + 1));
        assert_eq!(too_deep_flow(&deep), Some(3 + MAX_FLOW_DEPTH));
        let deep = format!("a: {}", "{b: ".repeat(MAX_FLOW_DEPTH + 1));
        assert!(too_deep_flow(&deep).is_some());
    }

    #[test]
    fn two_documents() {
        let text = "---\nlockfileVersion: '9.0'\npackages:\n\n  a@1.0.0:\n    resolution: {integrity: x}\n\n---\nlockfileVersion: 5.3\npackages:\n  /b/2.0.0:\n    dev: true\n    resolution:\n      integrity: y\n      tarball: z\n";
        let docs = scan(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].lockfile_version.as_deref(), Some("9.0"));
        assert_eq!(
            docs[0].packages["a@1.0.0"],
            EntryLines {
                key: 5,
                resolution: 6,
                integrity: 0,
                url: 0
            }
        );
        assert_eq!(docs[1].lockfile_version.as_deref(), Some("5.3"));
        let b = docs[1].packages["/b/2.0.0"];
        assert_eq!((b.key, b.resolution, b.integrity, b.url), (11, 13, 14, 15));
    }
}
