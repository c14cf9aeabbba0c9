//! Static deobfuscation, never execution: a pre-pass over a program's top-level statements
//! that finds what the constant folder ([`super::value::Env`]) can then evaluate.
//!
//! - **obfuscator.io string arrays**: a function (or variable) holding an array of string
//!   literals, a decoder function that indexes it after subtracting a constant (optionally
//!   decoding each entry from obfuscator.io's base64 alphabet, or base64 then RC4 with a
//!   per-call key), and the rotation IIFE that shifts the array until an arithmetic checksum
//!   over `parseInt(decoder(n))` equals a target (or, in older versions, a fixed number of
//!   times). The rotation is replayed on the literals with a tiny evaluator of that checksum
//!   (numbers, `+ - * / %`, unary minus, `parseInt`, decoder calls); nothing else runs.
//!   Calls of the decoder (and of its aliases, see [`Known::decoders`]) then fold to the
//!   original strings: `require(_0x3f4e(0x1a5))` is `require('child_process')`.
//! - **pure helpers**: top-level functions whose body is a single `return <expression>` over
//!   their parameters (`const k = (a, b) => a + b`, obfuscator.io's wrapper functions
//!   `function w(a, b) { return d(a - -0x2b1, b); }`), which the folder inlines with the
//!   arguments bound, within its depth limit.
//!
//! Everything is bounded: arrays up to [`MAX_STRINGS`] entries, one rotation pass of at most
//! the array's length, inlining within the folder's recursion depth.

use oxc_ast::ast::*;
use oxc_semantic::Scoping;
use oxc_syntax::operator::{BinaryOperator, UnaryOperator};
use oxc_syntax::symbol::SymbolId;
use std::collections::HashMap;

/// Largest string array replayed.
pub const MAX_STRINGS: usize = 20_000;

/// How a decoder turns an entry into the string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Plain,
    /// obfuscator.io's base64 (lowercase alphabet first), then UTF-8.
    Base64,
    /// Base64 as above, then RC4 with the call's second argument as key.
    Rc4,
}

/// A recognised string-array decoder.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoder {
    /// The array after rotation.
    pub strings: Vec<String>,
    /// Subtracted from the index argument.
    pub offset: f64,
    pub variant: Variant,
}

impl Decoder {
    /// The string for index `i` (and RC4 `key`), if in range and decodable.
    pub fn decode(&self, i: f64, key: Option<&str>) -> Option<String> {
        let idx = i - self.offset;
        if idx < 0.0 || idx.fract() != 0.0 {
            return None;
        }
        let raw = self.strings.get(idx as usize)?;
        match self.variant {
            Variant::Plain => Some(raw.clone()),
            Variant::Base64 => {
                let bytes = custom_base64(raw)?;
                String::from_utf8(bytes).ok()
            }
            Variant::Rc4 => {
                let bytes = custom_base64(raw)?;
                // obfuscator.io decodes the base64 to a percent-encoded UTF-8 string first,
                // then RC4s its characters.
                let text = String::from_utf8(bytes).ok()?;
                let out = rc4(
                    key?.as_bytes(),
                    &text.chars().map(|c| c as u32).collect::<Vec<_>>(),
                );
                Some(out.into_iter().filter_map(char::from_u32).collect())
            }
        }
    }
}

/// What the pre-pass found in one program.
#[derive(Default)]
pub struct Known<'a> {
    /// Decoder functions by symbol.
    pub decoders: HashMap<SymbolId, Decoder>,
    /// Single-return functions by symbol: parameters and the returned expression.
    pub pure: HashMap<SymbolId, (Vec<SymbolId>, &'a Expression<'a>)>,
}

