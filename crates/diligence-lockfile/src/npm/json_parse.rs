//! A strict RFC 8259 JSON parser that builds `jsonc-parser`'s AST (byte ranges on every key
//! and value) about four times faster than `jsonc_parser::parse_to_ast`: strings without
//! escapes are borrowed, and string bodies are found with `memchr`. Used for
//! `package-lock.json`, which reaches several MB; bun.lock (JSONC) goes through
//! `jsonc-parser` itself.
//!
//! Nesting deeper than [`MAX_DEPTH`] is an error, so hostile input cannot overflow the stack.

use jsonc_parser::ast::{
    Array, BooleanLit, NullKeyword, NumberLit, Object, ObjectProp, ObjectPropName, StringLit, Value,
};
use jsonc_parser::common::Range;
use std::borrow::Cow;

/// Deepest nesting of arrays and objects accepted (npm lockfiles need about 10).
pub(crate) const MAX_DEPTH: usize = 256;

/// Objects up to this many properties are checked for duplicate keys while parsing (a key
/// written twice is an error: package managers keep the last, a reviewer reads the first), so
/// looking a key up in them can stop at the first match. Larger objects (the `packages` map,
/// dependency maps) are checked by their readers.
pub(crate) const SMALL_OBJECT: usize = 32;

/// A syntax error: byte offset and message.
#[derive(Debug)]
pub(crate) struct SyntaxError {
    pub offset: usize,
    pub message: String,
    /// The text is valid JSON but not a valid lockfile (a duplicate key).
    pub valid_json: bool,
}

/// Parses one JSON document (surrounding whitespace allowed).
#[cfg(test)]
pub(crate) fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    run(text, false)
}

/// Parses a `package-lock.json`. In a version 2 file (`lockfileVersion` 2 or 3 and
/// `packages` both written before it), the legacy root `dependencies` tree, which npm 7+
/// ignores and which is about half of such a file, is checked for syntax but not built: its
/// value becomes `null`.
pub(crate) fn parse_package_lock(text: &str) -> Result<Value<'_>, SyntaxError> {
    run(text, true)
}

fn run(text: &str, skip_legacy_tree: bool) -> Result<Value<'_>, SyntaxError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        building: true,
        skip_legacy_tree,
        seen_packages: false,
        seen_modern_version: false,
    };
    let value = p.value()?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("unexpected text after the JSON document"));
    }
    Ok(value)
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    depth: usize,
    /// False while checking a value that is not kept (containers are not filled).
    building: bool,
    skip_legacy_tree: bool,
    seen_packages: bool,
    seen_modern_version: bool,
}

impl<'t> Parser<'t> {
    fn error(&self, message: &str) -> SyntaxError {
        SyntaxError {
            offset: self.pos.min(self.bytes.len()),
            message: message.to_string(),
            valid_json: false,
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn value(&mut self) -> Result<Value<'t>, SyntaxError> {
        self.skip_ws();
        let start = self.pos;
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => Ok(Value::StringLit(self.string()?)),
            Some(b't') => self
                .keyword("true")
                .map(|range| Value::BooleanLit(BooleanLit { range, value: true })),
            Some(b'f') => self.keyword("false").map(|range| {
                Value::BooleanLit(BooleanLit {
                    range,
                    value: false,
                })
            }),
            Some(b'n') => self
                .keyword("null")
                .map(|range| Value::NullKeyword(NullKeyword { range })),
            Some(b'-' | b'0'..=b'9') => self.number(start),
            Some(_) => Err(self.error("expected a JSON value")),
            None => Err(self.error("unexpected end of input, expected a JSON value")),
        }
    }

