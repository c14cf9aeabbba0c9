//! Constant folding over the oxc AST with names resolved through oxc's semantic model.
//!
//! [`Env::eval`] turns an expression into an abstract [`Val`]: a string or number when it can
//! be computed statically (concatenation, `join`, `reverse`, `split`, `String.fromCharCode`,
//! `atob`, `Buffer.from(…, 'base64' | 'hex').toString()`), a module member
//! (`require('child_process').exec`, also through aliases like `cp['ex' + 'ec']` or
//! `module.constructor.prototype.require.bind(module)('n' + 'et')`), or a global path
//! (`globalThis[atob('ZXZhbA==')]` is `eval`). Bindings are looked up by symbol, not by name,
//! so shadowed names are not confused.
//!
//! Also folded: booleans, `null`/`undefined` and JavaScript's `+`/`!`/unary `+` conversions, so
//! JSFuck character tables (`(![]+[])[+[]]` is `f`, `[]['filter']['constructor']` is
//! `Function`) give their strings; indirect calls (`Reflect.apply(f, this, [a])`,
//! `f.call(this, a)`, `f.apply(this, [a])`); `map` over a table of `[member, module]` pairs with
//! a destructuring callback and a decided `?:`; and lazy-require `Proxy` loaders, whose
//! properties are modules by name or by a ROT13/reversed name of a Node built-in.

use super::deobfuscate::{Known, Prop};
use crate::decode;
use oxc_ast::ast::*;
use oxc_semantic::Scoping;
use oxc_syntax::operator::{BinaryOperator, LogicalOperator, UnaryOperator};
use oxc_syntax::symbol::SymbolId;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// An abstract value.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Unknown,
    Str(String),
    Num(f64),
    Arr(Vec<Val>),
    /// Bytes decoded from a constant (Buffer.from of a constant), as text.
    Bytes(String),
    /// A global path, `globalThis`/`window`/`self`/`global` stripped: `eval`, `process.env`,
    /// `document.cookie`, `Buffer.from`.
    Global(String),
    /// A module (`node:` prefix removed) and a member path inside it (`""` for the module).
    Module(String, String),
    /// An object created by `new Image()` or `document.createElement('img' | 'script' | …)`.
    Element(String),
    /// A string-array decoder found by [`super::deobfuscate`] (or an alias of one).
    Decoder(SymbolId),
    /// A single-return function the folder may inline (see [`super::deobfuscate`]).
    Pure(SymbolId),
    /// A single-return function held by a constant object literal: the object's symbol and
    /// the property's index (see [`super::deobfuscate::Prop`]).
    ObjFn(SymbolId, u32),
    /// `true` / `false` (from literals, `!` and comparisons the folder computes).
    Bool(bool),
    /// `null`.
    Null,
    /// `undefined` (the global, `void 0`, a missing array element).
    Undef,
    /// A lazy module loader: a `Proxy` whose `get` trap requires the module a property name
    /// stands for (see [`super::deobfuscate::lazy_require_proxy`]).
    Loader,
}

impl Val {
    /// Dotted name: `child_process.exec`, `process.env`, `fetch`.
    pub fn name(&self) -> Option<String> {
        match self {
            Val::Global(g) => Some(g.clone()),
            Val::Module(m, p) if p.is_empty() => Some(m.clone()),
            Val::Module(m, p) => Some(format!("{m}.{p}")),
            _ => None,
        }
    }
    /// The string when the value is a constant string (or decoded bytes).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) | Val::Bytes(s) => Some(s),
            _ => None,
        }
    }
    fn text(&self) -> Option<String> {
        match self {
            Val::Str(s) | Val::Bytes(s) => Some(s.clone()),
            Val::Num(n) => Some(num_text(*n)),
            Val::Bool(b) => Some(b.to_string()),
            Val::Null => Some("null".into()),
            Val::Undef => Some("undefined".into()),
            // `String([1, [2]])` is "1,2"; `null`/`undefined` elements are empty.
            Val::Arr(items) if items.len() <= 4096 => {
                let mut out = String::new();
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    match v {
                        Val::Null | Val::Undef => {}
                        v => out.push_str(&v.text()?),
                    }
                    if out.len() > MAX_STR {
                        return None;
                    }
                }
                Some(out)
            }
            _ => None,
        }
    }

    /// JavaScript's `ToNumber` of a primitive the folder knows (`+true` is 1, `+[]` is 0).
    fn number(&self) -> Option<f64> {
        match self {
            Val::Num(n) => Some(*n),
            Val::Bool(b) => Some(f64::from(u8::from(*b))),
            Val::Null => Some(0.0),
            Val::Undef => Some(f64::NAN),
            Val::Str(_) | Val::Arr(_) => {
                let t = self.text()?;
                let t = t.trim();
                Some(if t.is_empty() {
                    0.0
                } else {
                    t.parse::<f64>().unwrap_or(f64::NAN)
                })
            }
            _ => None,
        }
    }

    /// JavaScript truthiness, when the folder knows the value.
    fn truthy(&self) -> Option<bool> {
        match self {
            Val::Str(s) => Some(!s.is_empty()),
            Val::Num(n) => Some(*n != 0.0 && !n.is_nan()),
            Val::Bool(b) => Some(*b),
            Val::Null | Val::Undef => Some(false),
            Val::Arr(_) | Val::Global(_) | Val::Module(..) | Val::Element(_) => Some(true),
            _ => None,
        }
    }
    fn member(&self, prop: &str) -> Val {
        if prop == "constructor"
            && let Some(c) = self.constructor()
        {
            return c;
        }
        match self {
            Val::Global(g) if g == "globalThis" => Val::Global(prop.to_string()),
            Val::Global(g) => Val::Global(format!("{g}.{prop}")),
            // `require('x').default` (module interop) is the module.
            Val::Module(m, p) if prop == "default" => Val::Module(m.clone(), p.clone()),
            Val::Module(m, p) if p.is_empty() => Val::Module(m.clone(), prop.to_string()),
            Val::Module(m, p) => Val::Module(m.clone(), format!("{p}.{prop}")),
            Val::Element(e) => Val::Element(format!("{e}.{prop}")),
            Val::Loader => match loader_module(prop) {
                Some(m) => Val::Module(m, String::new()),
                None => Val::Unknown,
            },
            Val::Str(s) if prop == "length" => Val::Num(s.chars().count() as f64),
            Val::Arr(a) if prop == "length" => Val::Num(a.len() as f64),
            _ => Val::Unknown,
        }
    }
}

/// Node's built-in modules: what a lazy loader's decoded property name must name.
const NODE_BUILTINS: &[&str] = &[
    "fs",
    "os",
    "path",
    "http",
    "https",
    "http2",
    "net",
    "tls",
    "dgram",
    "dns",
    "child_process",
    "crypto",
    "zlib",
    "vm",
    "module",
    "process",
    "url",
    "util",
    "stream",
    "events",
    "buffer",
    "readline",
    "worker_threads",
    "cluster",
    "querystring",
];

/// The module a lazy loader's property names: the name itself (`$.fs`, `$.child_process`,
/// `$.node_fetch` for `node-fetch`), or, for a Node built-in only, the name decoded by ROT13 or
/// reversed (`$.sf` is `fs`, `$.bf` is `os`, `$.uggcf` is `https`).
fn loader_module(prop: &str) -> Option<String> {
    if prop.is_empty()
        || prop.len() > 64
        || !prop
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
    {
        return None;
    }
    if NODE_BUILTINS.contains(&prop) {
        return Some(prop.to_string());
    }
    // A package name spelled with `_` for `-` (`$.node_fetch`).
    Some(loader_decoded(prop).unwrap_or_else(|| prop.replace('_', "-")))
}

/// The Node built-in a lazy loader's property name stands for once decoded (ROT13 or
/// reversed; `sf` is `fs`). `None` for a plain name or no built-in.
pub(crate) fn loader_decoded(prop: &str) -> Option<String> {
    if NODE_BUILTINS.contains(&prop) || prop.len() > 64 {
        return None;
    }
    let rot13: String = prop
        .chars()
        .map(|c| match c {
            'a'..='z' => (((c as u8 - b'a') + 13) % 26 + b'a') as char,
            'A'..='Z' => (((c as u8 - b'A') + 13) % 26 + b'A') as char,
            c => c,
        })
        .collect();
    let reversed: String = prop.chars().rev().collect();
    [rot13, reversed]
        .into_iter()
        .find(|c| NODE_BUILTINS.contains(&c.as_str()))
}

