//! A small, position-keeping parser for the two yarn lockfile syntaxes.
//!
//! Both are indentation-nested mappings of scalars:
//! - yarn classic (v1), as read by yarn 1's `lockfile/parse.js`: `key value` or `key:` followed
//!   by an indented block; keys may be lists (`"a@^1", a@^1.1:`); strings are JSON-quoted or
//!   bare words.
//! - yarn berry "syml", the YAML subset `@yarnpkg/parsers` writes: `key: value` or `key:`
//!   followed by an indented block; scalars are plain, double- or single-quoted, and every
//!   scalar is a string (yarn reads with YAML's FAILSAFE schema, so `version: 10` is `"10"`).
//!
//! Why not `yarn-lock-parser` / `yaml_serde`: the readers need the 1-based line of every entry,
//! `resolved`/`resolution` and `integrity`/`checksum` so that findings point into the file, and
//! berry scalars must stay the strings yarn sees (a YAML number would lose `1.10` → `1.1`). One
//! linear pass over the lines gives both. YAML features yarn never writes (flow collections,
//! block scalars, anchors, tags, sequences, multi-line scalars) are refused with the line and
//! column: the reader fails closed instead of guessing. Nesting is limited to
//! [`MAX_DEPTH`] levels and the tree is built with an explicit stack, so deep input cannot
//! overflow the call stack.

use crate::LockfileError;
use std::borrow::Cow;
use std::path::Path;

/// Deepest nesting accepted (yarn writes at most 4: entry, field, name, flag).
pub const MAX_DEPTH: usize = 16;

/// Which of the two syntaxes to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// yarn v1: `key value`, `key:` + block, comma-separated key lists.
    Classic,
    /// yarn berry syml (YAML subset): `key: value`, `key:` + block.
    Berry,
}

/// One `key value` or `key:` + block line, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node<'a> {
    /// The key; classic key lists (`"a@^1", a@^1.1:`) give several.
    pub keys: Vec<Cow<'a, str>>,
    /// 1-based line of the key.
    pub line: u32,
    pub value: Value<'a>,
}

/// A scalar (always a string, as yarn reads it) or a nested mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    Scalar(Cow<'a, str>),
    Map(Vec<Node<'a>>),
    /// A block sequence of scalars (`- darwin` lines; berry only, syml writes arrays so).
    List(Vec<Cow<'a, str>>),
}

impl<'a> Node<'a> {
    /// The first key (every node has at least one).
    pub fn key(&self) -> &str {
        self.keys.first().map_or("", |k| k)
    }
    /// The scalar value, if this node holds one.
    pub fn scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            Value::Map(_) | Value::List(_) => None,
        }
    }
    /// The child nodes, if this node holds a mapping.
    pub fn map(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Map(m) => Some(m),
            Value::Scalar(_) | Value::List(_) => None,
        }
    }
}

/// The last child with key `key` (yarn, like `JSON.parse`, lets a later duplicate win).
pub fn field<'n, 'a>(nodes: &'n [Node<'a>], key: &str) -> Option<&'n Node<'a>> {
    nodes.iter().rev().find(|n| n.keys.iter().any(|k| k == key))
}

struct Frame<'a> {
    indent: usize,
    header: Option<(Vec<Cow<'a, str>>, u32)>,
    nodes: Vec<Node<'a>>,
    /// `Some(true)` once the block holds `- item` lines, `Some(false)` once it holds keys.
    list: Option<bool>,
}

