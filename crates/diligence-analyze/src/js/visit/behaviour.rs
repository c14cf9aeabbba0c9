//! Facts for the rules that judge behaviour with no data flow: logic bombs, request-keyed
//! backdoors, install scripts that delete themselves.
//!
//! - [`Kind::RandomGate`]: `Math.random()` (directly, through a variable, or through an object
//!   property initialised with it) compared with a number: a decision left to chance.
//! - [`Kind::TimeGate`] for the current time held in a variable (`const d = new Date();
//!   d.getTime() > Date.UTC(2027, 5, 1)`), which [`super::load_time`] sees only inline.
//! - [`Kind::ConstantOverwrite`]: a file write whose path is computed and whose content is a
//!   short constant (`fs.writeFileSync(f, '')`, a decoded heart): overwriting, not producing.
//! - [`Kind::SelfDelete`]: a delete of `__filename`, `process.argv[1]` or `__dirname`.
//! - [`Kind::PackageDir`]: a path built with a `node_modules` segment and a package name after it
//!   (`path.join(dir, 'node_modules', 'ethers')`, `'node_modules/ethers/lib'`).
//! - [`Kind::ReadModifyWrite`]: a file read and then written through the same variable in one
//!   function (`src = fs.readFileSync(file); fs.writeFileSync(file, src + patch)`): patching.
//! - [`Kind::KeyedRoute`]: inside an HTTP request handler (`app.post('/x', (req, res) => …)`,
//!   `http.createServer((req, res) => …)`), a command, code evaluation or delete after a request
//!   field named like a credential (or a header) was compared with a hard-coded string.

use super::*;
use oxc_syntax::symbol::SymbolId;
use std::collections::{HashMap, HashSet};

/// Bookkeeping of one walk.
#[derive(Debug, Default)]
pub(super) struct Behaviour {
    /// Symbols bound to the current time (`new Date()`, `Date.now()`).
    now: HashSet<SymbolId>,
    /// Symbols bound to a constant date (`Date.UTC(…)`, `new Date('2027-…')`).
    dates: HashSet<SymbolId>,
    /// Symbols bound to an expression with `Math.random()`.
    random: HashSet<SymbolId>,
    /// Object property names initialised with an expression with `Math.random()`.
    random_props: HashSet<String>,
    /// Span start of a function registered as a request handler -> its request parameter.
    handler_spans: HashMap<u32, Option<SymbolId>>,
    /// Request handlers being walked: (span start, request parameter, the keyed comparison).
    handlers: Vec<(u32, Option<SymbolId>, Option<String>)>,
    /// (function, path variable) of file reads.
    reads: HashSet<(u32, SymbolId)>,
}

/// Methods that register a route or middleware on Express-style routers and apps.
const ROUTE_METHODS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "del", "all", "use", "head", "options",
];

/// Request members that carry client input.
const REQUEST_INPUT: &[&str] = &[
    "body",
    "query",
    "headers",
    "params",
    "cookies",
    "signedCookies",
];