/// Array methods JSFuck-style code reaches through `[][name]`.
const ARRAY_METHODS: &[&str] = &[
    "filter", "flat", "fill", "at", "find", "sort", "map", "concat", "entries", "every", "some",
    "forEach", "reduce", "includes", "keys", "values", "reverse", "join", "slice",
];
/// String methods reached the same way (`''['italics']`).
const STRING_METHODS: &[&str] = &[
    "italics",
    "fontcolor",
    "link",
    "anchor",
    "big",
    "blink",
    "bold",
    "sub",
    "sup",
    "strike",
    "concat",
    "at",
    "trim",
];

/// Built-in constructors: each one's `constructor` is `Function`.
const BUILTIN_CTORS: &[&str] = &[
    "Function", "Array", "String", "Object", "Number", "Boolean", "RegExp", "Promise", "Symbol",
    "Date", "Error", "Map", "Set",
];

impl Val {
    /// `v.constructor` when it is a built-in: a string's is `String`, an array's `Array`, a
    /// built-in constructor's (and `Function.prototype`'s) `Function` — so
    /// `''.constructor.constructor`, `[].constructor.constructor`, `Function.constructor` and
    /// `Object.getPrototypeOf(async function () {}).constructor` are the `Function`
    /// constructor, which compiles its last argument as code.
    fn constructor(&self) -> Option<Val> {
        let g = |s: &str| Some(Val::Global(s.to_string()));
        match self {
            Val::Str(_) | Val::Bytes(_) => g("String"),
            Val::Num(_) => g("Number"),
            Val::Bool(_) => g("Boolean"),
            Val::Arr(_) => g("Array"),
            Val::Global(c) if BUILTIN_CTORS.contains(&c.as_str()) => g("Function"),

            Val::Global(c) => c
                .strip_suffix(".prototype")
                .filter(|b| BUILTIN_CTORS.contains(b))
                .and_then(g),
            _ => None,
        }
    }
}

/// The built-in constructor of a literal the folder has no value for (`(() => {})` is a
/// `Function`, `{}` an `Object`, `/x/` a `RegExp`).
fn literal_ctor(e: &Expression) -> Option<Val> {
    let name = match e.without_parentheses() {
        Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_) => "Function",
        Expression::ObjectExpression(_) => "Object",
        Expression::RegExpLiteral(_) => "RegExp",
        Expression::BooleanLiteral(_) => "Boolean",
        _ => return None,
    };
    Some(Val::Global(name.into()))
}

/// Formats a number the way JavaScript's `String(n)` does for integers.
pub fn num_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Globals that `eval` resolves when no binding shadows them.
const GLOBALS: &[&str] = &[
    "process",
    "require",
    "module",
    "exports",
    "globalThis",
    "window",
    "self",
    "global",
    "document",
    "navigator",
    "location",
    "Buffer",
    "eval",
    "Function",
    "atob",
    "btoa",
    "fetch",
    "XMLHttpRequest",
    "WebSocket",
    "EventSource",
    "localStorage",
    "sessionStorage",
    "Image",
    "String",
    "Object",
    "JSON",
    "Array",
    "Date",
    "crypto",
    "Bun",
    "Deno",
    "setTimeout",
    "setInterval",
    "unescape",
    "decodeURIComponent",
    "escape",
    "outerWidth",
    "innerWidth",
    "outerHeight",
    "innerHeight",
    "ethereum",
    "RegExp",
    "Reflect",
    "Proxy",
    "encodeURIComponent",
    "encodeURI",
    "importScripts",
    "Promise",
    "RTCPeerConnection",
    "webkitRTCPeerConnection",
    "WebTransport",
];

/// The globals [`Env::global_vals`] folds.
const GLOBAL_FNS: &[&str] = &[
    "atob",
    "String.fromCharCode",
    "Buffer.from",
    "decodeURIComponent",
    "unescape",
    "String",
    "Object.assign",
    "Array.from",
    "document.createElement",
];

/// Node's HTTP client modules, interchangeable in `secure ? https : http` choices.
const HTTP_CLIENTS: &[&str] = &["http", "https", "http2"];

/// Normalises a module specifier: `node:fs` -> `fs`, `fs/promises` -> `fs`.
/// A path into a `node_modules` folder names the package it loads
/// (`/home/u/.cache/node_modules/socket.io-client` -> `socket.io-client`): code that installs
/// packages at run time into a folder of its own loads them this way.
pub fn module_name(spec: &str) -> String {
    let spec = match spec.rfind("node_modules/") {
        Some(i) if i == 0 || spec[..i].ends_with('/') || spec[..i].ends_with('\\') => {
            let rest = &spec[i + "node_modules/".len()..];
            let mut parts = rest.split('/');
            match (parts.next(), parts.next()) {
                (Some(scope), Some(name)) if scope.starts_with('@') && !name.is_empty() => {
                    &rest[..scope.len() + 1 + name.len()]
                }
                (Some(name), _) if !name.is_empty() => name,
                _ => spec,
            }
        }
        _ => spec,
    };
    let s = spec.strip_prefix("node:").unwrap_or(spec);
    match s {
        "fs/promises" | "fs-extra" | "graceful-fs" => "fs".into(),
        "child_process" | "node:child_process" => "child_process".into(),
        _ => s.to_string(),
    }
}

/// The folding environment: constant bindings and decoded-data taint, keyed by symbol, and
/// what the deobfuscation pre-pass found (string-array decoders, inlinable helpers).
pub struct Env<'s> {
    pub scoping: &'s Scoping,
    pub consts: HashMap<SymbolId, Val>,
    pub tainted: HashSet<SymbolId>,
    pub known: Known<'s>,
    /// Parameter bindings of the helpers being inlined (innermost last).
    overlay: RefCell<Vec<(SymbolId, Val)>>,
}

const MAX_DEPTH: u32 = 24;

/// The abstract value of an object literal that holds `process.env` in a property.
pub const ENV_REPORT: &str = "process.env#report";
const MAX_STR: usize = 1 << 20;

impl<'s> Env<'s> {
    pub fn new(scoping: &'s Scoping, known: Known<'s>) -> Self {
        Env {
            scoping,
            consts: HashMap::new(),
            tainted: HashSet::new(),
            known,
            overlay: RefCell::new(Vec::new()),
        }
    }