enum Line<'a> {
    Scalar(Vec<Cow<'a, str>>, Cow<'a, str>),
    Open(Vec<Cow<'a, str>>),
    Item(Cow<'a, str>),
}

/// Parses the whole text into its top-level nodes. Errors carry the 1-based line and column.
pub fn parse<'a>(
    text: &'a str,
    syntax: Syntax,
    path: &Path,
) -> Result<Vec<Node<'a>>, LockfileError> {
    let mut stack = vec![Frame {
        indent: 0,
        header: None,
        nodes: Vec::new(),
        list: None,
    }];
    let mut open: Option<(Vec<Cow<'a, str>>, u32, usize)> = None;
    for (index, raw) in text.split('\n').enumerate() {
        let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        if rest.starts_with('\t') {
            return Err(err(path, line_no, indent + 1, "tab in indentation"));
        }
        if rest.trim_end().is_empty() || rest.starts_with('#') {
            continue;
        }
        if let Some((keys, key_line, key_indent)) = open.take() {
            if indent > key_indent {
                if stack.len() >= MAX_DEPTH {
                    return Err(err(
                        path,
                        line_no,
                        indent + 1,
                        format!("nested deeper than {MAX_DEPTH} levels"),
                    ));
                }
                stack.push(Frame {
                    indent,
                    header: Some((keys, key_line)),
                    nodes: Vec::new(),
                    list: None,
                });
            } else {
                push_node(&mut stack, keys, key_line, Value::Map(Vec::new()));
            }
        }
        while stack.len() > 1 && indent < stack.last().map_or(0, |f| f.indent) {
            close_frame(&mut stack);
        }
        let top_indent = stack.last().map_or(0, |f| f.indent);
        if indent != top_indent {
            return Err(err(
                path,
                line_no,
                indent + 1,
                format!("unexpected indentation ({indent} spaces, expected {top_indent})"),
            ));
        }
        let parsed = match syntax {
            Syntax::Classic => classic_line(rest),
            Syntax::Berry => berry_line(rest),
        }
        .map_err(|(col, msg)| err(path, line_no, indent + col + 1, msg))?;
        let is_item = matches!(parsed, Line::Item(_));
        let nested = stack.len() > 1;
        if let Some(top) = stack.last_mut() {
            if (is_item && !nested) || top.list.is_some_and(|l| l != is_item) {
                return Err(err(
                    path,
                    line_no,
                    indent + 1,
                    "sequence items and `key: value` lines mixed in one block",
                ));
            }
            top.list = Some(is_item);
        }
        match parsed {
            Line::Scalar(keys, value) => push_node(&mut stack, keys, line_no, Value::Scalar(value)),
            Line::Open(keys) => open = Some((keys, line_no, indent)),
            Line::Item(value) => push_node(&mut stack, Vec::new(), line_no, Value::Scalar(value)),
        }
    }
    if let Some((keys, key_line, _)) = open.take() {
        push_node(&mut stack, keys, key_line, Value::Map(Vec::new()));
    }
    while stack.len() > 1 {
        close_frame(&mut stack);
    }
    Ok(stack.pop().map(|f| f.nodes).unwrap_or_default())
}

fn err(path: &Path, line: u32, col: usize, msg: impl Into<String>) -> LockfileError {
    LockfileError::at(path, line as usize, col, msg)
}

fn push_node<'a>(stack: &mut [Frame<'a>], keys: Vec<Cow<'a, str>>, line: u32, value: Value<'a>) {
    if let Some(top) = stack.last_mut() {
        top.nodes.push(Node { keys, line, value });
    }
}

fn close_frame(stack: &mut Vec<Frame<'_>>) {
    let Some(frame) = stack.pop() else { return };
    let Some((keys, line)) = frame.header else {
        return;
    };
    let value = if frame.list == Some(true) {
        let items = frame.nodes.into_iter().filter_map(|n| match n.value {
            Value::Scalar(s) => Some(s),
            Value::Map(_) | Value::List(_) => None,
        });
        Value::List(items.collect())
    } else {
        Value::Map(frame.nodes)
    };
    push_node(stack, keys, line, value);
}

type LineResult<'a> = Result<Line<'a>, (usize, String)>;
type Token<'a> = Result<(Cow<'a, str>, usize), (usize, String)>;