impl Walker<'_> {
    /// A variable declarator: the current time, constant dates, random values.
    pub(super) fn behaviour_bind(&mut self, id: &BindingPattern<'_>, init: &Expression<'_>) {
        let BindingPattern::BindingIdentifier(b) = id else {
            return;
        };
        let Some(sym) = b.symbol_id.get() else {
            return;
        };
        let init = init.without_parentheses();
        if is_now_expr(init) {
            self.behaviour.now.insert(sym);
        } else if load_time::is_constant_date(init) {
            self.behaviour.dates.insert(sym);
        } else if has_random(init) {
            self.behaviour.random.insert(sym);
        }
    }

    /// An object literal: properties holding a random value.
    pub(super) fn behaviour_object(&mut self, it: &ObjectExpression<'_>) {
        for p in &it.properties {
            if let ObjectPropertyKind::ObjectProperty(p) = p
                && let Some(k) = p.key.static_name()
                && has_random(&p.value)
            {
                self.behaviour.random_props.insert(k.to_string());
            }
        }
    }

    /// A comparison: random and time gates, a request field against a hard-coded string.
    pub(super) fn behaviour_compare(&mut self, it: &BinaryExpression<'_>) {
        let sides = [(&it.left, &it.right), (&it.right, &it.left)];
        if it.operator.is_compare() {
            let numeric = |e: &Expression<'_>| {
                matches!(e.without_parentheses(), Expression::NumericLiteral(_))
            };
            if sides
                .iter()
                .any(|(r, other)| self.is_random(r) && numeric(other))
            {
                self.sig(
                    Kind::RandomGate,
                    it.span.start,
                    "Math.random() compared with a threshold",
                );
            }
            let held_now = sides.iter().any(|(now, other)| {
                self.is_held_now(now)
                    && (load_time::is_constant_date(other)
                        || matches!(other.without_parentheses(), Expression::NumericLiteral(n) if n.value >= 1e12)
                        || matches!(other.without_parentheses(), Expression::Identifier(id)
                            if self.env.symbol_of(id).is_some_and(|s| self.behaviour.dates.contains(&s))))
            });
            if held_now {
                self.sig(
                    Kind::TimeGate,
                    it.span.start,
                    "current date compared with a fixed date",
                );
            }
        }
        if it.operator.is_equality() && !self.behaviour.handlers.is_empty() {
            for (field, other) in sides {
                let Expression::StringLiteral(lit) = other.without_parentheses() else {
                    continue;
                };
                if lit.value.len() < 4 {
                    continue;
                }
                if let Some(req) = self.request_field(field) {
                    let text = format!("{req} == '{}'", truncate(lit.value.as_str(), 40));
                    if let Some(h) = self.behaviour.handlers.last_mut() {
                        h.2 = Some(text);
                    }
                    break;
                }
            }
        }
    }

    /// A call: route registration, self-deletion, constant overwrites, actions behind a key.
    pub(super) fn behaviour_call(
        &mut self,
        name: &str,
        kinds: &[Kind],
        args: &[Argument<'_>],
        span: u32,
    ) {
        let first = args.first().and_then(|a| a.as_expression());
        let path_var = first.and_then(|e| match e.without_parentheses() {
            Expression::Identifier(id) => self.env.symbol_of(id),
            _ => None,
        });
        if let Some(sym) = path_var {
            let me = self.func();
            let last = name.rsplit('.').next().unwrap_or(name);
            if kinds.contains(&Kind::FsRead) && last.starts_with("readFile") {
                self.behaviour.reads.insert((me, sym));
            } else if kinds.contains(&Kind::FsWrite)
                && !kinds.contains(&Kind::DestructiveFs)
                && self.behaviour.reads.contains(&(me, sym))
            {
                // Where the path starts, when known: `__dirname|UPS` (the rule knows how deep
                // the file sits), or `unknown`.
                let detail = match first.and_then(|e| self.based(e)) {
                    Some((load_time::Base::Dirname, rest)) => {
                        let ups = rest
                            .iter()
                            .flat_map(|r| r.split(['/', '\\']))
                            .take_while(|s| *s == ".." || s.is_empty() || *s == ".")
                            .filter(|s| *s == "..")
                            .count();
                        format!("__dirname|{ups}")
                    }
                    _ => "unknown".to_string(),
                };
                self.sig(Kind::ReadModifyWrite, span, detail);
            }
        }
        if kinds.contains(&Kind::DestructiveFs)
            && let Some(e) = first
            && let Some(what) = self.own_script(e)
        {
            self.sig(Kind::SelfDelete, span, what);
        }
        if kinds.contains(&Kind::FsWrite)
            && !kinds.contains(&Kind::DestructiveFs)
            && let (Some(path), Some(content)) =
                (first, args.get(1).and_then(|a| a.as_expression()))
            && !matches!(self.env.eval(path), Val::Str(_))
            && let Some(c) = self.env.eval(content).as_str()
            && c.chars().count() <= 64
        {
            self.sig(
                Kind::ConstantOverwrite,
                span,
                format!("file overwritten with the constant `{}`", truncate(c, 20)),
            );
        }
        let acts = kinds
            .iter()
            .any(|k| matches!(k, Kind::Spawn | Kind::DestructiveFs | Kind::DynamicCode));
        if acts
            && let Some(key) = self
                .behaviour
                .handlers
                .iter()
                .rev()
                .find_map(|h| h.2.clone())
        {
            let what = match kinds.iter().find(|k| {
                matches!(k, Kind::Spawn | Kind::DestructiveFs | Kind::DynamicCode)
            }) {
                Some(Kind::Spawn) => "runs a command",
                Some(Kind::DestructiveFs) => "deletes files",
                _ => "evaluates code",
            };
            self.sig(
                Kind::KeyedRoute,
                span,
                format!("request handler {what} behind `{key}`"),
            );
        }
    }

    /// `path.join(x, 'node_modules', 'name', …)` or a literal `node_modules/name/…` argument:
    /// a path into an installed package's folder.
    pub(super) fn behaviour_path(&mut self, it: &CallExpression<'_>) {
        let lits: Vec<Option<&str>> = it
            .arguments
            .iter()
            .map(|a| match a.as_expression().map(|e| e.without_parentheses()) {
                Some(Expression::StringLiteral(s)) => Some(s.value.as_str()),
                _ => None,
            })
            .collect();
        let mut name = None;
        for (i, l) in lits.iter().enumerate() {
            let Some(l) = l else { continue };
            if *l == "node_modules" {
                name = match lits.get(i + 1).copied().flatten() {
                    Some(n) if n.starts_with('@') => lits
                        .get(i + 2)
                        .copied()
                        .flatten()
                        .map(|m| format!("{n}/{m}"))
                        .or(Some(n.to_string())),
                    Some(n) => Some(n.to_string()),
                    None => None,
                };
            } else if let Some(rest) = l
                .trim_start_matches("./")
                .split("node_modules/")
                .nth(1)
            {
                let mut parts = rest.split('/');
                name = match parts.next() {
                    Some(n) if n.starts_with('@') => parts.next().map(|m| format!("{n}/{m}")),
                    Some(n) if !n.is_empty() => Some(n.to_string()),
                    _ => None,
                };
            }
            if name.is_some() {
                break;
            }
        }
        if let Some(n) = name.filter(|n| !n.starts_with('.') && !n.contains('$')) {
            self.sig(Kind::PackageDir, it.span.start, n);
        }
    }

    /// `app.post('/x', …, (req, res) => …)`, `router.use((req, res, next) => …)`,
    /// `http.createServer((req, res) => …)`, `server.on('request', (req, res) => …)`:
    /// remembers the handler functions and their request parameter.
    pub(super) fn behaviour_route(&mut self, it: &CallExpression<'_>) {
        let Some(m) = it.callee.as_member_expression() else {
            return;
        };
        let Some(method) = m.static_property_name() else {
            return;
        };
        let first = it.arguments.first().and_then(|a| a.as_expression());
        let route = ROUTE_METHODS.contains(&method)
            && match first.map(|e| e.without_parentheses()) {
                Some(Expression::StringLiteral(s)) => s.value.starts_with('/'),
                Some(Expression::TemplateLiteral(_)) => true,
                Some(Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_)) => {
                    method == "use"
                }
                _ => false,
            };
        let server = method == "createServer"
            || method == "on"
                && matches!(first.map(|e| e.without_parentheses()),
                    Some(Expression::StringLiteral(s)) if s.value == "request");
        if !route && !server {
            return;
        }
        for a in &it.arguments {
            let (span, params) = match a.as_expression().map(|e| e.without_parentheses()) {
                Some(Expression::FunctionExpression(f)) => (f.span.start, &f.params),
                Some(Expression::ArrowFunctionExpression(f)) => (f.span.start, &f.params),
                _ => continue,
            };
            let req = params.items.first().and_then(|p| match &p.pattern {
                BindingPattern::BindingIdentifier(b) => b.symbol_id.get(),
                _ => None,
            });
            if params.items.len() >= 2 {
                self.behaviour.handler_spans.insert(span, req);
            }
        }
    }

    /// A function starts: a registered handler opens a frame.
    pub(super) fn behaviour_enter(&mut self, span: u32) {
        if let Some(req) = self.behaviour.handler_spans.remove(&span) {
            self.behaviour.handlers.push((span, req, None));
        }
    }

    /// A function ends: its handler frame closes.
    pub(super) fn behaviour_exit(&mut self, span: u32) {
        if self.behaviour.handlers.last().is_some_and(|h| h.0 == span) {
            self.behaviour.handlers.pop();
        }
    }

    /// `req.body.key`, `req.headers['x-token']`, `req.query.secret`, `req.get('x-key')` of a
    /// handler being walked: the field as written. Only fields named like a credential, or
    /// headers, count (`req.body.action === 'list'` is a form, not a key).
    fn request_field(&self, e: &Expression<'_>) -> Option<String> {
        let mut names: Vec<String> = Vec::new();
        let mut cur = e.without_parentheses();
        loop {
            match cur {
                Expression::StaticMemberExpression(m) => {
                    names.push(m.property.name.to_string());
                    cur = m.object.without_parentheses();
                }
                Expression::ComputedMemberExpression(m) => {
                    names.push(self.env.eval(&m.expression).as_str()?.to_string());
                    cur = m.object.without_parentheses();
                }
                Expression::CallExpression(c) => {
                    let m = c.callee.as_member_expression()?;
                    if !matches!(m.static_property_name(), Some("get" | "header")) {
                        return None;
                    }
                    let arg = c.arguments.first()?.as_expression()?;
                    names.push(self.env.eval(arg).as_str()?.to_string());
                    names.push("headers".into());
                    cur = m.object().without_parentheses();
                }
                Expression::Identifier(id) => {
                    let sym = self.env.symbol_of(id)?;
                    if !self.behaviour.handlers.iter().any(|h| h.1 == Some(sym)) {
                        return None;
                    }
                    names.push(id.name.to_string());
                    break;
                }
                _ => return None,
            }
        }
        names.reverse();
        // names = [req, body|query|headers…, field…]
        let input = names.get(1)?;
        if !REQUEST_INPUT.contains(&input.as_str()) || names.len() < 3 {
            return None;
        }
        let field = names.last()?.to_ascii_lowercase();
        let secret = ["key", "token", "secret", "pass", "auth", "sig", "pwd"]
            .iter()
            .any(|w| field.contains(w));
        (input == "headers" || secret).then(|| names.join("."))
    }

    /// `__filename`, `process.argv[1]`, `__dirname` (also `path.resolve(__filename)`): the
    /// running script or its folder.
    fn own_script(&self, e: &Expression<'_>) -> Option<&'static str> {
        match e.without_parentheses() {
            Expression::Identifier(id) if self.env.symbol_of(id).is_none() => {
                match id.name.as_str() {
                    "__filename" => Some("__filename"),
                    "__dirname" => Some("__dirname"),
                    _ => None,
                }
            }
            Expression::ComputedMemberExpression(m)
                if matches!(m.expression.without_parentheses(), Expression::NumericLiteral(n) if n.value == 1.0)
                    && self.env.eval(&m.object) == Val::Global("process.argv".into()) =>
            {
                Some("process.argv[1]")
            }
            Expression::CallExpression(c)
                if matches!(self.env.eval(&c.callee), Val::Module(m, p) if m == "path" && p == "resolve")
                    && c.arguments.len() == 1 =>
            {
                self.own_script(c.arguments.first()?.as_expression()?)
            }
            _ => None,
        }
    }

    /// `Math.random()` in the expression, a variable bound to one, or a property initialised
    /// with one (`s.roll` where some object literal says `roll: Math.random()`).
    fn is_random(&self, e: &Expression<'_>) -> bool {
        let e = e.without_parentheses();
        if has_random(e) {
            return true;
        }
        match e {
            Expression::Identifier(id) => self
                .env
                .symbol_of(id)
                .is_some_and(|s| self.behaviour.random.contains(&s)),
            Expression::StaticMemberExpression(m) => {
                self.behaviour.random_props.contains(m.property.name.as_str())
            }
            _ => false,
        }
    }

    /// A variable holding the current time, or `.getTime()`/`.valueOf()` of one.
    fn is_held_now(&self, e: &Expression<'_>) -> bool {
        match e.without_parentheses() {
            Expression::Identifier(id) => self
                .env
                .symbol_of(id)
                .is_some_and(|s| self.behaviour.now.contains(&s)),
            Expression::CallExpression(c) => c.callee.as_member_expression().is_some_and(|m| {
                matches!(m.static_property_name(), Some("getTime" | "valueOf"))
                    && self.is_held_now(m.object())
            }),
            Expression::UnaryExpression(u) => self.is_held_now(&u.argument),
            _ => false,
        }
    }
}