    /// True when evaluating `expr` can give more than `Unknown`: its root identifier (through
    /// members and call callees) is a global or a constant binding, or it is a literal. Used to
    /// skip the evaluation of chains rooted in ordinary local variables.
    pub fn worth_eval(&self, expr: &Expression) -> bool {
        let mut e = expr;
        for _ in 0..MAX_DEPTH {
            e = match e {
                Expression::StaticMemberExpression(m)
                    if matches!(m.object, Expression::ThisExpression(_)) =>
                {
                    return self.known.getters.contains_key(m.property.name.as_str());
                }
                Expression::StaticMemberExpression(m) => &m.object,
                Expression::ComputedMemberExpression(m) => &m.object,
                Expression::CallExpression(c) => &c.callee,
                Expression::ParenthesizedExpression(p) => &p.expression,
                // `(0, eval)(code)`: indirect eval, the last expression is the callee. Only a
                // bare name (compilers' `(0, _mod.fn)(…)` interop calls stay as they were).
                Expression::SequenceExpression(s) => match s.expressions.last() {
                    Some(last @ Expression::Identifier(_)) => last,
                    _ => return false,
                },
                Expression::ChainExpression(_) | Expression::NewExpression(_) => return true,
                Expression::Identifier(id) => {
                    return match self.symbol_of(id) {
                        Some(sym) => {
                            self.overlay.borrow().iter().any(|(s, _)| *s == sym)
                                || self.consts.contains_key(&sym)
                                || self.known.objects.contains_key(&sym)
                                || self.known.decoders.contains_key(&sym)
                                || self.known.pure.contains_key(&sym)
                                || self.known.lazy_loaders.contains(&sym)
                                || self.known.webpack.require.contains(&sym)
                        }
                        None => true,
                    };
                }
                Expression::StringLiteral(_)
                | Expression::ArrayExpression(_)
                | Expression::TemplateLiteral(_) => return true,
                // `(() => {}).constructor`: a literal function is worth folding under a member
                // or call, never alone.
                Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_) => {
                    return !std::ptr::eq(e, expr);
                }
                _ => return false,
            };
        }
        false
    }

    /// The symbol an identifier reference resolves to (`None` for globals).
    pub fn symbol_of(&self, ident: &IdentifierReference) -> Option<SymbolId> {
        let rid = ident.reference_id.get()?;
        self.scoping.get_reference(rid).symbol_id()
    }

    /// Evaluates `expr` to an abstract value.
    pub fn eval(&self, expr: &Expression) -> Val {
        self.eval_d(expr, 0)
    }

    fn eval_d(&self, expr: &Expression, d: u32) -> Val {
        if d > MAX_DEPTH {
            return Val::Unknown;
        }
        let d = d + 1;
        match expr {
            Expression::StringLiteral(s) => Val::Str(s.value.as_str().to_string()),
            Expression::NumericLiteral(n) => Val::Num(n.value),
            Expression::BooleanLiteral(b) => Val::Bool(b.value),
            Expression::NullLiteral(_) => Val::Null,
            Expression::TemplateLiteral(t) => self.template(t, d),
            Expression::Identifier(id) => self.ident(id),
            Expression::ParenthesizedExpression(p) => self.eval_d(&p.expression, d),
            Expression::SequenceExpression(s) => s
                .expressions
                .last()
                .map_or(Val::Unknown, |e| self.eval_d(e, d)),
            Expression::AwaitExpression(a) => self.eval_d(&a.argument, d),
            Expression::ChainExpression(c) => match &c.expression {
                ChainElement::CallExpression(call) => self.call(call, d),
                ChainElement::StaticMemberExpression(m) => {
                    self.eval_d(&m.object, d).member(m.property.name.as_str())
                }
                ChainElement::ComputedMemberExpression(m) => {
                    self.computed(&m.object, &m.expression, d)
                }
                _ => Val::Unknown,
            },
            Expression::StaticMemberExpression(m) => {
                // `this.spender` read through a class getter that returns a constant.
                if matches!(m.object, Expression::ThisExpression(_))
                    && let Some(body) = self.known.getters.get(m.property.name.as_str())
                {
                    return self.eval_d(body, d + 2);
                }
                if let Some(v) = self.object_prop(&m.object, m.property.name.as_str(), d) {
                    return v;
                }
                if m.property.name == "constructor"
                    && let Some(v) = literal_ctor(&m.object)
                {
                    return v;
                }
                if m.property.name == "constructor" && self.builtin_method(&m.object, d) {
                    return Val::Global("Function".into());
                }
                self.eval_d(&m.object, d).member(m.property.name.as_str())
            }
            Expression::ComputedMemberExpression(m) => {
                if let Expression::Identifier(_) = &m.object
                    && let Val::Str(k) = self.eval_d(&m.expression, d)
                    && let Some(v) = self.object_prop(&m.object, &k, d)
                {
                    return v;
                }
                self.computed(&m.object, &m.expression, d)
            }
            Expression::ArrayExpression(a) => self.array(a, d),
            Expression::BinaryExpression(b) => self.binary(b, d),
            Expression::UnaryExpression(u) => match (u.operator, self.eval_d(&u.argument, d)) {
                (UnaryOperator::UnaryNegation, Val::Num(n)) => Val::Num(-n),
                (UnaryOperator::UnaryPlus, Val::Num(n)) => Val::Num(n),
                (UnaryOperator::UnaryPlus, Val::Str(s)) => {
                    s.trim().parse::<f64>().map_or(Val::Unknown, Val::Num)
                }
                // JSFuck's digits: `+[]` is 0, `+!+[]` is 1, `+[1]+[0]`… is 10.
                (UnaryOperator::UnaryPlus, v @ (Val::Bool(_) | Val::Arr(_) | Val::Null)) => {
                    v.number().map_or(Val::Unknown, Val::Num)
                }
                (UnaryOperator::LogicalNot, v) => {
                    v.truthy().map_or(Val::Unknown, |b| Val::Bool(!b))
                }
                (UnaryOperator::Void, _) => Val::Undef,
                (UnaryOperator::BitwiseNot, Val::Num(n)) => Val::Num(!(n as i64 as i32) as f64),
                _ => Val::Unknown,
            },
            Expression::LogicalExpression(l) => {
                let left = self.eval_d(&l.left, d);
                match (l.operator, &left) {
                    (LogicalOperator::And, _) => self.eval_d(&l.right, d),
                    (_, Val::Unknown) => self.eval_d(&l.right, d),
                    (LogicalOperator::Coalesce, Val::Null | Val::Undef) => self.eval_d(&l.right, d),
                    (LogicalOperator::Or, v) if v.truthy() == Some(false) => {
                        self.eval_d(&l.right, d)
                    }
                    _ => left,
                }
            }
            Expression::CallExpression(c) => self.call(c, d),
            Expression::ConditionalExpression(c) => self.conditional(c, d),
            Expression::NewExpression(n) => self.new_expr(n, d),
            Expression::ObjectExpression(o) => self.object(o, d),
            Expression::TSAsExpression(t) => self.eval_d(&t.expression, d),
            Expression::TSNonNullExpression(t) => self.eval_d(&t.expression, d),
            Expression::TSSatisfiesExpression(t) => self.eval_d(&t.expression, d),
            _ => Val::Unknown,
        }
    }

    /// The folded value of an identifier (a constant, an alias of a global or module).
    pub(crate) fn ident(&self, id: &IdentifierReference) -> Val {
        if let Some(sym) = self.symbol_of(id) {
            if let Some((_, v)) = self.overlay.borrow().iter().rev().find(|(s, _)| *s == sym) {
                return v.clone();
            }
            if self.known.decoders.contains_key(&sym) {
                return Val::Decoder(sym);
            }
            if let Some(v) = self.consts.get(&sym) {
                return v.clone();
            }
            if self.known.pure.contains_key(&sym) {
                return Val::Pure(sym);
            }
            return Val::Unknown;
        }
        let name = id.name.as_str();
        match name {
            "window" | "self" | "global" | "globalThis" => Val::Global("globalThis".into()),
            n if GLOBALS.contains(&n) => Val::Global(n.into()),
            "undefined" => Val::Undef,
            _ => Val::Unknown,
        }
    }

    pub(crate) fn template(&self, t: &TemplateLiteral, d: u32) -> Val {
        let mut out = String::new();
        for (i, q) in t.quasis.iter().enumerate() {
            out.push_str(
                q.value
                    .cooked
                    .as_ref()
                    .map_or(q.value.raw.as_str(), |c| c.as_str()),
            );
            if let Some(e) = t.expressions.get(i) {
                // Unknown parts fold to "" so the constant parts are still searched.
                if let Some(s) = self.eval_d(e, d).text() {
                    out.push_str(&s);
                }
            }
            if out.len() > MAX_STR {
                return Val::Unknown;
            }
        }
        Val::Str(out)
    }

    fn computed(&self, obj: &Expression, prop: &Expression, d: u32) -> Val {
        let p = match self.eval_d(prop, d) {
            // `s['10']` indexes like `s[10]` (JSFuck builds indexes as digit strings).
            Val::Str(k)
                if !k.is_empty()
                    && k.len() <= 6
                    && k.bytes().all(|b| b.is_ascii_digit())
                    && (k == "0" || !k.starts_with('0')) =>
            {
                Val::Num(k.parse::<f64>().unwrap_or(f64::NAN))
            }
            v => v,
        };
        // Index a constant array in place instead of cloning it.
        if let (Expression::Identifier(id), Val::Num(i)) = (obj, &p)
            && let Some(Val::Arr(items)) = self.symbol_of(id).and_then(|s| self.consts.get(&s))
        {
            return items.get(*i as usize).cloned().unwrap_or(Val::Unknown);
        }
        if p.as_str() == Some("constructor")
            && let Some(v) = literal_ctor(obj)
        {
            return v;
        }
        if p.as_str() == Some("constructor") && self.builtin_method(obj, d) {
            return Val::Global("Function".into());
        }
        let o = self.eval_d(obj, d);
        match (&o, &p) {
            (Val::Arr(items), Val::Num(i)) if *i >= 0.0 => {
                items.get(*i as usize).cloned().unwrap_or(Val::Unknown)
            }
            (_, Val::Str(s)) => o.member(s),
            // `[][[]]`: the key `[]` is "", a property no array has.
            (Val::Arr(_), Val::Arr(k)) if k.is_empty() => Val::Undef,
            (Val::Str(s), Val::Num(i)) if *i >= 0.0 => s
                .chars()
                .nth(*i as usize)
                .map_or(Val::Unknown, |c| Val::Str(c.to_string())),
            _ => Val::Unknown,
        }
    }

    /// True when `e` is a built-in method of an array or string value (`[]['filter']`,
    /// `''['italics']`): a function, whose `constructor` is `Function` (JSFuck's way to reach
    /// it).
    fn builtin_method(&self, e: &Expression, d: u32) -> bool {
        let Some(m) = e.without_parentheses().as_member_expression() else {
            return false;
        };
        let Some(prop) = self.property_name(m, d) else {
            return false;
        };
        match self.eval_d(m.object(), d) {
            Val::Arr(_) => ARRAY_METHODS.contains(&prop.as_str()),
            Val::Str(_) => STRING_METHODS.contains(&prop.as_str()),
            _ => false,
        }
    }

    fn array(&self, a: &ArrayExpression, d: u32) -> Val {
        if a.elements.len() > 4096 {
            return Val::Unknown;
        }
        let mut out = Vec::with_capacity(a.elements.len());
        for el in &a.elements {
            match el.as_expression() {
                Some(e) => out.push(self.eval_d(e, d)),
                None => out.push(Val::Unknown),
            }
        }
        Val::Arr(out)
    }

    fn object(&self, o: &ObjectExpression, d: u32) -> Val {
        // `{ ...process.env }` alone is the environment object.
        if let [ObjectPropertyKind::SpreadProperty(s)] = o.properties.as_slice()
            && self.eval_d(&s.argument, d) == Val::Global("process.env".into())
        {
            return Val::Global("process.env".into());
        }
        // An object literal that carries the whole environment in one of its properties
        // (`{ env: process.env, host: … }`) is a report of it.
        let env = Val::Global("process.env".into());
        let carries = o.properties.iter().any(|p| match p {
            ObjectPropertyKind::ObjectProperty(p) => {
                self.worth_eval(&p.value) && self.eval_d(&p.value, d) == env
            }
            ObjectPropertyKind::SpreadProperty(s) => self.eval_d(&s.argument, d) == env,
        });
        if carries {
            return Val::Global(ENV_REPORT.into());
        }
        Val::Unknown
    }

    pub(crate) fn binary(&self, b: &BinaryExpression, d: u32) -> Val {
        if b.operator == BinaryOperator::Addition {
            // A left-deep chain `a + b + c + …` folds left to right at one depth, so long
            // concatenations (JSFuck's letter by letter names) stay within the depth limit.
            let mut operands: Vec<&Expression> = vec![&b.right];
            let mut left = &b.left;
            while let Expression::BinaryExpression(inner) = left
                && inner.operator == BinaryOperator::Addition
                && operands.len() < 4096
            {
                operands.push(&inner.right);
                left = &inner.left;
            }
            operands.push(left);
            let mut acc: Option<Val> = None;
            for e in operands.into_iter().rev() {
                let v = self.operand(e, d);
                acc = Some(match acc {
                    None => v,
                    Some(l) => Self::add(l, v),
                });
            }
            return acc.unwrap_or(Val::Unknown);
        }
        let l = self.eval_d(&b.left, d);
        let r = self.eval_d(&b.right, d);
        let (Val::Num(x), Val::Num(y)) = (l, r) else {
            return Val::Unknown;
        };
        let (xi, yi) = (x as i64 as i32, y as i64 as i32);
        let v = match b.operator {
            BinaryOperator::Subtraction => x - y,
            BinaryOperator::Multiplication => x * y,
            BinaryOperator::Division if y != 0.0 => x / y,
            BinaryOperator::Remainder if y != 0.0 => x % y,
            BinaryOperator::BitwiseXOR => (xi ^ yi) as f64,
            BinaryOperator::BitwiseOR => (xi | yi) as f64,
            BinaryOperator::BitwiseAnd => (xi & yi) as f64,
            BinaryOperator::ShiftLeft => xi.wrapping_shl(yi as u32 & 31) as f64,
            BinaryOperator::ShiftRight => xi.wrapping_shr(yi as u32 & 31) as f64,
            _ => return Val::Unknown,
        };
        Val::Num(v)
    }

    /// An operand of `+`: an empty object literal is "[object Object]" (`[]+{}`).
    fn operand(&self, e: &Expression, d: u32) -> Val {
        match e.without_parentheses() {
            Expression::ObjectExpression(o) if o.properties.is_empty() => {
                Val::Str("[object Object]".into())
            }
            _ => self.eval_d(e, d),
        }
    }

    /// JavaScript's `+` on two folded values. An unknown part next to a string is dropped, so
    /// the constant parts are still searched.
    fn add(l: Val, r: Val) -> Val {
        let prim = |v: &Val| matches!(v, Val::Num(_) | Val::Bool(_) | Val::Null | Val::Undef);
        match (&l, &r) {
            (Val::Num(x), Val::Num(y)) => Val::Num(x + y),
            // `true + true` is 2 (JSFuck's `!+[]+!+[]`).
            (x, y) if prim(x) && prim(y) => match (x.number(), y.number()) {
                (Some(x), Some(y)) => Val::Num(x + y),
                _ => Val::Unknown,
            },
            _ => match (l.text(), r.text()) {
                (Some(x), Some(y)) if x.len() + y.len() <= MAX_STR => Val::Str(x + &y),
                (Some(x), None) if matches!(l, Val::Str(_)) => Val::Str(x),
                (None, Some(y)) if matches!(r, Val::Str(_)) => Val::Str(y),
                _ => Val::Unknown,
            },
        }
    }

    /// True when `v` is a `require` function (plain, or reached through
    /// `module.constructor.prototype.require`, `module.require`, `Module._load`).
    pub fn is_require(v: &Val) -> bool {
        match v {
            Val::Global(g) => {
                g == "require"
                    || (g.starts_with("module.")
                        && (g.ends_with(".require") || g.ends_with("._load")))
                    || g == "process.mainModule.require"
            }
            Val::Module(m, p) => {
                m == "module"
                    && matches!(
                        p.as_str(),
                        "createRequire"
                            | "_load"
                            | "prototype.require"
                            | "Module.prototype.require"
                    )
            }
            _ => false,
        }
    }

    fn args(&self, args: &[Argument], d: u32) -> Vec<Val> {
        args.iter()
            .map(|a| {
                a.as_expression()
                    .map_or(Val::Unknown, |e| self.eval_d(e, d))
            })
            .collect()
    }

    fn call(&self, c: &CallExpression, d: u32) -> Val {
        // Module interop helpers (`__importDefault(require('https'))`) return their argument.
        if let Expression::Identifier(id) = c.callee.without_parentheses()
            && super::flow::INTEROP.contains(&id.name.as_str())
        {
            return c
                .arguments
                .first()
                .and_then(|a| a.as_expression())
                .map_or(Val::Unknown, |e| self.eval_d(e, d));
        }
        // A webpack bundle's require of an external module (`__webpack_require__(147)`).
        if let Expression::Identifier(id) = c.callee.without_parentheses()
            && let Some(arg) = c.arguments.first().and_then(|a| a.as_expression())
            && let Some(ext) = self.known.webpack.external(self.symbol_of(id), arg)
        {
            return Val::Module(module_name(ext), String::new());
        }
        // A function returning a lazy-require `Proxy`: its result loads modules by name.
        if let Expression::Identifier(id) = c.callee.without_parentheses()
            && let Some(sym) = self.symbol_of(id)
            && self.known.lazy_loaders.contains(&sym)
        {
            return Val::Loader;
        }
        // `Reflect.apply(f, this, [a])`, `f.call(this, a)`, `f.apply(this, [a])`: `f(a)`.
        if let Some((f, vals)) = self.indirect(c, d) {
            return self.apply_vals(&f, vals, d);
        }
        let callee = self.eval_d(&c.callee, d);
        // `Object.getPrototypeOf(async function () {})`: the prototype of a function kind,
        // whose `constructor` compiles code like `Function`.
        if let Val::Global(g) = &callee
            && matches!(
                g.as_str(),
                "Object.getPrototypeOf" | "Reflect.getPrototypeOf"
            )
        {
            let arg = c.arguments.first().and_then(|a| a.as_expression());
            return match arg.and_then(literal_ctor) {
                Some(Val::Global(b)) => Val::Global(format!("{b}.prototype")),
                _ => Val::Unknown,
            };
        }
        match &callee {
            Val::Decoder(sym) => {
                let vals = self.args(&c.arguments, d);
                let (Some(Val::Num(i)), key) = (vals.first(), vals.get(1).and_then(|v| v.as_str()))
                else {
                    return Val::Unknown;
                };
                return self.known.decoders[sym]
                    .decode(*i, key)
                    .map_or(Val::Unknown, Val::Str);
            }
            Val::Pure(_) | Val::ObjFn(..) => return self.inline(&callee, &c.arguments, d),
            Val::Module(m, p) if m == "util" && p == "promisify" => {
                return c
                    .arguments
                    .first()
                    .and_then(|a| a.as_expression())
                    .map_or(Val::Unknown, |e| self.eval_d(e, d));
            }
            _ => {}
        }
        if Self::is_require(&callee) {
            return match c
                .arguments
                .first()
                .and_then(|a| a.as_expression())
                .map(|e| self.eval_d(e, d))
            {
                // A data module of the package: its strings.
                Some(v)
                    if let Some(spec) = v.as_str()
                        && let Some((from, data)) = &self.known.data_modules
                        && let Some(strings) = data.resolve(from, spec) =>
                {
                    Val::Arr(strings.iter().map(|s| Val::Str(s.clone())).collect())
                }
                Some(Val::Str(s)) => Val::Module(module_name(&s), String::new()),
                _ => Val::Unknown,
            };
        }
        // `process.binding('spawn_sync')`: the internal binding behind `child_process`
        // (`.spawn({ file, args })` runs a command without requiring the module).
        if let Val::Global(g) = &callee
            && matches!(g.as_str(), "process.binding" | "process._linkedBinding")
        {
            let name = c
                .arguments
                .first()
                .and_then(|a| a.as_expression())
                .map(|e| self.eval_d(e, d));
            if matches!(
                name.as_ref().and_then(|v| v.as_str()),
                Some("spawn_sync" | "process_wrap")
            ) {
                return Val::Module("child_process".to_string(), String::new());
            }
        }
        if let Some(v) = self.global_call(&callee, &c.arguments, d) {
            return v;
        }
        // `import { join } from 'node:path'; join(a, b)` folds like `path.join(a, b)`.
        if let Val::Module(m, p) = &callee
            && m == "path"
            && matches!(p.as_str(), "join" | "resolve")
        {
            return self.method(Val::Module(m.clone(), String::new()), p, &c.arguments, d);
        }
        let Some(member) = c.callee.as_member_expression() else {
            return Val::Unknown;
        };
        let Some(method) = self.property_name(member, d) else {
            return Val::Unknown;
        };
        let obj = self.eval_d(member.object(), d);
        self.method(obj, &method, &c.arguments, d)
    }

    /// The function and argument values of an indirect call: `Reflect.apply(f, this, [a, b])`,
    /// `f.call(this, a, b)`, `f.apply(this, [a, b])` (`f` a value the folder knows: a module
    /// member, a global, `require`, an inlinable helper). `None` for any other call.
    pub(crate) fn indirect(&self, c: &CallExpression, d: u32) -> Option<(Val, Vec<Val>)> {
        let (f, this_at, spread) = self.indirect_parts(c, d)?;
        let f = self.eval_d(f, d);
        let vals = if spread {
            match c.arguments.get(this_at + 1).and_then(|a| a.as_expression()) {
                Some(e) => match self.eval_d(e, d) {
                    Val::Arr(items) => items,
                    _ => return None,
                },
                None => Vec::new(),
            }
        } else {
            c.arguments
                .iter()
                .skip(this_at + 1)
                .map(|a| {
                    a.as_expression()
                        .map_or(Val::Unknown, |e| self.eval_d(e, d))
                })
                .collect()
        };
        Some((f, vals))
    }

    /// The syntactic parts of an indirect call (see [`Self::indirect`]): the function
    /// expression, the index of the `this` argument, and whether the arguments come as one
    /// array (`apply`) or one by one (`call`). `f` must fold to a known function value.
    pub(crate) fn indirect_parts<'c>(
        &self,
        c: &'c CallExpression<'c>,
        d: u32,
    ) -> Option<(&'c Expression<'c>, usize, bool)> {
        let m = c.callee.as_member_expression()?;
        let prop = m.static_property_name()?;
        // A prototype method (`Array.prototype.forEach.call(list, cb)`) takes its receiver
        // from `this`: not a plain call of its arguments.
        let known = |v: &Val| match v {
            Val::Global(g) => !g.contains("prototype."),
            Val::Module(_, p) => !p.contains("prototype.") || Self::is_require(v),
            Val::Pure(_) | Val::ObjFn(..) => true,
            _ => false,
        };
        match prop {
            "apply"
                if matches!(m.object(), Expression::Identifier(id) if id.name == "Reflect")
                    && self.eval_d(m.object(), d) == Val::Global("Reflect".into()) =>
            {
                let f = c.arguments.first()?.as_expression()?;
                known(&self.eval_d(f, d)).then_some((f, 1, true))
            }
            // `Function.prototype.call.call(f, this, a)` is `f(a)`, and
            // `Function.prototype.apply.call(f, this, [a])` too.
            "call"
                if matches!(self.eval_d(m.object(), d), Val::Global(ref g)
                    if g == "Function.prototype.call" || g == "Function.prototype.apply") =>
            {
                let inner = self.eval_d(m.object(), d);
                let f = c.arguments.first()?.as_expression()?;
                let spread = inner == Val::Global("Function.prototype.apply".into());
                known(&self.eval_d(f, d)).then_some((f, 1, spread))
            }
            "call" | "apply" => {
                let f = m.object();
                // `([]+[]).constructor.fromCharCode.apply(…)`: a member chain is cheap to fold
                // whatever its root.
                let foldable = self.worth_eval(f) || f.is_member_expression();
                (foldable && known(&self.eval_d(f, d))).then_some((f, 0, prop == "apply"))
            }
            _ => None,
        }
    }

    /// Calls a known function value with argument values (see [`Self::indirect`]).
    fn apply_vals(&self, f: &Val, vals: Vec<Val>, d: u32) -> Val {
        if Self::is_require(f) {
            return match vals.first() {
                Some(Val::Str(s)) => Val::Module(module_name(s), String::new()),
                _ => Val::Unknown,
            };
        }
        if let Val::Global(g) = f
            && let Some(v) = self.global_vals(g, &vals)
        {
            return v;
        }
        if matches!(f, Val::Pure(_) | Val::ObjFn(..)) && d + 4 <= MAX_DEPTH {
            let Some((params, body)) = self.function_of(f) else {
                return Val::Unknown;
            };
            let n = params.len();
            {
                let mut o = self.overlay.borrow_mut();
                for (i, p) in params.iter().enumerate() {
                    o.push((*p, vals.get(i).cloned().unwrap_or(Val::Undef)));
                }
            }
            let v = self.eval_d(body, d + 3);
            let mut o = self.overlay.borrow_mut();
            let keep = o.len().saturating_sub(n);
            o.truncate(keep);
            return v;
        }
        Val::Unknown
    }

    /// `obj.key` of a constant object literal found by the pre-pass: the value, or the
    /// function as [`Val::ObjFn`]. `None` when `obj` is not such an object or has no `key`.
    fn object_prop(&self, obj: &Expression, key: &str, d: u32) -> Option<Val> {
        let Expression::Identifier(id) = obj else {
            return None;
        };
        let sym = self.symbol_of(id)?;
        let props = self.known.objects.get(&sym)?;
        let (i, (_, prop)) = props.iter().enumerate().find(|(_, (k, _))| k == key)?;
        Some(match prop {
            Prop::Value(e) => self.eval_d(e, d + 1),
            Prop::Func(..) => Val::ObjFn(sym, i as u32),
        })
    }

    /// The constant a call of a local string-table helper gives, when the helper decodes
    /// (`function _(i) { return atob(t[i]); }` called as `_(8)`): the decoded text.
    pub(crate) fn decoded_call(&self, f: &Val, args: &[Argument]) -> Option<String> {
        let (_, body) = self.function_of(f)?;
        if !self.is_decoded(body) {
            return None;
        }
        match self.inline(f, args, 0) {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The parameters and returned expression of a [`Val::Pure`] or [`Val::ObjFn`].
    fn function_of(&self, v: &Val) -> Option<(&[SymbolId], &Expression<'s>)> {
        match v {
            Val::Pure(sym) => self.known.pure.get(sym).map(|(p, b)| (p.as_slice(), *b)),
            Val::ObjFn(sym, i) => match self.known.objects.get(sym)?.get(*i as usize)? {
                (_, Prop::Func(p, b)) => Some((p.as_slice(), *b)),
                _ => None,
            },
            _ => None,
        }
    }

    /// True when calling `callee` only calls its first argument with the others
    /// (obfuscator.io's call proxies: `d['xYz'](exec, cmd)` is `exec(cmd)`).
    pub fn is_call_proxy(&self, callee: &Val) -> bool {
        self.function_of(callee)
            .is_some_and(|(p, b)| Known::is_call_proxy(p, b, self.scoping))
    }

    /// True when calling `callee` only names its first argument and returns it: a bundler's
    /// `__name = (fn, n) => Object.defineProperty(fn, 'name', { value: n, configurable: true })`.
    pub fn is_naming_helper(&self, callee: &Val) -> bool {
        let Some((params, body)) = self.function_of(callee) else {
            return false;
        };
        let Expression::CallExpression(c) = body.without_parentheses() else {
            return false;
        };
        let arg = |i: usize| {
            c.arguments
                .get(i)
                .and_then(|a| a.as_expression())
                .map(|e| e.without_parentheses())
        };
        let first_is_param = matches!(arg(0), Some(Expression::Identifier(id))
            if id.reference_id.get().and_then(|r| self.scoping.get_reference(r).symbol_id())
                == params.first().copied());
        let names = matches!(arg(1), Some(Expression::StringLiteral(s)) if s.value == "name");
        !params.is_empty()
            && first_is_param
            && names
            && self.eval(&c.callee) == Val::Global("Object.defineProperty".into())
    }

    /// `[101, 120].map(x => String.fromCharCode(x))`: a one-parameter arrow (or function) whose
    /// body is one expression or one `return`, folded for each element with the parameter bound
    /// to it. `None` when the callback is not of that shape or any element does not fold.
    fn map_pure<'a>(&self, items: &[Val], args: &'a [Argument<'a>], d: u32) -> Option<Val> {
        if d + 4 > MAX_DEPTH {
            return None;
        }
        fn single_return<'a>(b: &'a FunctionBody<'a>) -> Option<&'a Expression<'a>> {
            match b.statements.as_slice() {
                [Statement::ReturnStatement(r)] => r.argument.as_ref(),
                _ => None,
            }
        }
        let (params, expr) = match args.first()? {
            Argument::ArrowFunctionExpression(a) => (
                &a.params,
                match &a.body {
                    ArrowFunctionBody::FunctionBody(b) => single_return(b)?,
                    other => other.as_expression()?,
                },
            ),
            Argument::FunctionExpression(f) => (&f.params, single_return(f.body.as_ref()?)?),
            _ => return None,
        };
        let [param] = params.items.as_slice() else {
            return None;
        };
        // `x => …`, or `([name, module]) => …` over a table of pairs.
        let syms: Vec<Option<SymbolId>> = match &param.pattern {
            BindingPattern::BindingIdentifier(id) => vec![Some(id.symbol_id.get()?)],
            BindingPattern::ArrayPattern(a) if a.rest.is_none() && a.elements.len() <= 8 => a
                .elements
                .iter()
                .map(|e| match e {
                    Some(BindingPattern::BindingIdentifier(id)) => id.symbol_id.get(),
                    _ => None,
                })
                .collect(),
            _ => return None,
        };
        let whole = matches!(&param.pattern, BindingPattern::BindingIdentifier(_));
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let n = {
                let mut o = self.overlay.borrow_mut();
                if whole {
                    o.push((syms[0]?, item.clone()));
                    1
                } else {
                    let Val::Arr(parts) = item else {
                        return None;
                    };
                    let mut n = 0;
                    for (i, sym) in syms.iter().enumerate() {
                        if let Some(sym) = sym {
                            o.push((*sym, parts.get(i).cloned().unwrap_or(Val::Undef)));
                            n += 1;
                        }
                    }
                    n
                }
            };
            let v = self.eval_d(expr, d + 3);
            {
                let mut o = self.overlay.borrow_mut();
                let keep = o.len().saturating_sub(n);
                o.truncate(keep);
            }
            if v == Val::Unknown {
                return None;
            }
            out.push(v);
        }
        Some(Val::Arr(out))
    }

    /// Evaluates a single-return helper with its parameters bound to the arguments' values.
    fn inline(&self, f: &Val, args: &[Argument], d: u32) -> Val {
        if d + 4 > MAX_DEPTH {
            return Val::Unknown;
        }
        let Some((params, body)) = self.function_of(f) else {
            return Val::Unknown;
        };
        let vals = self.args(args, d);
        let n = params.len();
        {
            let mut o = self.overlay.borrow_mut();
            for (i, p) in params.iter().enumerate() {
                o.push((*p, vals.get(i).cloned().unwrap_or(Val::Unknown)));
            }
        }
        let v = self.eval_d(body, d + 3);
        let mut o = self.overlay.borrow_mut();
        let keep = o.len().saturating_sub(n);
        o.truncate(keep);
        v
    }

    /// The property name of a member expression, folding computed keys (`cp['ex' + 'ec']`).
    pub fn property_name(&self, m: &MemberExpression, d: u32) -> Option<String> {
        if let Some(s) = m.static_property_name() {
            return Some(s.to_string());
        }
        match m {
            MemberExpression::ComputedMemberExpression(cm) => {
                match self.eval_d(&cm.expression, d) {
                    Val::Str(s) => Some(s),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn global_call(&self, callee: &Val, args: &[Argument], d: u32) -> Option<Val> {
        let Val::Global(g) = callee else {
            return None;
        };
        if !GLOBAL_FNS.contains(&g.as_str()) {
            return None;
        }
        let vals = self.args(args, d);
        self.global_vals(g, &vals)
    }

    /// A pure global function of argument values (see [`GLOBAL_FNS`]).
    fn global_vals(&self, g: &str, vals: &[Val]) -> Option<Val> {
        let first = vals.first();
        let v = match g {
            "atob" => first
                .and_then(|v| v.as_str())
                .and_then(decode::base64_text)
                .map_or(Val::Unknown, Val::Str),
            "String.fromCharCode" => {
                let mut s = String::new();
                for v in vals {
                    match v {
                        Val::Num(n) => s.push(char::from_u32(*n as u32).unwrap_or('\u{fffd}')),
                        _ => return Some(Val::Unknown),
                    }
                }
                Val::Str(s)
            }
            "Buffer.from" => buffer_from(vals),
            "decodeURIComponent" | "unescape" | "String" => first.cloned().unwrap_or(Val::Unknown),
            "Object.assign" => {
                if vals.iter().any(|v| *v == Val::Global("process.env".into())) {
                    Val::Global("process.env".into())
                } else {
                    Val::Unknown
                }
            }
            "Array.from" => match first {
                Some(Val::Str(s)) => Val::Arr(s.chars().map(|c| Val::Str(c.to_string())).collect()),
                Some(a @ Val::Arr(_)) => a.clone(),
                _ => Val::Unknown,
            },
            "document.createElement" => match first {
                Some(Val::Str(t)) => Val::Element(t.to_ascii_lowercase()),
                _ => Val::Unknown,
            },
            _ => return None,
        };
        Some(v)
    }

    fn method(&self, obj: Val, method: &str, args: &[Argument], d: u32) -> Val {
        let vals = || self.args(args, d);
        match (obj, method) {
            // `path.join(home, '.ssh', 'id_rsa')` -> "/.ssh/id_rsa" (unknown parts empty), so
            // path indicators match however the path is assembled.
            (Val::Module(m, p), "join" | "resolve") if m == "path" && p.is_empty() => {
                let parts: Vec<String> = vals()
                    .iter()
                    .map(|v| v.text().unwrap_or_default())
                    .collect();
                if parts.iter().all(|p| p.is_empty()) {
                    Val::Unknown
                } else {
                    Val::Str(parts.join("/"))
                }
            }
            (Val::Arr(items), "join") => {
                let sep = vals()
                    .first()
                    .and_then(|v| v.text())
                    .unwrap_or_else(|| ",".into());
                let parts: Option<Vec<String>> = items.iter().map(|v| v.text()).collect();
                parts.map_or(Val::Unknown, |p| Val::Str(p.join(&sep)))
            }
            (Val::Arr(items), "map") if items.len() <= 4096 => {
                self.map_pure(&items, args, d).unwrap_or(Val::Unknown)
            }
            (Val::Arr(mut items), "reverse") => {
                items.reverse();
                Val::Arr(items)
            }
            (Val::Str(s), "split") => match vals().first() {
                Some(Val::Str(sep)) if sep.is_empty() => {
                    Val::Arr(s.chars().map(|c| Val::Str(c.to_string())).collect())
                }
                Some(Val::Str(sep)) => {
                    Val::Arr(s.split(sep.as_str()).map(|p| Val::Str(p.into())).collect())
                }
                _ => Val::Unknown,
            },
            (Val::Str(s), "concat") => {
                let mut out = s;
                for v in vals() {
                    match v.text() {
                        Some(t) => out.push_str(&t),
                        None => return Val::Unknown,
                    }
                }
                Val::Str(out)
            }
            (Val::Arr(mut a), "concat") => {
                for v in vals() {
                    match v {
                        Val::Arr(b) => a.extend(b),
                        other => a.push(other),
                    }
                }
                Val::Arr(a)
            }
            // `'0'.repeat(36)`, `s.slice(0, 32)`: strings assembled to hide a constant.
            (Val::Str(s), "repeat") => match vals().first() {
                Some(Val::Num(n)) if *n >= 0.0 && s.len() * (*n as usize) <= MAX_STR => {
                    Val::Str(s.repeat(*n as usize))
                }
                _ => Val::Unknown,
            },
            (Val::Str(s), "slice" | "substring") => str_slice(&s, &vals(), method == "slice"),
            (Val::Str(s), "toLowerCase") => Val::Str(s.to_lowercase()),
            (Val::Str(s), "toUpperCase") => Val::Str(s.to_uppercase()),
            (Val::Str(s), "trim") => Val::Str(s.trim().to_string()),
            (Val::Str(s), "toString") => Val::Str(s),
            (Val::Bytes(s), "toString") => Val::Str(s),
            (v @ Val::Global(_), "bind") | (v @ Val::Module(..), "bind") => v,
            (Val::Global(g), m) if g == "Buffer" && m == "from" => buffer_from(&vals()),
            (Val::Global(g), "fromCharCode") if g == "String" => self
                .global_call(&Val::Global("String.fromCharCode".into()), args, d)
                .unwrap_or(Val::Unknown),
            (Val::Global(g), "createElement") if g == "document" => match vals().first() {
                Some(Val::Str(t)) => Val::Element(t.to_ascii_lowercase()),
                _ => Val::Unknown,
            },
            // `d.createElement('script')` with the document passed in as a parameter
            // (`(function (w, d) { … })(window, document)`): only a DOM document makes a
            // `<script>` or `<iframe>` element by that name.
            (Val::Unknown, "createElement") => match vals().first() {
                Some(Val::Str(t)) if matches!(t.as_str(), "script" | "iframe") => {
                    Val::Element(t.clone())
                }
                _ => Val::Unknown,
            },
            _ => Val::Unknown,
        }
    }

    /// True for `typeof g <op> 'literal'` where `g` is a global (no local binding): a feature
    /// test (`typeof atob === 'function'`, `typeof window < 'u'`).
    fn feature_test(&self, test: &Expression) -> bool {
        let Expression::BinaryExpression(b) = test.without_parentheses() else {
            return false;
        };
        let global_typeof = |e: &Expression| {
            matches!(e.without_parentheses(), Expression::UnaryExpression(u)
                if u.operator == UnaryOperator::Typeof
                    && matches!(u.argument.without_parentheses(), Expression::Identifier(id)
                        if self.symbol_of(id).is_none()))
        };
        let literal =
            |e: &Expression| matches!(e.without_parentheses(), Expression::StringLiteral(_));
        (global_typeof(&b.left) && literal(&b.right))
            || (literal(&b.left) && global_typeof(&b.right))
    }

    /// `c ? a : b`: the value both branches agree on, or the global one branch names when
    /// the other is `null`/`undefined`/`void 0`/`{}` (the feature test `typeof window !==
    /// 'undefined' ? window : null` is `window`, and so is `… ? globalThis : … ? window : {}`).
    fn conditional(&self, c: &ConditionalExpression, d: u32) -> Val {
        // A test the folder decides (a table entry bound by `map_pure`, `!![]`): that branch.
        if self.worth_eval(&c.test)
            || matches!(c.test.without_parentheses(), Expression::UnaryExpression(_))
        {
            match self.eval_d(&c.test, d).truthy() {
                Some(true) => return self.eval_d(&c.consequent, d),
                Some(false) => return self.eval_d(&c.alternate, d),
                None => {}
            }
        }
        // `typeof atob === 'function' ? atob(t[i]) : ''`: a feature test on a global with an
        // empty fallback is the value where the feature exists (the browser's).
        if self.feature_test(&c.test) {
            let empty = |e: &Expression| matches!(e.without_parentheses(), Expression::StringLiteral(l) if l.value.is_empty());
            if empty(&c.alternate) {
                return self.eval_d(&c.consequent, d);
            }
            if empty(&c.consequent) {
                return self.eval_d(&c.alternate, d);
            }
        }
        let nothing = |e: &Expression| {
            matches!(e.without_parentheses(), Expression::NullLiteral(_))
                || matches!(e.without_parentheses(), Expression::ObjectExpression(o) if o.properties.is_empty())
                || matches!(e.without_parentheses(), Expression::Identifier(id) if id.name == "undefined")
                || matches!(e.without_parentheses(), Expression::UnaryExpression(u) if u.operator == UnaryOperator::Void)
        };
        if nothing(&c.alternate) {
            return match self.eval_d(&c.consequent, d) {
                v @ Val::Global(_) => v,
                _ => Val::Unknown,
            };
        }
        if nothing(&c.consequent) {
            return match self.eval_d(&c.alternate, d) {
                v @ Val::Global(_) => v,
                _ => Val::Unknown,
            };
        }
        // `typeof globalThis !== 'undefined' ? globalThis : this`: the last-resort `this` of a
        // global-object lookup is that object (a script's top-level `this`).
        let this =
            |e: &Expression| matches!(e.without_parentheses(), Expression::ThisExpression(_));
        let global_object = Val::Global("globalThis".into());
        if this(&c.alternate) && self.eval_d(&c.consequent, d) == global_object
            || this(&c.consequent) && self.eval_d(&c.alternate, d) == global_object
        {
            return global_object;
        }
        let a = self.eval_d(&c.consequent, d);
        match a {
            Val::Global(_) if self.eval_d(&c.alternate, d) == a => a,
            // `u.startsWith('https') ? require('https') : require('http')`: either client
            // sends, so the choice is the network client either way.
            // Only when both branches load the module right there: a bundled client that
            // picks between module aliases (`secure ? i : o`, ws) stays unknown, as before.
            Val::Module(ref m, ref p)
                if p.is_empty()
                    && [&c.consequent, &c.alternate].iter().all(|e| {
                        matches!(e.without_parentheses(), Expression::CallExpression(_))
                    })
                    && HTTP_CLIENTS.contains(&m.as_str())
                    && matches!(self.eval_d(&c.alternate, d), Val::Module(ref m2, ref p2)
                        if HTTP_CLIENTS.contains(&m2.as_str()) && p2.is_empty()) =>
            {
                a
            }
            _ => Val::Unknown,
        }
    }

    fn new_expr(&self, n: &NewExpression, d: u32) -> Val {
        if super::deobfuscate::lazy_require_proxy(n) {
            return Val::Loader;
        }
        match self.eval_d(&n.callee, d) {
            Val::Global(g) if g == "Image" => Val::Element("img".into()),
            // `new dns.Resolver()`: a resolver whose methods are the module's own
            // (`resolver.resolve4(name)` queries like `dns.resolve4(name)`).
            v @ Val::Module(..) if is_dns_resolver(&v) => v,
            _ => Val::Unknown,
        }
    }

    /// True when `expr` carries data decoded at run time (base64/hex `Buffer.from`, `atob`,
    /// `String.fromCharCode`, a decipher, or a variable holding such data).
    pub fn is_decoded(&self, expr: &Expression) -> bool {
        self.decoded_d(expr, 0)
    }

    fn decoded_d(&self, expr: &Expression, d: u32) -> bool {
        if d > 12 {
            return false;
        }
        let d = d + 1;
        match expr {
            Expression::Identifier(id) => self
                .symbol_of(id)
                .is_some_and(|s| self.tainted.contains(&s)),
            Expression::ParenthesizedExpression(p) => self.decoded_d(&p.expression, d),
            Expression::BinaryExpression(b) => {
                self.decoded_d(&b.left, d) || self.decoded_d(&b.right, d)
            }
            Expression::TemplateLiteral(t) => t.expressions.iter().any(|e| self.decoded_d(e, d)),
            Expression::SequenceExpression(s) => {
                s.expressions.last().is_some_and(|e| self.decoded_d(e, d))
            }
            Expression::AwaitExpression(a) => self.decoded_d(&a.argument, d),
            Expression::ConditionalExpression(c) => {
                self.decoded_d(&c.consequent, d) || self.decoded_d(&c.alternate, d)
            }
            Expression::CallExpression(c) => self.call_decodes(c, d),
            Expression::StaticMemberExpression(m) => self.decoded_d(&m.object, d),
            Expression::ComputedMemberExpression(m) => self.decoded_d(&m.object, d),
            _ => false,
        }
    }

    fn call_decodes(&self, c: &CallExpression, d: u32) -> bool {
        let callee = if self.worth_eval(&c.callee) {
            self.eval_d(&c.callee, d)
        } else {
            Val::Unknown
        };
        let first_is_literal = matches!(
            c.arguments.first().and_then(|a| a.as_expression()),
            Some(Expression::StringLiteral(_))
        );
        match callee.name().as_deref() {
            Some("atob" | "String.fromCharCode" | "unescape") => return true,
            Some("Buffer.from") => {
                let enc = c
                    .arguments
                    .get(1)
                    .and_then(|a| a.as_expression())
                    .map(|e| self.eval_d(e, d));
                let encoded = matches!(
                    enc.as_ref().and_then(|v| v.as_str()),
                    Some("base64" | "hex" | "base64url" | "latin1" | "binary")
                );
                return encoded || !first_is_literal;
            }
            Some(n)
                if n.starts_with("crypto.createDecipher")
                    || n.starts_with("zlib.inflate")
                    || n.starts_with("zlib.gunzip")
                    || n.starts_with("zlib.brotliDecompress") =>
            {
                return true;
            }
            _ => {}
        }
        // Method on decoded data (`.toString()`, `.update()`, `.join('')`) or a decode argument.
        if let Some(m) = c.callee.as_member_expression() {
            if self.decoded_d(m.object(), d) {
                return true;
            }
            if matches!(m.static_property_name(), Some("update" | "final"))
                && c.arguments
                    .iter()
                    .any(|a| a.as_expression().is_some_and(|e| self.decoded_d(e, d)))
            {
                return true;
            }
        }
        false
    }
}

/// `dns.Resolver` / `dns.promises.Resolver` (or `require('dns/promises').Resolver`).
fn is_dns_resolver(v: &Val) -> bool {
    matches!(v, Val::Module(m, p) if (m == "dns" || m == "dns/promises")
        && (p == "Resolver" || p == "promises.Resolver"))
}

fn buffer_from(vals: &[Val]) -> Val {
    let enc = vals.get(1).and_then(|v| v.as_str()).unwrap_or("utf8");
    match vals.first() {
        Some(Val::Str(s)) => match enc {
            // The encoding is explicit: short values decode too (`'Li8='` is `./`).
            "base64" | "base64url" => decode::base64_text(s)
                .or_else(|| decode::base64_declared(s))
                .map_or(Val::Unknown, Val::Bytes),
            // The encoding is explicit: a short value decodes too (`'63727970746f'` is
            // `crypto`), where free-text scanning needs a minimum length.
            "hex" => decode::hex_text(s)
                .or_else(|| {
                    let s = s.trim();
                    (s.len().is_multiple_of(2) && s.bytes().all(|b| b.is_ascii_hexdigit()))
                        .then(|| hex::decode(s).ok())
                        .flatten()
                        .and_then(|b| decode::printable(&b))
                })
                .map_or(Val::Unknown, Val::Bytes),
            _ => Val::Bytes(s.clone()),
        },
        Some(Val::Arr(items)) => {
            let nums: Option<Vec<f64>> = items
                .iter()
                .map(|v| if let Val::Num(n) = v { Some(*n) } else { None })
                .collect();
            nums.and_then(|n| {
                let bytes: Vec<u8> = n.iter().map(|x| *x as u8).collect();
                decode::printable(&bytes)
            })
            .map_or(Val::Unknown, Val::Bytes)
        }
        _ => Val::Unknown,
    }
}

/// `s.slice(a, b)` / `s.substring(a, b)` over characters, with constant numeric bounds
/// (negative bounds count from the end for `slice`, clamp to 0 for `substring`).
fn str_slice(s: &str, args: &[Val], slice: bool) -> Val {
    let chars: Vec<char> = s.chars().collect();
    let len = chars.len() as f64;
    let bound = |v: Option<&Val>, default: f64| match v {
        None => Some(default),
        Some(Val::Num(n)) if n.is_finite() => {
            let n = n.trunc();
            Some(if n < 0.0 {
                if slice { (len + n).max(0.0) } else { 0.0 }
            } else {
                n.min(len)
            })
        }
        _ => None,
    };
    let (Some(mut a), Some(mut b)) = (bound(args.first(), 0.0), bound(args.get(1), len)) else {
        return Val::Unknown;
    };
    if !slice && a > b {
        std::mem::swap(&mut a, &mut b);
    }
    if a >= b {
        return Val::Str(String::new());
    }
    Val::Str(chars[a as usize..b as usize].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::{Val, str_slice};

    #[test]
    fn slices_fold_like_javascript() {
        let s = |a: &[f64], slice: bool| {
            let args: Vec<Val> = a.iter().map(|n| Val::Num(*n)).collect();
            str_slice("abcdef", &args, slice)
        };
        assert_eq!(s(&[0.0, 3.0], true), Val::Str("abc".into()));
        assert_eq!(s(&[-2.0], true), Val::Str("ef".into()));
        assert_eq!(s(&[4.0, 1.0], false), Val::Str("bcd".into()));
        assert_eq!(s(&[4.0, 1.0], true), Val::Str(String::new()));
        assert_eq!(s(&[-2.0, 2.0], false), Val::Str("ab".into()));
        assert_eq!(
            str_slice("abc", &[Val::Unknown], true),
            Val::Unknown,
            "a bound that is not constant"
        );
    }
}