/// `key[, key…][:] [value]` (yarn v1 `lockfile/parse.js` token rules).
fn classic_line(s: &str) -> LineResult<'_> {
    let mut pos = 0;
    let mut keys = Vec::new();
    loop {
        let (key, next) = classic_token(s, pos)?;
        keys.push(key);
        pos = skip_spaces(s, next);
        if s[pos..].starts_with(',') {
            pos = skip_spaces(s, pos + 1);
            continue;
        }
        break;
    }
    let colon = s[pos..].starts_with(':');
    if colon {
        pos = skip_spaces(s, pos + 1);
    }
    if pos >= s.len() || s[pos..].starts_with('#') {
        return if colon {
            Ok(Line::Open(keys))
        } else {
            Err((pos, format!("expected a value or `:` after `{}`", keys[0])))
        };
    }
    let (value, next) = classic_token(s, pos)?;
    let end = skip_spaces(s, next);
    if end < s.len() && !s[end..].starts_with('#') {
        return Err((end, "unexpected text after the value".into()));
    }
    Ok(Line::Scalar(keys, value))
}

fn classic_token(s: &str, pos: usize) -> Token<'_> {
    if s[pos..].starts_with('"') {
        return json_string(s, pos);
    }
    let end = s[pos..]
        .find([' ', ':', ',', '"'])
        .map_or(s.len(), |i| pos + i);
    if end == pos {
        return Err((pos, "expected a string".into()));
    }
    Ok((Cow::Borrowed(&s[pos..end]), end))
}

fn skip_spaces(s: &str, pos: usize) -> usize {
    pos + s[pos..].len() - s[pos..].trim_start_matches(' ').len()
}

/// A JSON string literal starting at `pos` (the `"`). Returns the text and the end offset.
fn json_string(s: &str, pos: usize) -> Token<'_> {
    if let Some(plain) = unescaped_body(s, pos) {
        return Ok(plain);
    }
    let mut out = String::new();
    let mut chars = s[pos + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((Cow::Owned(out), pos + 1 + i + 1)),
            '\\' => {
                let Some((_, e)) = chars.next() else { break };
                let unescaped = match e {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'u' => hex_char(&mut chars, 4).ok_or((pos + 1 + i, bad_escape()))?,
                    _ => return Err((pos + 1 + i, bad_escape())),
                };
                out.push(unescaped);
            }
            c => out.push(c),
        }
    }
    Err((pos, "unterminated string".into()))
}

/// The body of a double-quoted string at `pos` borrowed from `s`, when it has no escapes.
fn unescaped_body(s: &str, pos: usize) -> Option<(Cow<'_, str>, usize)> {
    let body = &s[pos + 1..];
    let end = body.find(['"', '\\'])?;
    (body.as_bytes()[end] == b'"').then(|| (Cow::Borrowed(&body[..end]), pos + 1 + end + 1))
}

fn bad_escape() -> String {
    "invalid escape in a quoted string".into()
}

fn hex_char(chars: &mut std::str::CharIndices<'_>, digits: usize) -> Option<char> {
    let mut code = 0u32;
    for _ in 0..digits {
        code = code * 16 + chars.next()?.1.to_digit(16)?;
    }
    char::from_u32(code)
}

/// `key: value` or `key:` (the YAML block-mapping subset yarn berry writes).
fn berry_line(s: &str) -> LineResult<'_> {
    if s == "-" || s.starts_with("- ") {
        return berry_item(s);
    }
    let (key, mut pos) = match s.as_bytes()[0] {
        b'"' => yaml_double(s, 0)?,
        b'\'' => yaml_single(s, 0)?,
        _ => {
            reject_indicator(s, 0)?;
            let end = plain_key_end(s).ok_or((0, "expected `key:`".to_string()))?;
            (Cow::Borrowed(s[..end].trim_end()), end)
        }
    };
    pos = skip_spaces(s, pos);
    if !s[pos..].starts_with(':') {
        return Err((pos, "expected `:` after the key".into()));
    }
    pos += 1;
    let after = skip_spaces(s, pos);
    if after >= s.len() || s[after..].starts_with('#') {
        return Ok(Line::Open(vec![key]));
    }
    if after == pos {
        return Err((pos, "expected a space after `:`".into()));
    }
    let (value, end) = match s.as_bytes()[after] {
        b'"' => yaml_double(s, after)?,
        b'\'' => yaml_single(s, after)?,
        _ => {
            reject_indicator(s, after)?;
            let end = s[after..].find(" #").map_or(s.len(), |i| after + i);
            return Ok(Line::Scalar(
                vec![key],
                Cow::Borrowed(s[after..end].trim_end()),
            ));
        }
    };
    let rest = skip_spaces(s, end);
    if rest < s.len() && !s[rest..].starts_with('#') {
        return Err((rest, "unexpected text after the value".into()));
    }
    Ok(Line::Scalar(vec![key], value))
}

