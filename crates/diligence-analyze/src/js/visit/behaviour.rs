//! Facts for the rules that judge behaviour with no data flow: logic bombs, request-keyed
//! backdoors, install scripts that delete themselves.
//!
//! - [`Kind::RandomGate`]: `Math.random()` (directly, through a variable, or through an object
//!   property initialised with it) compared with a number: a decision left to chance.
//! - [`Kind::TimeGate`] for the current time held in a variable (`const d = new Date();
//!   d.getTime() > Date.UTC(2027, 5, 1)`), which [`super::load_time`] sees only inline.
//! - [`Kind::ConstantOverwrite`]: a file write whose path is computed and whose content is a
//!   short constant (`fs.writeFileSync(f, '')`, a decoded heart): overwriting, not producing.
//! - [`Kind::SelfDelete`]: a delete of `__filename`, `process.argv[1]`, `__dirname`, or a file
//!   directly in `__dirname` (`__dirname/NAME`: the rule tells whether NAME is the file itself).
//! - [`Kind::PackageDir`]: a path built with a `node_modules` segment and a package name after it
//!   (`path.join(dir, 'node_modules', 'ethers')`, `'node_modules/ethers/lib'`).
//! - [`Kind::ReadModifyWrite`]: a file read and then written through the same variable in one
//!   function (`src = fs.readFileSync(file); fs.writeFileSync(file, src + patch)`): patching.
//! - [`Kind::RemoteGate`]: a file write or delete inside a network callback, or inside a
//!   function of the file that a network callback calls by name (declared after the call):
//!   a remote answer decides it.
//! - [`Kind::KeyedRoute`]: inside an HTTP request handler (`app.post('/x', (req, res) => …)`,
//!   `http.createServer((req, res) => …)`), a command, code evaluation or delete after a request
//!   field named like a credential (or a header) was compared with a hard-coded string; or
//!   code evaluation of a computed string in a handler that read its request's client input
//!   (`JSON.stringify(req.headers)` scanned for smuggled code: getcookies, 2018).

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
    /// Local functions called by name inside a network callback.
    net_called: HashSet<SymbolId>,
    /// Depth of functions being walked that a network callback calls.
    in_net_called: Vec<u32>,
    /// Variables holding a request field (`const { key } = req.body`): symbol -> the field.
    request_vars: HashMap<SymbolId, String>,
    /// Handlers (span start) that read client input of their request (`req.headers`,
    /// `req.body`…): the member as written.
    input_read: HashMap<u32, String>,
    /// Variables bound to a network connection object (`ws = new WebSocket(url)`,
    /// `sock = net.connect(…)`): their `message`/`data` listeners run on what a server sends.
    pub(super) net_handles: HashSet<SymbolId>,
    /// Function declarations of the file: symbol -> function id.
    declared: HashMap<SymbolId, u32>,
    /// Calls by name of a local function inside a handler behind a key: (offset, calling
    /// function, callee, callee's name, the keyed comparison).
    keyed_calls: Vec<(u32, u32, SymbolId, String, String)>,
}

/// Methods that register a route or middleware on Express-style routers and apps.
const ROUTE_METHODS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "del", "all", "use", "head", "options",
];

