//! Position-aware access to JSON (npm) and JSONC (bun) lockfiles.
//!
//! Both readers work on `jsonc-parser`'s AST, which keeps the byte range of every key and
//! value, so entries can point at `file:line` without a second scan. `package-lock.json` is
//! parsed into that AST by the strict, faster [`super::json_parse`]; `bun.lock` by
//! `jsonc-parser` itself (comments, trailing commas). Nesting is capped (256 levels for JSON,
//! 512 for JSONC), so hostile input such as 100k `[` is an error, not a stack overflow.

use crate::{LineIndex, LockfileError};
use jsonc_parser::ast::{Object, ObjectProp, Value};
use jsonc_parser::{CollectOptions, ParseOptions};
use std::path::Path;

/// Which grammar to accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// RFC 8259 JSON (`package-lock.json`).
    Json,
    /// JSON with comments and trailing commas (`bun.lock`).
    Jsonc,
}

/// A parsed document plus what is needed to turn byte offsets into lines for errors and
/// [`diligence_graph::Location`]s.
pub(crate) struct JsonDoc<'t> {
    pub path: &'t Path,
    lines: LineIndex,
    dialect: Dialect,
}

impl<'t> JsonDoc<'t> {
    /// Parses `text`; a syntax error is a [`LockfileError`] with line and column.
    pub fn parse(
        text: &'t str,
        path: &'t Path,
        dialect: Dialect,
    ) -> Result<(Self, Value<'t>), LockfileError> {
        let doc = JsonDoc {
            path,
            lines: LineIndex::new(text),
            dialect,
        };
        let value = match dialect {
            Dialect::Json => super::json_parse::parse_package_lock(text).map_err(|e| {
                if e.valid_json {
                    doc.error_at(e.offset, e.message)
                } else {
                    doc.error_at(e.offset, format!("invalid JSON: {}", e.message))
                }
            })?,
            Dialect::Jsonc => parse_jsonc(text, path)?,
        };
        Ok((doc, value))
    }

    /// The property `key` of `obj`; a key written twice is an error (package managers keep
    /// the last, a reviewer reads the first: never pick one silently).
    pub fn get<'v, 'a>(
        &self,
        obj: &'v Object<'a>,
        key: &str,
    ) -> Result<Option<&'v ObjectProp<'a>>, LockfileError> {
        if self.dialect == Dialect::Json && obj.properties.len() <= super::json_parse::SMALL_OBJECT
        {
            // Duplicates in small objects were rejected by the parser.
            return Ok(obj.properties.iter().find(|p| p.name.as_str() == key));
        }
        let mut found = obj.properties.iter().filter(|p| p.name.as_str() == key);
        let first = found.next();
        if let Some(dup) = found.next() {
            return Err(self.error_at(dup.range.start, format!("duplicate key `{key}`")));
        }
        Ok(first)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        u32::try_from(self.lines.line(offset)).unwrap_or(u32::MAX)
    }