/// `- value`: one scalar item of a block sequence.
fn berry_item(s: &str) -> LineResult<'_> {
    let pos = skip_spaces(s, 1);
    if pos >= s.len() {
        return Ok(Line::Item(Cow::Borrowed("")));
    }
    let (value, end) = match s.as_bytes()[pos] {
        b'"' => yaml_double(s, pos)?,
        b'\'' => yaml_single(s, pos)?,
        _ => {
            reject_indicator(s, pos)?;
            let end = s[pos..].find(" #").map_or(s.len(), |i| pos + i);
            let value = s[pos..end].trim_end();
            if plain_key_end(value).is_some() {
                return Err((
                    pos,
                    "unsupported YAML construct (sequence of mappings) in a yarn lockfile".into(),
                ));
            }
            return Ok(Line::Item(Cow::Borrowed(value)));
        }
    };
    let rest = skip_spaces(s, end);
    if rest < s.len() && !s[rest..].starts_with('#') {
        return Err((rest, "unexpected text after the value".into()));
    }
    Ok(Line::Item(value))
}

/// End of a plain YAML key: the first `:` followed by a space or the end of the line.
fn plain_key_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    bytes
        .iter()
        .enumerate()
        .find(|&(i, &b)| b == b':' && bytes.get(i + 1).is_none_or(|&n| n == b' '))
        .map(|(i, _)| i)
}

/// Refuses YAML constructs yarn never writes, so that they are not misread.
fn reject_indicator(s: &str, pos: usize) -> Result<(), (usize, String)> {
    let rest = &s[pos..];
    let unsupported = match rest.as_bytes()[0] {
        b'[' | b'{' => Some("flow collection"),
        b'|' | b'>' => Some("block scalar"),
        b'&' | b'*' => Some("anchor or alias"),
        b'!' => Some("tag"),
        b'%' => Some("directive"),
        b'?' if rest.len() == 1 || rest.starts_with("? ") => Some("complex key"),
        b'-' if rest.len() == 1 || rest.starts_with("- ") || rest.starts_with("---") => {
            Some("sequence or document marker")
        }
        _ => None,
    };
    match unsupported {
        Some(what) => Err((
            pos,
            format!("unsupported YAML construct ({what}) in a yarn lockfile"),
        )),
        None => Ok(()),
    }
}

/// A YAML double-quoted scalar on one line, starting at `pos`.
fn yaml_double(s: &str, pos: usize) -> Token<'_> {
    if let Some(plain) = unescaped_body(s, pos) {
        return Ok(plain);
    }
    let mut out = String::new();
    let mut chars = s[pos + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((Cow::Owned(out), pos + 1 + i + 1)),
            '\\' => {
                let Some((_, e)) = chars.next() else { break };
                let unescaped = match e {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    ' ' => ' ',
                    '0' => '\0',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    't' | '\t' => '\t',
                    'n' => '\n',
                    'v' => '\u{b}',
                    'f' => '\u{c}',
                    'r' => '\r',
                    'e' => '\u{1b}',
                    'N' => '\u{85}',
                    '_' => '\u{a0}',
                    'L' => '\u{2028}',
                    'P' => '\u{2029}',
                    'x' => hex_char(&mut chars, 2).ok_or((pos + 1 + i, bad_escape()))?,
                    'u' => hex_char(&mut chars, 4).ok_or((pos + 1 + i, bad_escape()))?,
                    'U' => hex_char(&mut chars, 8).ok_or((pos + 1 + i, bad_escape()))?,
                    _ => return Err((pos + 1 + i, bad_escape())),
                };
                out.push(unescaped);
            }
            c => out.push(c),
        }
    }
    Err((
        pos,
        "unterminated or multi-line quoted string (not written by yarn)".into(),
    ))
}