/// `new Date()`, `Date.now()`.
fn is_now_expr(e: &Expression<'_>) -> bool {
    match e.without_parentheses() {
        Expression::NewExpression(n) => {
            n.arguments.is_empty()
                && matches!(&n.callee, Expression::Identifier(o) if o.name == "Date")
        }
        Expression::CallExpression(c) => c.callee.as_member_expression().is_some_and(|m| {
            matches!(m.object(), Expression::Identifier(o) if o.name == "Date")
                && m.static_property_name() == Some("now")
        }),
        _ => false,
    }
}

/// `Math.random()` inside the expression (through arithmetic and `Math.floor`/`round`/`ceil`),
/// a few levels deep.
fn has_random(e: &Expression<'_>) -> bool {
    fn go(e: &Expression<'_>, depth: u8) -> bool {
        if depth > 4 {
            return false;
        }
        match e.without_parentheses() {
            Expression::CallExpression(c) => {
                let math = |name: &str| {
                    c.callee.as_member_expression().is_some_and(|m| {
                        matches!(m.object(), Expression::Identifier(o) if o.name == "Math")
                            && m.static_property_name() == Some(name)
                    })
                };
                if math("random") {
                    return true;
                }
                (math("floor") || math("round") || math("ceil") || math("trunc"))
                    && c.arguments
                        .first()
                        .and_then(|a| a.as_expression())
                        .is_some_and(|a| go(a, depth + 1))
            }
            Expression::BinaryExpression(b) => go(&b.left, depth + 1) || go(&b.right, depth + 1),
            Expression::UnaryExpression(u) => go(&u.argument, depth + 1),
            _ => false,
        }
    }
    go(e, 0)
}