    /// An error pointing at a byte offset.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> LockfileError {
        let (line, column) = self.lines.line_col(offset);
        LockfileError::at(self.path, line, column, message)
    }

    /// `value` as an object, or an error naming `what`.
    pub fn object<'v, 'a>(
        &self,
        value: &'v Value<'a>,
        what: &str,
    ) -> Result<&'v Object<'a>, LockfileError> {
        match value {
            Value::Object(o) => Ok(o),
            other => Err(self.type_error(other, what, "an object")),
        }
    }

    /// `value` as a string, or an error naming `what`.
    pub fn string<'v>(&self, value: &'v Value<'_>, what: &str) -> Result<&'v str, LockfileError> {
        match value {
            Value::StringLit(s) => Ok(&s.value),
            other => Err(self.type_error(other, what, "a string")),
        }
    }

    /// The string field `key` of `obj` with its property, `None` when absent; an error when it
    /// has another type.
    pub fn opt_string<'v, 'a>(
        &self,
        obj: &'v Object<'a>,
        key: &str,
        owner: &str,
    ) -> Result<Option<(&'v str, &'v ObjectProp<'a>)>, LockfileError> {
        let Some(prop) = self.get(obj, key)? else {
            return Ok(None);
        };
        match &prop.value {
            Value::StringLit(s) => Ok(Some((&s.value, prop))),
            other => Err(self.type_error(other, &format!("`{key}` of {owner}"), "a string")),
        }
    }

    /// The boolean field `key` of `obj` (absent = false); an error when it has another type.
    pub fn flag(&self, obj: &Object<'_>, key: &str, owner: &str) -> Result<bool, LockfileError> {
        match self.get(obj, key)?.map(|p| &p.value) {
            None => Ok(false),
            Some(Value::BooleanLit(b)) => Ok(b.value),
            Some(other) => {
                Err(self.type_error(other, &format!("`{key}` of {owner}"), "true or false"))
            }
        }
    }

    /// The `{ name: spec }` map `key` of `obj` (absent = empty); errors name the key.
    pub fn string_map<'v>(
        &self,
        obj: &'v Object<'_>,
        key: &str,
        owner: &str,
    ) -> Result<Vec<(&'v str, &'v str)>, LockfileError> {
        let Some(prop) = self.get(obj, key)? else {
            return Ok(Vec::new());
        };
        let Value::Object(map) = &prop.value else {
            return Err(self.type_error(&prop.value, &format!("`{key}` of {owner}"), "an object"));
        };
        map.properties
            .iter()
            .map(|p| match &p.value {
                Value::StringLit(spec) => Ok((p.name.as_str(), &*spec.value)),
                other => Err(self.type_error(
                    other,
                    &format!("`{}` in `{key}` of {owner}", p.name.as_str()),
                    "a string",
                )),
            })
            .collect()
    }

    /// The array of strings `key` of `obj` (absent = empty).
    pub fn string_list<'v>(
        &self,
        obj: &'v Object<'_>,
        key: &str,
        owner: &str,
    ) -> Result<Vec<&'v str>, LockfileError> {
        let Some(prop) = self.get(obj, key)? else {
            return Ok(Vec::new());
        };
        let what = format!("`{key}` of {owner}");
        let Value::Array(items) = &prop.value else {
            return Err(self.type_error(&prop.value, &what, "an array"));
        };
        items
            .elements
            .iter()
            .map(|v| self.string(v, &format!("an item of {what}")))
            .collect()
    }

    /// "`what` must be `expected`, found a number" at the value's position.
    pub fn type_error(&self, value: &Value<'_>, what: &str, expected: &str) -> LockfileError {
        self.error_at(
            start(value),
            format!("{what} must be {expected}, found {}", kind(value)),
        )
    }
}

/// JSONC as bun writes it: comments and trailing commas; nesting capped at 512 by the parser.
fn parse_jsonc<'t>(text: &'t str, path: &Path) -> Result<Value<'t>, LockfileError> {
    let options = ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: false,
        allow_trailing_commas: true,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let parsed =
        jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options).map_err(|e| {
            LockfileError::at(
                path,
                e.line_display(),
                e.column_display(),
                e.kind().to_string(),
            )
        })?;
    parsed
        .value
        .ok_or_else(|| LockfileError::new(path, "empty lockfile: no JSON value"))
}

/// Byte offset where a value starts.
pub(crate) fn start(value: &Value<'_>) -> usize {
    match value {
        Value::StringLit(v) => v.range.start,
        Value::NumberLit(v) => v.range.start,
        Value::BooleanLit(v) => v.range.start,
        Value::Object(v) => v.range.start,
        Value::Array(v) => v.range.start,
        Value::NullKeyword(v) => v.range.start,
    }
}

/// A JSON type name for messages.
pub(crate) fn kind(value: &Value<'_>) -> &'static str {
    match value {
        Value::StringLit(_) => "a string",
        Value::NumberLit(_) => "a number",
        Value::BooleanLit(_) => "a boolean",
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
        Value::NullKeyword(_) => "null",
    }
}
