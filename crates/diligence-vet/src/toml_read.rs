//! Strict reading of the ledger's TOML files over `toml`'s spanned document tree: every error
//! names the file and the 1-based line and column of the offending key or value, like
//! `diligence.toml` errors (`supply-chain/audits.toml:12:1: unknown key `vesion` …`).

use crate::VetError;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A TOML value with its byte span.
pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// One file being read: its display path, text and line starts.
pub(crate) struct Doc<'t> {
    pub path: String,
    pub text: &'t str,
    line_starts: Vec<usize>,
}

impl<'t> Doc<'t> {
    pub fn new(path: impl Into<String>, text: &'t str) -> Doc<'t> {
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(text).map(|i| i + 1));
        Doc {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// Parses the whole document. Errors: the TOML is malformed.
    pub fn parse(&self) -> Result<Spanned<DeTable<'t>>, VetError> {
        DeTable::parse(self.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            self.error(span, e.message().trim().to_string())
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        self.line_col(offset).0 as u32
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> VetError {
        let (line, column) = self.line_col(span.start);
        VetError::Invalid {
            path: self.path.clone(),
            line,
            column,
            message: message.into(),
        }
    }

    /// The value as a table. `what` names it in the error.
    pub fn table<'a>(&self, v: &'a Value<'t>, what: &str) -> Result<&'a DeTable<'t>, VetError> {
        v.get_ref()
            .as_table()
            .ok_or_else(|| self.error(v.span(), format!("{what} must be a table")))
    }

    /// Errors on the first key of `t` not in `allowed` (at the key), naming the allowed keys.
    pub fn only_keys(&self, t: &DeTable<'t>, allowed: &[&str], what: &str) -> Result<(), VetError> {
        for key in t.keys() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                return Err(self.error(
                    key.span(),
                    format!(
                        "unknown key `{}` in {what} (expected one of: {})",
                        key.get_ref(),
                        allowed.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// A string value.
    pub fn string(&self, v: &Value<'t>, what: &str) -> Result<String, VetError> {
        v.get_ref()
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| self.error(v.span(), format!("{what} must be a string")))
    }

    /// A string or an array of strings, each with its span.
    pub fn strings(
        &self,
        v: &Value<'t>,
        what: &str,
    ) -> Result<Vec<(String, Range<usize>)>, VetError> {
        if let Some(s) = v.get_ref().as_str() {
            return Ok(vec![(s.to_string(), v.span())]);
        }
        let Some(items) = v.get_ref().as_array() else {
            return Err(self.error(
                v.span(),
                format!("{what} must be a string or an array of strings"),
            ));
        };
        items
            .iter()
            .map(|i| Ok((self.string(i, what)?, i.span())))
            .collect()
    }

    /// A boolean value.
    pub fn boolean(&self, v: &Value<'t>, what: &str) -> Result<bool, VetError> {
        v.get_ref()
            .as_bool()
            .ok_or_else(|| self.error(v.span(), format!("{what} must be true or false")))
    }

    /// An array of tables (`[[x.y]]`), each with its span.
    pub fn tables<'a>(
        &self,
        v: &'a Value<'t>,
        what: &str,
    ) -> Result<Vec<(&'a DeTable<'t>, Range<usize>)>, VetError> {
        let Some(items) = v.get_ref().as_array() else {
            return Err(self.error(
                v.span(),
                format!("{what} must be an array of tables (`[[{what}]]`)"),
            ));
        };
        items
            .iter()
            .map(|i| Ok((self.table(i, what)?, i.span())))
            .collect()
    }

    /// A TOML local date (`2026-12-07`) as text.
    pub fn date(&self, v: &Value<'t>, what: &str) -> Result<String, VetError> {
        match v.get_ref().as_datetime() {
            Some(d) if d.date.is_some() && d.time.is_none() => Ok(d.to_string()),
            _ => Err(self.error(v.span(), format!("{what} must be a date like 2026-12-07"))),
        }
    }
}

/// Looks a key up in a spanned table.
pub(crate) fn get<'a, 't>(t: &'a DeTable<'t>, key: &str) -> Option<&'a Value<'t>> {
    t.get(key)
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i)
}

/// A key for a TOML header or inline key: bare when it is `[A-Za-z0-9_-]+`, else a quoted
/// basic string.
pub(crate) fn key(name: &str) -> String {
    if !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        name.to_string()
    } else {
        quote(name)
    }
}

/// A TOML basic string literal for `s`, escaped.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column() {
        let d = Doc::new("f", "a = 1\nbé = 2\n");
        assert_eq!(d.line_col(0), (1, 1));
        assert_eq!(d.line_col(6), (2, 1));
        assert_eq!(d.line_col(9), (2, 3));
    }

    #[test]
    fn keys_and_quotes() {
        assert_eq!(key("lodash"), "lodash");
        assert_eq!(key("@babel/core"), "\"@babel/core\"");
        assert_eq!(quote("a\"b\\c\nd\u{1b}"), "\"a\\\"b\\\\c\\nd\\u001B\"");
    }
}