/// Runs the pre-pass over `program`.
pub fn string_table<'a>(program: &'a Program<'a>, scoping: &Scoping, src: &str) -> Known<'a> {
    let mut known = Known::default();
    let stmts = top_level(program);
    // String arrays: functions returning a literal array, or variables holding one.
    let mut arrays: HashMap<SymbolId, (Vec<String>, bool)> = HashMap::new();
    for s in &stmts {
        match s {
            Statement::FunctionDeclaration(f) => {
                if let (Some(id), Some(body)) = (&f.id, &f.body)
                    && let Some(sym) = id.symbol_id.get()
                {
                    pure_function(f, sym, &mut known);
                    if let Some(arr) = body.statements.iter().find_map(literal_array_decl) {
                        arrays.insert(sym, (arr, true));
                    }
                }
            }
            Statement::VariableDeclaration(d) => {
                for decl in &d.declarations {
                    let (BindingPattern::BindingIdentifier(id), Some(init)) =
                        (&decl.id, &decl.init)
                    else {
                        continue;
                    };
                    let Some(sym) = id.symbol_id.get() else {
                        continue;
                    };
                    match init.without_parentheses() {
                        Expression::ArrayExpression(a) => {
                            if let Some(arr) = string_array(a) {
                                arrays.insert(sym, (arr, false));
                            }
                        }
                        Expression::FunctionExpression(f) => pure_function(f, sym, &mut known),
                        Expression::ArrowFunctionExpression(a) => pure_arrow(a, sym, &mut known),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    if arrays.is_empty() {
        return known;
    }
    // Decoders: functions that reach an array and subtract a constant from their first
    // parameter.
    for s in &stmts {
        let (sym, f) = match s {
            Statement::FunctionDeclaration(f) => {
                match f.id.as_ref().and_then(|i| i.symbol_id.get()) {
                    Some(sym) => (sym, &**f),
                    None => continue,
                }
            }
            Statement::VariableDeclaration(d) => {
                let Some((sym, f)) = d.declarations.iter().find_map(|decl| {
                    let BindingPattern::BindingIdentifier(id) = &decl.id else {
                        return None;
                    };
                    match decl.init.as_ref()?.without_parentheses() {
                        Expression::FunctionExpression(f) => Some((id.symbol_id.get()?, &**f)),
                        _ => None,
                    }
                }) else {
                    continue;
                };
                (sym, f)
            }
            _ => continue,
        };
        if arrays.contains_key(&sym) {
            continue;
        }
        let Some(body) = &f.body else { continue };
        let text = src
            .get(body.span.start as usize..body.span.end as usize)
            .unwrap_or("");
        let Some((arr_sym, (strings, _))) = arrays.iter().find(|(a, _)| {
            let name = scoping.symbol_name(**a);
            text.contains(&format!("{name}(")) || text.contains(&format!("{name}["))
        }) else {
            continue;
        };
        let offset = decoder_offset(text).unwrap_or(0.0);
        let variant =
            if text.contains("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=") {
                if text.contains("0x100") || text.contains("256") {
                    Variant::Rc4
                } else {
                    Variant::Base64
                }
            } else {
                Variant::Plain
            };
        let _ = arr_sym;
        known.decoders.insert(
            sym,
            Decoder {
                strings: strings.clone(),
                offset,
                variant,
            },
        );
    }
    if known.decoders.is_empty() {
        return known;
    }
    // Rotation: an IIFE called with the array (or its function) and a number.
    for s in &stmts {
        let Statement::ExpressionStatement(es) = s else {
            continue;
        };
        let Some((func, args)) = iife(&es.expression) else {
            continue;
        };
        let (Some(Argument::Identifier(arr)), Some(target)) = (
            args.first(),
            args.get(1).and_then(|a| a.as_expression()).and_then(num),
        ) else {
            continue;
        };
        let Some(arr_sym) = scoping.get_reference(arr.reference_id()).symbol_id() else {
            continue;
        };
        if !arrays.contains_key(&arr_sym) {
            continue;
        }
        let Some(body) = &func.body else { continue };
        let text = src
            .get(body.span.start as usize..body.span.end as usize)
            .unwrap_or("");
        if !(text.contains("push") && text.contains("shift")) {
            continue;
        }
        let checksum = find_checksum(body);
        for dec in known.decoders.values_mut() {
            rotate(dec, checksum, target);
        }
        break;
    }
    known
}

/// Replays the rotation on `dec.strings`.
fn rotate(dec: &mut Decoder, checksum: Option<&Expression<'_>>, target: f64) {
    let n = dec.strings.len();
    if n == 0 {
        return;
    }
    match checksum {
        Some(expr) => {
            for _ in 0..n {
                if eval_checksum(expr, dec) == Some(target) {
                    return;
                }
                dec.strings.rotate_left(1);
            }
        }
        None => {
            let k = (target.max(0.0) as usize) % n;
            dec.strings.rotate_left(k);
        }
    }
}

/// The checksum expression of a new-style rotation loop: the initializer of the variable
/// compared with the target (`const v = -parseInt(d(0x1e4))/0x1 + …; if (v === t) break;`).
fn find_checksum<'a>(body: &'a FunctionBody<'a>) -> Option<&'a Expression<'a>> {
    fn in_stmts<'a>(stmts: &'a [Statement<'a>]) -> Option<&'a Expression<'a>> {
        for s in stmts {
            let found = match s {
                Statement::VariableDeclaration(d) => d.declarations.iter().find_map(|decl| {
                    let init = decl.init.as_ref()?;
                    mentions_parse_int(init).then_some(init)
                }),
                Statement::WhileStatement(w) => in_stmt(&w.body),
                Statement::ForStatement(f) => in_stmt(&f.body),
                Statement::DoWhileStatement(w) => in_stmt(&w.body),
                Statement::BlockStatement(b) => in_stmts(&b.body),
                Statement::TryStatement(t) => in_stmts(&t.block.body),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }
    fn in_stmt<'a>(s: &'a Statement<'a>) -> Option<&'a Expression<'a>> {
        in_stmts(std::slice::from_ref(s))
    }
    in_stmts(&body.statements)
}

fn mentions_parse_int(e: &Expression<'_>) -> bool {
    match e.without_parentheses() {
        Expression::CallExpression(c) => {
            matches!(&c.callee, Expression::Identifier(id) if id.name == "parseInt")
        }
        Expression::BinaryExpression(b) => {
            mentions_parse_int(&b.left) || mentions_parse_int(&b.right)
        }
        Expression::UnaryExpression(u) => mentions_parse_int(&u.argument),
        _ => false,
    }
}

/// Evaluates a checksum: numbers, arithmetic, unary minus, `parseInt(decoderCall)`.
fn eval_checksum(e: &Expression<'_>, dec: &Decoder) -> Option<f64> {
    match e.without_parentheses() {
        Expression::NumericLiteral(n) => Some(n.value),
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::UnaryNegation => {
            Some(-eval_checksum(&u.argument, dec)?)
        }
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::UnaryPlus => {
            eval_checksum(&u.argument, dec)
        }
        Expression::BinaryExpression(b) => {
            let (l, r) = (eval_checksum(&b.left, dec)?, eval_checksum(&b.right, dec)?);
            Some(match b.operator {
                BinaryOperator::Addition => l + r,
                BinaryOperator::Subtraction => l - r,
                BinaryOperator::Multiplication => l * r,
                BinaryOperator::Division => l / r,
                BinaryOperator::Remainder => l % r,
                _ => return None,
            })
        }
        Expression::CallExpression(c) => {
            let is_parse_int =
                matches!(&c.callee, Expression::Identifier(id) if id.name == "parseInt");
            if !is_parse_int {
                return None;
            }
            let Some(Expression::CallExpression(inner)) = c
                .arguments
                .first()
                .and_then(|a| a.as_expression())
                .map(|x| x.without_parentheses())
            else {
                return None;
            };
            let idx = inner
                .arguments
                .first()
                .and_then(|a| a.as_expression())
                .and_then(num)?;
            let key = inner
                .arguments
                .get(1)
                .and_then(|a| a.as_expression())
                .and_then(|x| match x {
                    Expression::StringLiteral(s) => Some(s.value.as_str()),
                    _ => None,
                });
            let s = dec.decode(idx, key)?;
            Some(parse_int(&s))
        }
        _ => None,
    }
}

/// JavaScript's `parseInt(s)` in base 10 (NaN when no digits).
pub fn parse_int(s: &str) -> f64 {
    let t = s.trim_start();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() {
        return f64::NAN;
    }
    let v: f64 = digits.parse().unwrap_or(f64::NAN);
    if neg { -v } else { v }
}

/// A number literal, possibly negated.
fn num(e: &Expression<'_>) -> Option<f64> {
    match e.without_parentheses() {
        Expression::NumericLiteral(n) => Some(n.value),
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::UnaryNegation => {
            Some(-num(&u.argument)?)
        }
        _ => None,
    }
}

/// The statements at the top of the program, and inside a top-level IIFE wrapper
/// (`(function () { … })()`, `!function () { … }()`), where obfuscated code often sits.
fn top_level<'a>(program: &'a Program<'a>) -> Vec<&'a Statement<'a>> {
    let mut out: Vec<&'a Statement<'a>> = program.body.iter().collect();
    for s in &program.body {
        if let Statement::ExpressionStatement(es) = s
            && let Some((f, _)) = iife(&es.expression)
            && let Some(body) = &f.body
        {
            out.extend(body.statements.iter());
        }
    }
    out
}

/// `(function (…) { … })(args)` or `!function…(args)`: the function and the arguments.
fn iife<'a>(e: &'a Expression<'a>) -> Option<(&'a Function<'a>, &'a [Argument<'a>])> {
    let e = match e.without_parentheses() {
        Expression::UnaryExpression(u) => u.argument.without_parentheses(),
        Expression::SequenceExpression(s) => s.expressions.first()?.without_parentheses(),
        other => other,
    };
    let Expression::CallExpression(c) = e else {
        return None;
    };
    match c.callee.without_parentheses() {
        Expression::FunctionExpression(f) => Some((f, &c.arguments)),
        _ => None,
    }
}

/// `const a = ['…', …]` among a function's statements.
fn literal_array_decl(s: &Statement<'_>) -> Option<Vec<String>> {
    let Statement::VariableDeclaration(d) = s else {
        return None;
    };
    d.declarations
        .iter()
        .find_map(|decl| match decl.init.as_ref()?.without_parentheses() {
            Expression::ArrayExpression(a) => string_array(a),
            _ => None,
        })
}

/// An array literal of at least 5 string literals (and nothing else).
fn string_array(a: &ArrayExpression<'_>) -> Option<Vec<String>> {
    if a.elements.len() < 5 || a.elements.len() > MAX_STRINGS {
        return None;
    }
    a.elements
        .iter()
        .map(|el| match el.as_expression() {
            Some(Expression::StringLiteral(s)) => Some(s.value.to_string()),
            _ => None,
        })
        .collect()
}

/// The constant a decoder subtracts from its index (`a = a - 0x1d9`, `a -= 0x1d9`,
/// `a = a - -0x12`), read from its text.
fn decoder_offset(text: &str) -> Option<f64> {
    // Find `X=X-NUM` or `X-=NUM` where NUM may be hex and may be negative.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(pos) = text[i..].find('-') {
        let at = i + pos;
        i = at + 1;
        let mut j = at + 1;
        if bytes.get(j) == Some(&b'=') {
            j += 1;
        }
        while bytes.get(j) == Some(&b' ') {
            j += 1;
        }
        let neg = bytes.get(j) == Some(&b'-');
        if neg {
            j += 1;
        }
        let rest = &text[j..];
        let lit: String = rest
            .chars()
            .take_while(|c| c.is_ascii_hexdigit() || *c == 'x' || *c == 'X')
            .collect();
        if lit.is_empty() {
            continue;
        }
        // The subtraction must apply to an identifier that is also assigned (`a=a-N`).
        let before = text[..at].trim_end();
        if !before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let v = if let Some(h) = lit.strip_prefix("0x").or_else(|| lit.strip_prefix("0X")) {
            i64::from_str_radix(h, 16).ok()? as f64
        } else {
            lit.parse::<f64>().ok()?
        };
        return Some(if neg { -v } else { v });
    }
    None
}

/// Records `f` when its body is a single `return <expr>` over simple parameters.
fn pure_function<'a>(f: &'a Function<'a>, sym: SymbolId, known: &mut Known<'a>) {
    let Some(body) = &f.body else { return };
    let [Statement::ReturnStatement(r)] = body.statements.as_slice() else {
        return;
    };
    let Some(arg) = &r.argument else { return };
    let Some(params) = simple_params(&f.params) else {
        return;
    };
    known.pure.insert(sym, (params, arg));
}

fn pure_arrow<'a>(a: &'a ArrowFunctionExpression<'a>, sym: SymbolId, known: &mut Known<'a>) {
    let Some(params) = simple_params(&a.params) else {
        return;
    };
    let e = match &a.body {
        ArrowFunctionBody::FunctionBody(b) => match b.statements.as_slice() {
            [Statement::ReturnStatement(r)] => match &r.argument {
                Some(e) => e,
                None => return,
            },
            _ => return,
        },
        other => match other.as_expression() {
            Some(e) => e,
            None => return,
        },
    };
    known.pure.insert(sym, (params, e));
}

fn simple_params(p: &FormalParameters<'_>) -> Option<Vec<SymbolId>> {
    if p.rest.is_some() {
        return None;
    }
    p.items
        .iter()
        .map(|i| match &i.pattern {
            BindingPattern::BindingIdentifier(id) => id.symbol_id.get(),
            _ => None,
        })
        .collect()
}

/// obfuscator.io's base64: alphabet `a–z A–Z 0–9 + /`, `=` padding, then the bytes are
/// percent-encoded and `decodeURIComponent`-ed, i.e. read as UTF-8.
fn custom_base64(s: &str) -> Option<Vec<u8>> {
    const ALPHA: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut buf, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        if c == b'=' {
            break;
        }
        let v = ALPHA.iter().position(|&a| a == c)? as u32;
        buf = (buf << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// RC4 over code units (obfuscator.io XORs `charCodeAt` values with the keystream).
fn rc4(key: &[u8], data: &[u32]) -> Vec<u32> {
    if key.is_empty() {
        return data.to_vec();
    }
    let mut s: Vec<u32> = (0..256).collect();
    let mut j = 0usize;
    for i in 0..256 {
        j = (j + s[i] as usize + key[i % key.len()] as usize) % 256;
        s.swap(i, j);
    }
    let (mut i, mut j) = (0usize, 0usize);
    data.iter()
        .map(|&c| {
            i = (i + 1) % 256;
            j = (j + s[i] as usize) % 256;
            s.swap(i, j);
            c ^ s[(s[i] as usize + s[j] as usize) % 256]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_int_is_javascripts() {
        assert_eq!(parse_int("1234abc"), 1234.0);
        assert_eq!(parse_int("  -12x"), -12.0);
        assert!(parse_int("abc").is_nan());
    }

    #[test]
    fn custom_base64_and_rc4() {
        // 'exec' in obfuscator.io's alphabet (lowercase first): standard "ZXhlYw==" with
        // the cases swapped.
        assert_eq!(custom_base64("zxHLyW==").as_deref(), Some(&b"exec"[..]));
        let enc = rc4(b"k", &"hi".chars().map(|c| c as u32).collect::<Vec<_>>());
        let dec = rc4(b"k", &enc);
        assert_eq!(dec, vec!['h' as u32, 'i' as u32]);
    }

    #[test]
    fn decoder_offsets() {
        assert_eq!(
            decoder_offset("{_0x1=_0x1-0x1d9;let x=a[_0x1];}"),
            Some(473.0)
        );
        assert_eq!(decoder_offset("{a-=0x10;}"), Some(16.0));
        assert_eq!(decoder_offset("{a=a- -0x2;}"), Some(-2.0));
    }
}