/// Request members that carry client input (`headers` included: `x-api-key`).
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
        if !self.behaviour.handlers.is_empty() {
            self.bind_request_fields(id, init);
        }
        let BindingPattern::BindingIdentifier(b) = id else {
            return;
        };
        let Some(sym) = b.symbol_id.get() else {
            return;
        };
        let init = init.without_parentheses();
        self.bind_net_handle(sym, init);
        if is_now_expr(init) {
            self.behaviour.now.insert(sym);
        } else if load_time::is_constant_date(init) {
            self.behaviour.dates.insert(sym);
        } else if has_random(init) {
            self.behaviour.random.insert(sym);
        }
    }

    /// Records `sym` as a network connection when `init` creates one (`new WebSocket(url)`,
    /// `new (require('ws'))(url)`, `net.connect(…)`).
    pub(super) fn bind_net_handle(&mut self, sym: SymbolId, init: &Expression<'_>) {
        let callee = match init.without_parentheses() {
            Expression::NewExpression(n) => &n.callee,
            Expression::CallExpression(c) => &c.callee,
            _ => return,
        };
        if self.env.worth_eval(callee)
            && Self::call_kinds(&self.env.eval(callee)).contains(&Kind::Network)
        {
            self.behaviour.net_handles.insert(sym);
        }
    }

    /// True for `handle.on('message' | 'data', cb)` (or `once`, `addEventListener`) on a
    /// variable bound to a network connection: the callback runs on what the server sends.
    pub(super) fn on_net_message(&self, it: &CallExpression<'_>) -> bool {
        let Some(m) = it.callee.as_member_expression() else {
            return false;
        };
        if !matches!(
            m.static_property_name(),
            Some("on" | "once" | "addEventListener")
        ) {
            return false;
        }
        let Expression::Identifier(id) = m.object().without_parentheses() else {
            return false;
        };
        let event = it.arguments.first().and_then(|a| a.as_expression());
        matches!(event, Some(Expression::StringLiteral(s)) if matches!(s.value.as_str(), "message" | "data"))
            && self
                .env
                .symbol_of(id)
                .is_some_and(|s| self.behaviour.net_handles.contains(&s))
    }

    /// `const key = req.body.key`, `const { key, token: t } = req.body` inside a handler.
    fn bind_request_fields(&mut self, id: &BindingPattern<'_>, init: &Expression<'_>) {
        match id {
            BindingPattern::BindingIdentifier(b) => {
                if let (Some(sym), Some(field)) = (b.symbol_id.get(), self.request_field(init)) {
                    self.behaviour.request_vars.insert(sym, field);
                }
            }
            BindingPattern::ObjectPattern(o) => {
                let Some(base) = self.request_input(init) else {
                    return;
                };
                for p in &o.properties {
                    let Some(key) = p.key.static_name() else {
                        continue;
                    };
                    if let BindingPattern::BindingIdentifier(b) = &p.value
                        && let Some(sym) = b.symbol_id.get()
                        && credential_name(&key)
                    {
                        self.behaviour
                            .request_vars
                            .insert(sym, format!("{base}.{key}"));
                    }
                }
            }
            _ => {}
        }
    }

    /// `req.body`, `req.headers`, `ctx.request.body`… of a handler being walked.
    fn request_input(&self, e: &Expression<'_>) -> Option<String> {
        let names = self.request_path(e)?;
        let rest: Vec<&String> = names.iter().skip(1).filter(|n| *n != "request").collect();
        (rest.len() == 1 && REQUEST_INPUT.contains(&rest[0].as_str())).then(|| names.join("."))
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
                // A literal, or a constant the code decodes first (`Buffer.from('…',
                // 'base64').toString()`): a key hidden by encoding is still hard-coded.
                let key = match other.without_parentheses() {
                    Expression::StringLiteral(lit) => lit.value.to_string(),
                    Expression::Identifier(_) | Expression::CallExpression(_) => {
                        match self.env.eval(other) {
                            Val::Str(s) => s,
                            _ => continue,
                        }
                    }
                    _ => continue,
                };
                if key.len() < 4 {
                    continue;
                }
                if let Some(req) = self.request_field(field) {
                    let text = format!("{req} == '{}'", truncate(&key, 40));
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
        {
            if let Some(what) = self.own_script(e) {
                self.sig(Kind::SelfDelete, span, what);
            } else if let Some((load_time::Base::Dirname, rest)) = self.based(e)
                && let segs = rest
                    .iter()
                    .flat_map(|r| r.split(['/', '\\']))
                    .filter(|x| !x.is_empty() && *x != ".")
                    .collect::<Vec<_>>()
                && (1..=4).contains(&segs.len())
                && segs.iter().all(|x| !x.contains('?'))
                && segs.last().is_some_and(|x| *x != "..")
            {
                // `path.join(__dirname, 'install.js')`, `path.join(__dirname, '..', 'src',
                // 'install.js')`: the rule resolves the path against the file's own.
                self.sig(
                    Kind::SelfDelete,
                    span,
                    format!("__dirname/{}", segs.join("/")),
                );
            }
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
        if kinds.contains(&Kind::Spawn)
            && let Some(e) = first
            && let Some(cmd) = recursive_delete_command(e)
        {
            self.sig(
                Kind::DestructiveFs,
                span,
                format!("shell recursive delete `{}`", truncate(&cmd, 40)),
            );
        }
        if kinds.contains(&Kind::FsWrite)
            && (self.net_cb > 0 || !self.behaviour.in_net_called.is_empty())
        {
            self.sig(
                Kind::RemoteGate,
                span,
                "file write or delete decided by a network answer",
            );
        }
        // Code evaluation of a computed string (not a module load: `require('vm')`) inside a
        // handler that read its request's client input: code smuggled in by the request.
        if kinds.contains(&Kind::DynamicCode)
            && matches!(
                name.rsplit('.').next().unwrap_or(name),
                "eval"
                    | "Function"
                    | "runInThisContext"
                    | "runInNewContext"
                    | "runInContext"
                    | "Script"
                    | "compileFunction"
                    | "_compile"
            )
            && let Some(first) = first
            && self.env.eval(first).as_str().is_none()
            && let Some(read) = self
                .behaviour
                .handlers
                .iter()
                .rev()
                .find_map(|h| self.behaviour.input_read.get(&h.0))
        {
            let detail =
                format!("request handler evaluates code built at run time after reading `{read}`");
            self.sig(Kind::KeyedRoute, span, detail);
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
            let what = match kinds
                .iter()
                .find(|k| matches!(k, Kind::Spawn | Kind::DestructiveFs | Kind::DynamicCode))
            {
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
            .map(
                |a| match a.as_expression().map(|e| e.without_parentheses()) {
                    Some(Expression::StringLiteral(s)) => Some(s.value.as_str()),
                    _ => None,
                },
            )
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
            } else if let Some(rest) = l.trim_start_matches("./").split("node_modules/").nth(1) {
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

    /// A call by name inside a network callback: remembers the callee.
    pub(super) fn behaviour_net_call(&mut self, it: &CallExpression<'_>) {
        if self.net_cb > 0
            && let Expression::Identifier(id) = it.callee.without_parentheses()
            && let Some(sym) = self.env.symbol_of(id)
        {
            self.behaviour.net_called.insert(sym);
        }
    }

    /// A function declaration starts or ends: one a network callback called by name marks its
    /// body (`enter` true on entry).
    pub(super) fn behaviour_declared(&mut self, it: &Function<'_>, enter: bool) {
        let Some(sym) = it.id.as_ref().and_then(|i| i.symbol_id.get()) else {
            return;
        };
        if !self.behaviour.net_called.contains(&sym) {
            return;
        }
        if enter {
            self.behaviour.in_net_called.push(it.span.start);
        } else if self.behaviour.in_net_called.last() == Some(&it.span.start) {
            self.behaviour.in_net_called.pop();
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
                Some(Expression::StringLiteral(s)) => s.value.starts_with('/') || s.value == "*",
                Some(Expression::TemplateLiteral(_)) => true,
                Some(
                    Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_),
                ) => method == "use",
                _ => false,
            };
        let server = method == "createServer"
            || method == "on"
                && matches!(first.map(|e| e.without_parentheses()),
                    Some(Expression::StringLiteral(s)) if s.value == "request");
        if !route && !server {
            return;
        }
        // A path route's handler may take the context alone (`(ctx) => …`, Koa); middleware
        // (`use`) and servers take (req, res).
        let min_params = if route && method != "use" { 1 } else { 2 };
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
            if params.items.len() >= min_params {
                self.behaviour.handler_spans.insert(span, req);
            }
        }
    }

    /// A function starts: a registered handler opens a frame, and so does a function declared
    /// with the request-handler signature `(req, res…)` / `(request, response…)` (a handler
    /// passed by name: `app.post('/x', onSync)`).
    pub(super) fn behaviour_enter(&mut self, span: u32, params: &FormalParameters<'_>) {
        if let Some(req) = self.behaviour.handler_spans.remove(&span) {
            self.behaviour.handlers.push((span, req, None));
            return;
        }
        let name = |i: usize| {
            params.items.get(i).and_then(|p| match &p.pattern {
                BindingPattern::BindingIdentifier(b) => Some((b.name.as_str(), b.symbol_id.get())),
                _ => None,
            })
        };
        if let (Some((a, req)), Some((b, _))) = (name(0), name(1))
            && matches!(a, "req" | "request")
            && matches!(b, "res" | "response" | "reply")
        {
            self.behaviour.handlers.push((span, req, None));
        }
    }

    /// A function declaration is entered with the id `func`.
    pub(super) fn behaviour_declare(&mut self, it: &Function<'_>, func: u32) {
        if let Some(sym) = it.id.as_ref().and_then(|i| i.symbol_id.get()) {
            self.behaviour.declared.insert(sym, func);
        }
    }

    /// A call by name inside a handler behind a key (`if (req.body.key !== K) return; …
    /// setImmediate(() => wipe(dir))`): what the callee does is known once the file is walked.
    pub(super) fn behaviour_keyed_call(&mut self, it: &CallExpression<'_>) {
        let Expression::Identifier(id) = it.callee.without_parentheses() else {
            return;
        };
        let Some(key) = self
            .behaviour
            .handlers
            .iter()
            .rev()
            .find_map(|h| h.2.clone())
        else {
            return;
        };
        if let Some(sym) = self.env.symbol_of(id) {
            let func = self.func();
            self.behaviour
                .keyed_calls
                .push((it.span.start, func, sym, id.name.to_string(), key));
        }
    }

    /// After the walk: a keyed handler's call of a local function that deletes files, runs
    /// commands or evaluates code is that action behind the key.
    pub(super) fn behaviour_finish(&mut self) {
        let calls = std::mem::take(&mut self.behaviour.keyed_calls);
        for (offset, caller, sym, name, key) in calls {
            let Some(&callee) = self.behaviour.declared.get(&sym) else {
                continue;
            };
            let what = self.out.signals.iter().find_map(|s| {
                if s.func != callee {
                    return None;
                }
                match s.kind {
                    Kind::DestructiveFs => Some("deletes files"),
                    Kind::DynamicCode if !s.detail.starts_with("require") => Some("evaluates code"),
                    Kind::Spawn if !s.detail.starts_with("require(") => Some("runs a command"),
                    _ => None,
                }
            });
            let Some(what) = what else { continue };
            let saved = std::mem::replace(&mut self.funcs, vec![caller]);
            self.sig(
                Kind::KeyedRoute,
                offset,
                format!("request handler calls `{name}`, which {what}, behind `{key}`"),
            );
            self.funcs = saved;
        }
    }

    /// `req.headers`, `req.body`, `req.rawHeaders`… read in a handler being walked: remembered
    /// for the handler whose request parameter it is.
    pub(super) fn behaviour_member(&mut self, it: &StaticMemberExpression<'_>) {
        if self.behaviour.handlers.is_empty() {
            return;
        }
        let prop = it.property.name.as_str();
        if !(REQUEST_INPUT.contains(&prop) || prop == "rawHeaders") {
            return;
        }
        let Expression::Identifier(id) = it.object.without_parentheses() else {
            return;
        };
        let Some(sym) = self.env.symbol_of(id) else {
            return;
        };
        if let Some(h) = self
            .behaviour
            .handlers
            .iter()
            .rev()
            .find(|h| h.1 == Some(sym))
        {
            let read = format!("{}.{prop}", id.name);
            self.behaviour.input_read.entry(h.0).or_insert(read);
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
        if let Expression::Identifier(id) = e.without_parentheses()
            && let Some(sym) = self.env.symbol_of(id)
            && let Some(field) = self.behaviour.request_vars.get(&sym)
        {
            return Some(field.clone());
        }
        // A fallback between request fields (`req.headers['x-key'] || req.body.key`,
        // `req.body && req.body.key`): the value is one of them.
        if let Expression::LogicalExpression(l) = e.without_parentheses() {
            return self
                .request_field(&l.right)
                .or_else(|| self.request_field(&l.left));
        }
        let names = self.request_path(e)?;
        // names = [req, (request,) body|query|headers…, field…]
        let rest: Vec<&String> = names.iter().skip(1).filter(|n| *n != "request").collect();
        let input = rest.first()?;
        if !REQUEST_INPUT.contains(&input.as_str()) || rest.len() < 2 {
            return None;
        }
        let field = rest.last()?;
        credential_name(field).then(|| names.join("."))
    }

    /// The member names from a handler's request parameter to `e`, root first.
    fn request_path(&self, e: &Expression<'_>) -> Option<Vec<String>> {
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
        Some(names)
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
            Expression::StaticMemberExpression(m) => self
                .behaviour
                .random_props
                .contains(m.property.name.as_str()),
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

/// The constant start of a command (`'rm -rf ' + dir`, `` `rd /s /q "${d}"` ``, either branch
/// of a conditional) when it is a recursive delete.
fn recursive_delete_command(e: &Expression<'_>) -> Option<String> {
    let head = |e: &Expression<'_>| -> Option<String> {
        let mut cur = e.without_parentheses();
        loop {
            match cur {
                Expression::BinaryExpression(b) => cur = b.left.without_parentheses(),
                Expression::StringLiteral(s) => return Some(s.value.to_string()),
                Expression::TemplateLiteral(t) => {
                    return t.quasis.first().map(|q| q.value.raw.to_string());
                }
                _ => return None,
            }
        }
    };
    let branches: Vec<&Expression<'_>> = match e.without_parentheses() {
        Expression::ConditionalExpression(c) => vec![&c.consequent, &c.alternate],
        other => vec![other],
    };
    branches.into_iter().filter_map(head).find(|h| {
        let l = h.trim_start().to_ascii_lowercase();
        let flags = |p: &str| {
            l.strip_prefix(p).is_some_and(|rest| {
                rest.split_whitespace()
                    .take_while(|w| w.starts_with('-') || w.starts_with('/'))
                    .any(|w| {
                        w.starts_with("--recursive")
                            || w.starts_with('-') && !w.starts_with("--") && w.contains('r')
                            || w == "/s"
                    })
            })
        };
        flags("rm ")
            || flags("rd ")
            || flags("rmdir ")
            || flags("del ")
            || l.starts_with("remove-item") && l.contains("-recurse")
    })
}

/// A field name that reads like a credential (`key`, `apiKey`, `token`, `secret`, `password`).
fn credential_name(field: &str) -> bool {
    let field = field.to_ascii_lowercase();
    ["key", "token", "secret", "pass", "auth", "sig", "pwd"]
        .iter()
        .any(|w| field.contains(w))
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