    fn nested(
        &mut self,
        f: fn(&mut Self) -> Result<Value<'t>, SyntaxError>,
    ) -> Result<Value<'t>, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error("nesting deeper than 256 levels"));
        }
        self.depth += 1;
        let value = f(self);
        self.depth -= 1;
        value
    }

    fn keyword(&mut self, word: &str) -> Result<Range, SyntaxError> {
        let start = self.pos;
        if !self.text[start..].starts_with(word) {
            return Err(self.error("expected a JSON value"));
        }
        self.pos += word.len();
        Ok(Range::new(start, self.pos))
    }

    fn number(&mut self, start: usize) -> Result<Value<'t>, SyntaxError> {
        let b = self.bytes;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(b, i),
            _ => return Err(self.at(i, "malformed number")),
        }
        if b.get(i) == Some(&b'.') {
            let end = digits(b, i + 1);
            if end == i + 1 {
                return Err(self.at(end, "malformed number"));
            }
            i = end;
        }
        if let Some(b'e' | b'E') = b.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = b.get(i) {
                i += 1;
            }
            let end = digits(b, i);
            if end == i {
                return Err(self.at(end, "malformed number"));
            }
            i = end;
        }
        self.pos = i;
        Ok(Value::NumberLit(NumberLit {
            range: Range::new(start, i),
            value: &self.text[start..i],
        }))
    }

    fn at(&self, offset: usize, message: &str) -> SyntaxError {
        SyntaxError {
            offset: offset.min(self.bytes.len()),
            message: message.to_string(),
            valid_json: false,
        }
    }

    /// A string literal; the cursor is on the opening quote.
    fn string(&mut self) -> Result<StringLit<'t>, SyntaxError> {
        let start = self.pos;
        let body = start + 1;
        let Some(rel) = memchr::memchr2(b'"', b'\\', &self.bytes[body..]) else {
            return Err(self.at(start, "unterminated string"));
        };
        let end = body + rel;
        if let Some(bad) = self.bytes[body..end].iter().position(|&c| c < 0x20) {
            return Err(self.at(body + bad, "control character in a string"));
        }
        if self.bytes[end] == b'"' {
            self.pos = end + 1;
            return Ok(StringLit {
                range: Range::new(start, self.pos),
                value: Cow::Borrowed(&self.text[body..end]),
            });
        }
        let value = self.escaped_string(body)?;
        Ok(StringLit {
            range: Range::new(start, self.pos),
            value: Cow::Owned(value),
        })
    }

    /// The slow path for strings with escapes; `pos` ends after the closing quote.
    fn escaped_string(&mut self, body: usize) -> Result<String, SyntaxError> {
        let mut out = String::new();
        let mut i = body;
        loop {
            let Some(rel) = memchr::memchr2(b'"', b'\\', &self.bytes[i..]) else {
                return Err(self.at(body - 1, "unterminated string"));
            };
            let stop = i + rel;
            if let Some(bad) = self.bytes[i..stop].iter().position(|&c| c < 0x20) {
                return Err(self.at(i + bad, "control character in a string"));
            }
            out.push_str(&self.text[i..stop]);
            if self.bytes[stop] == b'"' {
                self.pos = stop + 1;
                return Ok(out);
            }
            i = self.escape(stop, &mut out)?;
        }
    }

    /// Decodes the escape at `at` (a backslash) into `out`; returns the offset after it.
    fn escape(&self, at: usize, out: &mut String) -> Result<usize, SyntaxError> {
        let c = match self.bytes.get(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(at, out),
            _ => return Err(self.at(at, "invalid escape in a string")),
        };
        out.push(c);
        Ok(at + 2)
    }

    fn unicode_escape(&self, at: usize, out: &mut String) -> Result<usize, SyntaxError> {
        let first = self.hex4(at + 2)?;
        if !(0xD800..0xDC00).contains(&first) {
            out.push(char::from_u32(first).unwrap_or('\u{fffd}'));
            return Ok(at + 6);
        }
        // A high surrogate must be followed by `\uDC00`–`\uDFFF`.
        if self.bytes.get(at + 6..at + 8) != Some(b"\\u") {
            return Err(self.at(at, "unpaired surrogate in a string"));
        }
        let second = self.hex4(at + 8)?;
        if !(0xDC00..0xE000).contains(&second) {
            return Err(self.at(at, "unpaired surrogate in a string"));
        }
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        Ok(at + 12)
    }

    fn hex4(&self, at: usize) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(at..at + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.at(at, "invalid \\u escape in a string"))?;
        u32::from_str_radix(digits, 16).map_err(|_| self.at(at, "invalid \\u escape in a string"))
    }

    /// The value of a property; at the root, notes what [`parse_package_lock`] needs and
    /// checks the legacy `dependencies` tree without building it.
    fn property_value(&mut self, name: &str) -> Result<Value<'t>, SyntaxError> {
        if self.depth != 1 || !self.skip_legacy_tree {
            return self.value();
        }
        if name == "dependencies" && self.seen_packages && self.seen_modern_version {
            self.skip_ws();
            let start = self.pos;
            self.building = false;
            let checked = self.value();
            self.building = true;
            checked?;
            return Ok(Value::NullKeyword(NullKeyword {
                range: Range::new(start, self.pos),
            }));
        }
        let value = self.value()?;
        match (name, &value) {
            ("packages", Value::Object(_)) => self.seen_packages = true,
            ("lockfileVersion", Value::NumberLit(n)) => {
                self.seen_modern_version = matches!(n.value, "2" | "3");
            }
            _ => {}
        }
        Ok(value)
    }

    fn object(&mut self) -> Result<Value<'t>, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let mut properties = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(Object {
                range: Range::new(start, self.pos),
                properties,
            }));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a property name in double quotes"));
            }
            let name = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:` after a property name"));
            }
            self.pos += 1;
            let value = self.property_value(&name.value)?;
            let range = Range::new(name.range.start, self.pos);
            if self.building {
                if properties.len() < SMALL_OBJECT
                    && properties
                        .iter()
                        .any(|p: &ObjectProp<'t>| p.name.as_str() == &*name.value)
                {
                    return Err(SyntaxError {
                        offset: name.range.start,
                        message: format!("duplicate key `{}`", name.value),
                        valid_json: true,
                    });
                }
                properties.push(ObjectProp {
                    range,
                    name: ObjectPropName::String(name),
                    value,
                });
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(Object {
                        range: Range::new(start, self.pos),
                        properties,
                    }));
                }
                _ => return Err(self.error("expected `,` or `}` after an object property")),
            }
        }
    }

    fn array(&mut self) -> Result<Value<'t>, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let mut elements = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(Array {
                range: Range::new(start, self.pos),
                elements,
            }));
        }
        loop {
            let value = self.value()?;
            if self.building {
                elements.push(value);
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(Array {
                        range: Range::new(start, self.pos),
                        elements,
                    }));
                }
                _ => return Err(self.error("expected `,` or `]` after an array element")),
            }
        }
    }
}

/// The offset after a run of ASCII digits starting at `i`.
fn digits(b: &[u8], mut i: usize) -> usize {
    while let Some(b'0'..=b'9') = b.get(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_borrows() {
        let v = parse(r#" {"a": [1, -2.5e3, true, false, null], "b\"c": "\u00e9\ud83d\ude00"} "#)
            .unwrap();
        let Value::Object(o) = v else { panic!() };
        assert_eq!(o.properties[0].name.as_str(), "a");
        assert_eq!(o.properties[1].name.as_str(), "b\"c");
        let Value::StringLit(s) = &o.properties[1].value else {
            panic!()
        };
        assert_eq!(s.value, "é😀");
        assert_eq!(o.properties[0].range.start, 2);
    }

    #[test]
    fn skips_only_the_legacy_tree_of_v2_files() {
        let v2 = r#"{"lockfileVersion": 2, "packages": {}, "dependencies": {"a": {"version": "1.0.0"}}}"#;
        let Value::Object(o) = parse_package_lock(v2).unwrap() else {
            panic!()
        };
        assert!(matches!(o.properties[2].value, Value::NullKeyword(_)));
        let v1 = r#"{"lockfileVersion": 1, "packages": {}, "dependencies": {"a": {}}}"#;
        let Value::Object(o) = parse_package_lock(v1).unwrap() else {
            panic!()
        };
        assert!(matches!(o.properties[2].value, Value::Object(_)));
        let broken = r#"{"lockfileVersion": 3, "packages": {}, "dependencies": {"a": [1,]}}"#;
        assert_eq!(parse_package_lock(broken).unwrap_err().offset, 64);
    }

    #[test]
    fn rejects_bad_json() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "\"a",
            "\"\t\"",
            "{a:1}",
            "[1] x",
            "\"\\x\"",
            "\"\\ud800\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let e = parse("[1,\n 2,]").unwrap_err();
        assert_eq!(e.offset, 7);
        assert!(parse(&"[".repeat(100_000)).is_err());
    }
}