/// A YAML single-quoted scalar on one line (`''` is a quote), starting at `pos`.
fn yaml_single(s: &str, pos: usize) -> Token<'_> {
    let mut out = String::new();
    let body = &s[pos + 1..];
    let mut i = 0;
    while let Some(off) = body[i..].find('\'') {
        out.push_str(&body[i..i + off]);
        let q = i + off;
        if body[q + 1..].starts_with('\'') {
            out.push('\'');
            i = q + 2;
            continue;
        }
        return Ok((Cow::Owned(out), pos + 1 + q + 1));
    }
    Err((
        pos,
        "unterminated or multi-line quoted string (not written by yarn)".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str, syntax: Syntax) -> Result<Vec<Node<'_>>, LockfileError> {
        parse(text, syntax, Path::new("yarn.lock"))
    }

    #[test]
    fn classic_entry() {
        let text = "# yarn lockfile v1\n\n\"a@^1\", a@^1.1:\n  version \"1.2.0\"\n  dependencies:\n    b \"^2\"\n\nb@^2:\n  version \"2.0.0\"\n";
        let nodes = p(text, Syntax::Classic).unwrap();
        assert_eq!(nodes.len(), 2);
        assert_eq!(nodes[0].keys, vec!["a@^1", "a@^1.1"]);
        assert_eq!(nodes[0].line, 3);
        let fields = nodes[0].map().unwrap();
        assert_eq!(field(fields, "version").unwrap().scalar(), Some("1.2.0"));
        let deps = field(fields, "dependencies").unwrap();
        assert_eq!(deps.line, 5);
        assert_eq!(deps.map().unwrap()[0].keys, vec!["b"]);
        assert_eq!(nodes[1].line, 8);
    }

    #[test]
    fn berry_entry() {
        let text = "__metadata:\n  version: 10\n\n\"a@npm:^1, a@npm:^1.1\":\n  version: 1.2.0\n  resolution: \"a@npm:1.2.0\"\n  dependenciesMeta:\n    b:\n      optional: true\n  conditions: os=darwin & cpu=arm64\n";
        let nodes = p(text, Syntax::Berry).unwrap();
        assert_eq!(nodes[1].key(), "a@npm:^1, a@npm:^1.1");
        let f = nodes[1].map().unwrap();
        assert_eq!(
            field(f, "conditions").unwrap().scalar(),
            Some("os=darwin & cpu=arm64")
        );
        let meta = field(f, "dependenciesMeta").unwrap().map().unwrap();
        assert_eq!(
            field(meta[0].map().unwrap(), "optional").unwrap().scalar(),
            Some("true")
        );
    }

    #[test]
    fn berry_scalar_sequences() {
        let text = "a:\n  os:\n    - darwin\n    - \"linux\"\n  b: 1\n";
        let nodes = p(text, Syntax::Berry).unwrap();
        let f = nodes[0].map().unwrap();
        assert_eq!(
            field(f, "os").unwrap().value,
            Value::List(vec!["darwin".into(), "linux".into()])
        );
        assert_eq!(field(f, "b").unwrap().scalar(), Some("1"));
        assert!(p("a:\n  - x\n  b: 1\n", Syntax::Berry).is_err());
        assert!(p("- x\n", Syntax::Berry).is_err());
        assert!(p("a:\n  - k: v\n", Syntax::Berry).is_err());
    }

    #[test]
    fn errors_have_positions() {
        let e = p("a:\n  b: [1]\n", Syntax::Berry).unwrap_err();
        assert_eq!((e.line, e.column), (2, 6));
        let e = p("a:\n  b: 1\n   c: 2\n", Syntax::Berry).unwrap_err();
        assert_eq!((e.line, e.column), (3, 4));
        let e = p("\"a@^1\":\n  version \"1\n", Syntax::Classic).unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text: String = (0..200).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        let e = p(&text, Syntax::Berry).unwrap_err();
        assert!(e.message.contains("nested deeper"), "{e}");
    }
}
