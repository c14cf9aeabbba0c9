//! What runs when the module loads: module scope, immediately invoked functions, functions of
//! the same file that load-time code calls by name, callbacks it passes to calls — and, for the
//! rules that judge behaviour with no flow (sabotage loops, wipers, file drops), targeting gates
//! (locale, time zone, country, dates).
//!
//! Function ids are the walker's; the call graph is built while walking and closed in
//! [`LoadTime::finish`]:
//! - a function expression called where it is written (`(function(){…})()`, `!function(){}()`)
//!   or passed as an argument (`setTimeout(() => …)`, `https.get(u, res => …)`) is a child of the
//!   function that contains the call;
//! - a call to an identifier bound to a function declared in this file (`main()`) links the
//!   caller to that function.
//!
//! Load-time functions other than module scope get a [`Kind::LoadTime`] signal (so rules can
//! tell a write in `leaveNote()` called at load from a write in an exported helper), loops
//! recorded as candidates become [`Kind::InfiniteLoop`] only when they run at load, and a call
//! at load time to the export of a relative module (`require('./notice')()`) becomes a
//! [`Kind::LoadCall`] that [`crate::scripts`] resolves across files.

use super::*;
use oxc_syntax::symbol::SymbolId;
use std::collections::{BTreeSet, HashMap};

/// Load-time bookkeeping of one walk.
#[derive(Debug, Default)]
pub(super) struct LoadTime {
    /// Span start of a function expression -> the function that calls or receives it.
    children: HashMap<u32, u32>,
    /// Function symbol -> function id.
    fn_ids: HashMap<SymbolId, u32>,
    /// Symbol a function expression is being bound to (`const f = () => …`).
    pending_symbol: Option<SymbolId>,
    /// (caller function, callee symbol).
    calls: Vec<(u32, SymbolId)>,
    /// (parent, child) function edges.
    edges: Vec<(u32, u32)>,
    /// The label of the loop statement about to be visited: (loop span start, label).
    pub(super) loop_label: Option<(u32, String)>,
    /// Loop candidates: (function, span start, detail).
    loops: Vec<(u32, u32, &'static str)>,
    /// Relative-module calls: (function, span start, module specifier).
    module_calls: Vec<(u32, u32, String)>,
    /// Symbols bound to the hour of day (`const hr = new Date().getHours()`).
    hour_syms: BTreeSet<SymbolId>,
    /// Symbols bound to a constant date (`Date.UTC(…)`, `new Date('2024-…')`).
    date_consts: BTreeSet<SymbolId>,
    /// Span start of an exported function expression -> export name (`""`: the module's
    /// default export, `module.exports` itself).
    export_spans: HashMap<u32, String>,
    /// Exported functions: (export name, function id).
    exports: Vec<(String, u32)>,
    /// Exports of a binding: (export name, symbol).
    export_symbols: Vec<(String, SymbolId)>,
    /// Symbols bound to a path with a known base (see [`Walker::based`]).
    bases: HashMap<SymbolId, (Base, Vec<String>)>,
    /// Function expressions passed to a same-file function by name (`walk(root, f => …)`):
    /// (callee symbol, span start of the function expression).
    callbacks: Vec<(SymbolId, u32)>,
    /// Span start of such a function expression -> its function id.
    callback_ids: HashMap<u32, u32>,
    /// Symbols bound to `Intl.DateTimeFormat().resolvedOptions()` (their `.timeZone` and
    /// `.locale` are locale gates).
    intl_options: BTreeSet<SymbolId>,
}

/// Where a path starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Base {
    /// The user's home folder.
    Home,
    /// The folder of the file itself.
    Dirname,
    /// The folder of another installed package (`require.resolve`).
    Package(String),
    /// The project `npm install` runs in (`INIT_CWD`).
    InstallRoot,
    /// A folder computed at run time (a parameter, a call's result): only a write whose last
    /// constant part names a project's registry configuration or lockfile is reported.
    Computed,
}

impl Walker<'_> {
    /// Internal id of the innermost function being walked (0 = module scope).
    fn inner(&self) -> u32 {
        *self.funcs.last().unwrap_or(&0)
    }

    /// Called when a function starts (after its id is pushed): links it to its caller.
    pub(super) fn load_enter(&mut self, span: u32, symbol: Option<SymbolId>) {
        let id = self.inner();
        let lt = &mut self.load;
        if let Some(parent) = lt.children.remove(&span) {
            lt.edges.push((parent, id));
            if lt.callbacks.iter().any(|(_, s)| *s == span) {
                lt.callback_ids.insert(span, id);
            }
        }
        if let Some(name) = lt.export_spans.remove(&span) {
            lt.exports.push((name, id));
        }
        if let Some(sym) = symbol.or(lt.pending_symbol.take()) {
            lt.fn_ids.insert(sym, id);
        }
    }

    /// A variable declarator: remembers the symbol a function expression initialises, and
    /// constant dates.
    pub(super) fn load_bind(&mut self, id: &BindingPattern<'_>, init: &Expression<'_>) {
        let resolved_options = matches!(init.without_parentheses(), Expression::CallExpression(c)
            if c.callee.as_member_expression().and_then(|m| m.static_property_name()) == Some("resolvedOptions"));
        // `const { timeZone } = Intl.DateTimeFormat().resolvedOptions()`.
        if resolved_options && let BindingPattern::ObjectPattern(o) = id {
            for p in &o.properties {
                if let Some(k) = p.key.static_name()
                    && matches!(k.as_ref(), "timeZone" | "locale")
                {
                    self.sig(Kind::LocaleGate, p.span.start, format!(".{k} read"));
                }
            }
        }
        let BindingPattern::BindingIdentifier(b) = id else {
            return;
        };
        if resolved_options && let Some(sym) = b.symbol_id.get() {
            self.load.intl_options.insert(sym);
        }
        let Some(sym) = b.symbol_id.get() else {
            return;
        };
        match init.without_parentheses() {
            Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_) => {
                self.load.pending_symbol = Some(sym);
            }
            e if is_constant_date(e) => {
                self.load.date_consts.insert(sym);
            }
            e if is_hour_read(e) => {
                self.load.hour_syms.insert(sym);
            }
            e => {
                if could_be_path(e)
                    && let Some(b) = self.based(e)
                {
                    self.load.bases.insert(sym, b);
                }
            }
        }
    }

    /// A file write or delete whose first argument names a place outside the package:
    /// - the home folder itself, a file or a user folder directly in it, the file-system root:
    ///   [`Kind::UserFolder`] (`fs.rmSync(os.homedir(), …)`, `path.join(home, 'README.txt')`;
    ///   dot folders such as `~/.config/x` are an application's own);
    /// - another installed package (`require.resolve('ethers')`), the project being installed
    ///   (`process.env.INIT_CWD`), or a path climbing out of `__dirname`: [`Kind::OtherPackage`]
    ///   with detail `package NAME`, `install root|REST` or `__dirname|UPS|REST` (the rule knows
    ///   how deep the file sits, so whether `UPS` levels leave the package);
    /// - another desktop application's code (an `.asar` archive, `X.app/Contents/…`,
    ///   `discord_desktop_core`) on a path not built from `__dirname`: [`Kind::OtherPackage`]
    ///   with detail `application|PATH`.
    pub(super) fn load_fs_call(&mut self, args: &[Argument<'_>], span: u32) {
        if let Some((kind, t)) = args
            .first()
            .and_then(|a| a.as_expression())
            .and_then(|e| self.fs_target(e))
        {
            self.sig(kind, span, t);
        }
    }

    /// See [`Self::load_fs_call`].
    fn fs_target(&self, e: &Expression<'_>) -> Option<(Kind, String)> {
        const FOLDERS: &[&str] = &["Desktop", "Documents", "OneDrive", "Downloads", "Pictures"];
        let e = e.without_parentheses();
        if let Expression::StringLiteral(s) = e {
            return matches!(s.value.as_str(), "/" | "C:\\" | "C:/" | "c:\\" | "~" | "~/").then(
                || {
                    (
                        Kind::UserFolder,
                        "file-system root or home folder".to_string(),
                    )
                },
            );
        }
        let (base, rest) = self.based(e)?;
        let joined = rest.join("/");
        let segs: Vec<&str> = joined
            .split(['/', '\\'])
            .filter(|s| !s.is_empty() && *s != ".")
            .collect();
        // Another desktop application's code: an Electron `app.asar`, a macOS bundle's
        // `X.app/Contents`, Discord's `discord_desktop_core` (a package's own files sit under
        // `__dirname`).
        let app = segs.iter().enumerate().any(|(i, s)| {
            (i + 1 == segs.len() && s.ends_with(".asar"))
                || *s == "discord_desktop_core"
                || (s.ends_with(".app") && segs.get(i + 1) == Some(&"Contents"))
        });
        if app && base != Base::Dirname {
            return Some((
                Kind::OtherPackage,
                format!("application|{}", segs.join("/")),
            ));
        }
        match base {
            Base::Home => match segs.as_slice() {
                [name] if PROJECT_CONFIG[..3].contains(name) => {
                    return Some((Kind::OtherPackage, format!("project config|~/{name}")));
                }
                [] => Some("home folder"),
                [first, ..] if FOLDERS.contains(first) => Some("user folder in the home folder"),
                [name] if !name.starts_with('.') && name.contains('.') && !name.contains('?') => {
                    Some("home folder")
                }
                _ => None,
            }
            .map(|t| (Kind::UserFolder, t.to_string())),
            Base::Dirname => {
                let ups = segs.iter().take_while(|s| **s == "..").count();
                (ups > 0).then(|| {
                    let rest = segs[ups..].join("/");
                    (Kind::OtherPackage, format!("__dirname|{ups}|{rest}"))
                })
            }
            Base::Package(name) => Some((Kind::OtherPackage, format!("package {name}"))),
            Base::InstallRoot if segs.len() == 1 && PROJECT_CONFIG.contains(&segs[0]) => {
                Some((Kind::OtherPackage, format!("project config|{}", segs[0])))
            }
            Base::InstallRoot => Some((
                Kind::OtherPackage,
                format!("install root|{}", segs.join("/")),
            )),
            Base::Computed => segs
                .last()
                .filter(|name| {
                    PROJECT_CONFIG.contains(*name)
                        && !segs.iter().any(|s| *s == "node_modules" || s.contains('?'))
                })
                .map(|name| (Kind::OtherPackage, format!("project config|{name}"))),
        }
    }

    /// The base a path expression starts from and the constant parts after it (`?` for parts
    /// that are not constant): `path.join(base, 'a', 'b')`, `base + '/a'`, `` `${base}/a` ``,
    /// `path.dirname(base)`, or a binding of one.
    pub(super) fn based(&self, e: &Expression<'_>) -> Option<(Base, Vec<String>)> {
        let e = e.without_parentheses();
        if self.is_home(e) {
            return Some((Base::Home, Vec::new()));
        }
        let text = |a: &Expression<'_>| self.env.eval(a).as_str().unwrap_or("?").to_string();
        match e {
            Expression::Identifier(id)
                if id.name == "__dirname" && self.env.symbol_of(id).is_none() =>
            {
                Some((Base::Dirname, Vec::new()))
            }
            Expression::Identifier(id) => self
                .env
                .symbol_of(id)
                .and_then(|s| self.load.bases.get(&s).cloned()),
            Expression::StaticMemberExpression(_)
                if self.env.eval(e) == Val::Global("process.env.INIT_CWD".into()) =>
            {
                Some((Base::InstallRoot, Vec::new()))
            }
            Expression::CallExpression(c) => {
                let callee = self.env.eval(&c.callee);
                let first = c.arguments.first().and_then(|a| a.as_expression());
                match callee {
                    Val::Global(g) if g == "require.resolve" => {
                        let spec = first.map(|a| self.env.eval(a))?;
                        let spec = spec.as_str()?;
                        (!spec.starts_with('.') && !spec.starts_with('/'))
                            .then(|| (Base::Package(module_name(spec)), Vec::new()))
                    }
                    Val::Module(m, p) if m == "path" && (p == "join" || p == "resolve") => {
                        let (base, mut rest) = self.based_or_computed(first?)?;
                        rest.extend(
                            c.arguments
                                .iter()
                                .skip(1)
                                .filter_map(|a| a.as_expression())
                                .map(text),
                        );
                        Some((base, rest))
                    }
                    Val::Module(m, p) if m == "path" && p == "dirname" => {
                        let (base, mut rest) = self.based(first?)?;
                        match base {
                            // The folder of a package's entry file is still that package.
                            Base::Package(_) => {}
                            _ => rest.push("..".into()),
                        }
                        Some((base, rest))
                    }
                    _ => None,
                }
            }
            Expression::BinaryExpression(b) => {
                let (base, mut rest) = self.based_or_computed(&b.left)?;
                rest.push(text(&b.right));
                Some((base, rest))
            }
            Expression::TemplateLiteral(t)
                if t.quasis.first().is_some_and(|q| q.value.raw.is_empty()) =>
            {
                let (base, mut rest) = self.based_or_computed(t.expressions.first()?)?;
                rest.extend(t.quasis.iter().skip(1).map(|q| q.value.raw.to_string()));
                Some((base, rest))
            }
            _ => None,
        }
    }

    /// [`Self::based`], or [`Base::Computed`] for a value only known at run time (a variable,
    /// a call, a member: `path.join(root, '.npmrc')` with `root` a parameter).
    fn based_or_computed(&self, e: &Expression<'_>) -> Option<(Base, Vec<String>)> {
        self.based(e).or_else(|| {
            matches!(
                e.without_parentheses(),
                Expression::Identifier(_)
                    | Expression::CallExpression(_)
                    | Expression::StaticMemberExpression(_)
                    | Expression::LogicalExpression(_)
            )
            .then(|| (Base::Computed, Vec::new()))
        })
    }

    /// `os.homedir()`, `process.env.HOME`/`USERPROFILE`/`HOMEPATH`, or a binding of one.
    fn is_home(&self, e: &Expression<'_>) -> bool {
        match e {
            Expression::CallExpression(c) => {
                matches!(self.env.eval(&c.callee), Val::Module(m, p) if m == "os" && p == "homedir")
            }
            Expression::Identifier(id) => self
                .env
                .symbol_of(id)
                .and_then(|s| self.load.bases.get(&s))
                .is_some_and(|(b, rest)| *b == Base::Home && rest.is_empty()),
            Expression::StaticMemberExpression(_) => matches!(self.env.eval(e), Val::Global(g)
                if g == "process.env.HOME" || g == "process.env.USERPROFILE" || g == "process.env.HOMEPATH"),
            Expression::LogicalExpression(l) => {
                self.is_home(l.left.without_parentheses())
                    || self.is_home(l.right.without_parentheses())
            }
            _ => false,
        }
    }

    /// `import x from 'm'`, `import * as x from 'm'`, `import { a as x } from 'm'`: binds `x` as
    /// `require('m')` (or its member `a`) would be, so ES modules get the same facts as CommonJS.
    pub(super) fn bind_import(&mut self, it: &ImportDeclaration<'_>) {
        let m = module_name(&it.source.value);
        for spec in it.specifiers.iter().flatten() {
            let (local, member) = match spec {
                ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => (&s.local, String::new()),
                ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                    (&s.local, String::new())
                }
                ImportDeclarationSpecifier::ImportSpecifier(s) => {
                    let name = s.imported.name().to_string();
                    let member = if name == "default" {
                        String::new()
                    } else {
                        name
                    };
                    (&s.local, member)
                }
            };
            if let Some(sym) = local.symbol_id.get() {
                self.env.consts.insert(sym, Val::Module(m.clone(), member));
            }
        }
    }

    /// `module.exports = f`, `exports.x = function () {}`, `module.exports = { a, b() {} }`:
    /// records which functions the module exports under which name.
    pub(super) fn load_export_assign(&mut self, m: &MemberExpression<'_>, right: &Expression<'_>) {
        let obj = m.object();
        let root_module = matches!(obj, Expression::Identifier(o) if o.name == "module");
        let prop = m.static_property_name();
        let name = match (obj, prop) {
            (_, Some("exports")) if root_module => String::new(),
            (Expression::Identifier(o), Some(p)) if o.name == "exports" => p.to_string(),
            (Expression::StaticMemberExpression(inner), Some(p))
                if inner.property.name == "exports"
                    && matches!(&inner.object, Expression::Identifier(o) if o.name == "module") =>
            {
                p.to_string()
            }
            _ => return,
        };
        self.load_export_value(name.clone(), right);
        if name.is_empty()
            && let Expression::ObjectExpression(o) = right.without_parentheses()
        {
            for p in &o.properties {
                if let ObjectPropertyKind::ObjectProperty(p) = p
                    && let Some(k) = p.key.static_name()
                {
                    self.load_export_value(k.to_string(), &p.value);
                }
            }
        }
    }

    fn load_export_value(&mut self, name: String, value: &Expression<'_>) {
        match value.without_parentheses() {
            Expression::FunctionExpression(f) => {
                self.load.export_spans.insert(f.span.start, name);
            }
            Expression::ArrowFunctionExpression(f) => {
                self.load.export_spans.insert(f.span.start, name);
            }
            Expression::Identifier(id) => {
                if let Some(sym) = self.env.symbol_of(id) {
                    self.load.export_symbols.push((name, sym));
                }
            }
            _ => {}
        }
    }

    /// `export default function …`, `export function f`, `export { f as g }`, `export default f`.
    pub(super) fn load_export_default(&mut self, it: &ExportDefaultDeclaration<'_>) {
        match &it.declaration {
            ExportDefaultDeclarationKind::FunctionDeclaration(f) => {
                self.load.export_spans.insert(f.span.start, String::new());
            }
            ExportDefaultDeclarationKind::ArrowFunctionExpression(f) => {
                self.load.export_spans.insert(f.span.start, String::new());
            }
            other => {
                if let Some(e) = other.as_expression() {
                    self.load_export_value(String::new(), e);
                }
            }
        }
    }

    /// `export function f () {}`, `export const f = () => …`.
    pub(super) fn load_export_decl(&mut self, it: &ExportDeclaration<'_>) {
        if let Declaration::FunctionDeclaration(f) = &it.declaration
            && let Some(id) = &f.id
        {
            self.load
                .export_spans
                .insert(f.span.start, id.name.to_string());
        }
        if let Declaration::VariableDeclaration(v) = &it.declaration {
            for d in &v.declarations {
                if let (BindingPattern::BindingIdentifier(b), Some(init)) = (&d.id, &d.init) {
                    self.load_export_value(b.name.to_string(), init);
                }
            }
        }
    }

    /// `export { f as g }`.
    pub(super) fn load_export_named(&mut self, it: &ExportNamedDeclaration<'_>) {
        for s in &it.specifiers {
            if let ModuleExportName::IdentifierReference(local) = &s.local
                && let Some(sym) = self.env.symbol_of(local)
            {
                let name = s.exported.name().to_string();
                let name = if name == "default" {
                    String::new()
                } else {
                    name
                };
                self.load.export_symbols.push((name, sym));
            }
        }
    }

    /// A call: IIFE and callback edges, calls by name, calls of relative modules.
    pub(super) fn load_call(&mut self, it: &CallExpression<'_>, callee: Option<&Val>) {
        let me = self.inner();
        if let Expression::FunctionExpression(f) = it.callee.without_parentheses() {
            self.load.children.insert(f.span.start, me);
        }
        if let Expression::ArrowFunctionExpression(f) = it.callee.without_parentheses() {
            self.load.children.insert(f.span.start, me);
        }
        for a in &it.arguments {
            match a.as_expression().map(|e| e.without_parentheses()) {
                Some(Expression::FunctionExpression(f)) => {
                    self.load.children.insert(f.span.start, me);
                }
                Some(Expression::ArrowFunctionExpression(f)) => {
                    self.load.children.insert(f.span.start, me);
                }
                Some(Expression::Identifier(id)) => {
                    if let Some(sym) = self.env.symbol_of(id) {
                        self.load.calls.push((me, sym));
                    }
                }
                _ => {}
            }
        }
        if let Expression::Identifier(id) = &it.callee
            && let Some(sym) = self.env.symbol_of(id)
        {
            self.load.calls.push((me, sym));
            for a in &it.arguments {
                match a.as_expression().map(|e| e.without_parentheses()) {
                    Some(Expression::FunctionExpression(f)) => {
                        self.load.callbacks.push((sym, f.span.start));
                    }
                    Some(Expression::ArrowFunctionExpression(f)) => {
                        self.load.callbacks.push((sym, f.span.start));
                    }
                    _ => {}
                }
            }
        }
        if let Some(Val::Module(m, p)) = callee
            && m.starts_with('.')
        {
            let call = format!("{m}#{p}");
            self.load.module_calls.push((me, it.span.start, call));
        }
    }

    /// A loop: a candidate when nothing in its body leaves it and it either never ends
    /// (`while (true)`, `for (;;)`) or writes to the console or stdout (a loop whose end depends
    /// on data, printing forever: faker 6.6.6, colors 1.4.44-liberty-2).
    pub(super) fn load_loop(&mut self, body: &Statement<'_>, span: u32, forever: bool) {
        let mut exit = Exit {
            own: self
                .load
                .loop_label
                .take()
                .filter(|(at, _)| *at == span)
                .map(|(_, l)| l),
            ..Exit::default()
        };
        exit.visit_statement(body);
        if exit.exits || !forever && !exit.console {
            return;
        }
        let detail = match (forever, exit.console) {
            (true, true) => "unconditional infinite loop writing to the console at module load",
            (true, false) => "unconditional infinite loop at module load",
            _ => "loop writing to the console at module load with no break, return or throw",
        };
        let me = self.inner();
        self.load.loops.push((me, span, detail));
    }

    /// A comparison: a date gate when one side is the current time and the other a constant
    /// date (`Date.now() < Date.UTC(2024, 10, 25)`, `new Date() > since`), or the current year
    /// against a year.
    pub(super) fn load_compare(&mut self, it: &BinaryExpression<'_>) {
        if !it.operator.is_compare() && !it.operator.is_equality() {
            return;
        }
        let sides = [(&it.left, &it.right), (&it.right, &it.left)];
        let gate = sides.iter().any(|(now, other)| {
            if is_now(now) {
                return is_constant_date(other)
                    || matches!(other.without_parentheses(), Expression::NumericLiteral(n) if n.value >= 1e12)
                    || matches!(other.without_parentheses(), Expression::Identifier(id)
                        if self.env.symbol_of(id).is_some_and(|s| self.load.date_consts.contains(&s)));
            }
            is_current_year(now)
                && matches!(other.without_parentheses(), Expression::NumericLiteral(n) if (2000.0..2100.0).contains(&n.value))
        });
        if gate {
            self.sig(
                Kind::TimeGate,
                it.span.start,
                "current date compared with a fixed date",
            );
            return;
        }
        // The hour of day against an hour, other than the formatting constants (`h < 10` pads,
        // `h >= 12` and `h === 0` pick AM/PM): a time-of-day gate (`hr >= 19 || hr < 7`).
        let hour = |e: &Expression<'_>| {
            is_hour_read(e)
                || matches!(e.without_parentheses(), Expression::Identifier(id)
                    if self.env.symbol_of(id).is_some_and(|s| self.load.hour_syms.contains(&s)))
        };
        let gate_hour = sides.iter().any(|(h, other)| {
            hour(h)
                && matches!(other.without_parentheses(), Expression::NumericLiteral(n)
                    if (1.0..=23.0).contains(&n.value) && n.value.fract() == 0.0
                        && n.value != 10.0 && n.value != 12.0)
        });
        if gate_hour {
            self.sig(Kind::TimeGate, it.span.start, "hour of day compared");
        }
    }

    /// Locale, time-zone and country reads (`resolvedOptions().timeZone`, `geo.country_code`).
    pub(super) fn load_member(&mut self, it: &StaticMemberExpression<'_>) {
        let prop = it.property.name.as_str();
        let locale = matches!(prop, "timeZone" | "locale")
            && (matches!(&it.object, Expression::CallExpression(c)
                if c.callee.as_member_expression().and_then(|m| m.static_property_name()) == Some("resolvedOptions"))
                || matches!(&it.object, Expression::Identifier(id)
                    if self.env.symbol_of(id).is_some_and(|s| self.load.intl_options.contains(&s))));
        let country = matches!(
            prop,
            "country_code" | "countryCode" | "country_name" | "countryName"
        );
        if locale || country {
            self.sig(Kind::LocaleGate, it.span.start, format!(".{prop} read"));
        }
    }

    /// Closes the call graph and emits load-time facts (called from `finish`).
    pub(super) fn load_finish(&mut self) {
        let lt = std::mem::take(&mut self.load);
        let mut edges: HashMap<u32, Vec<u32>> = HashMap::new();
        for (a, b) in &lt.edges {
            edges.entry(*a).or_default().push(*b);
        }
        for (caller, sym) in &lt.calls {
            if let Some(callee) = lt.fn_ids.get(sym) {
                edges.entry(*caller).or_default().push(*callee);
            }
        }
        let closure = |root: u32| {
            let mut seen: BTreeSet<u32> = BTreeSet::new();
            let mut stack = vec![root];
            while let Some(f) = stack.pop() {
                if seen.insert(f) {
                    stack.extend(edges.get(&f).into_iter().flatten().copied());
                }
            }
            seen
        };
        let at_load = closure(0);
        // What each export runs when an importer calls it (resolved across files by
        // `scripts::mark_install_time`).
        let mut exports = lt.exports.clone();
        for (name, sym) in &lt.export_symbols {
            if let Some(id) = lt.fn_ids.get(sym) {
                exports.push((name.clone(), *id));
            }
        }
        // Functions an export reaches: a loop there runs at load when another module calls the
        // export at load (`require('./custom/liberty')(colors)`); the rule keeps it only then.
        let exported: BTreeSet<u32> = exports
            .iter()
            .flat_map(|(_, root)| closure(*root))
            .filter(|f| *f != 0)
            .collect();
        if matches!(self.place, Placement::Real) {
            let mut n = 0;
            for (name, root) in exports {
                if n >= MAX_EXPORT_SIGNALS {
                    break;
                }
                for f in closure(root).into_iter().filter(|f| *f != 0) {
                    n += 1;
                    if n > MAX_EXPORT_SIGNALS {
                        break;
                    }
                    self.out.signals.push(Signal {
                        kind: Kind::Export,
                        line: 0,
                        func: f,
                        detail: format!("{f}:{name}"),
                    });
                }
            }
        }
        // A directory walker's visitor: a callback handed to a same-file function that lists
        // folders (`walk(root, (f) => fs.writeFileSync(f, X))`) modifies what the walk lists,
        // as if the listing and the write shared a function.
        for (callee, span) in &lt.callbacks {
            let (Some(walker), Some(cb)) = (lt.fn_ids.get(callee), lt.callback_ids.get(span))
            else {
                continue;
            };
            let lists = self.out.signals.iter().find(|s| {
                s.func == *walker && s.kind == Kind::FsRead && s.detail.contains("readdir")
            });
            let modifies =
                self.out.signals.iter().find(|s| {
                    s.func == *cb && matches!(s.kind, Kind::FsWrite | Kind::DestructiveFs)
                });
            if let (Some(l), Some(m)) = (lists, modifies) {
                let s = Signal {
                    kind: Kind::FsRead,
                    line: m.line,
                    func: *cb,
                    detail: format!(
                        "{} (the walk at line {} calls this visitor)",
                        l.detail, l.line
                    ),
                };
                self.out.signals.push(s);
            }
        }
        // Asynchronous walks: a write in a callback nested under the listing
        // (`fs.readdir(dir, (e, names) => names.forEach((n) => fs.writeFile(…)))`).
        let mut parent: HashMap<u32, u32> = HashMap::new();
        for (a, b) in &lt.edges {
            parent.entry(*b).or_insert(*a);
        }
        let listing: BTreeSet<u32> = self
            .out
            .signals
            .iter()
            .filter(|s| s.func != 0 && s.kind == Kind::FsRead && s.detail.contains("readdir"))
            .map(|s| s.func)
            .collect();
        if !listing.is_empty() {
            let writes: Vec<(u32, u32)> = self
                .out
                .signals
                .iter()
                .filter(|s| matches!(s.kind, Kind::FsWrite | Kind::DestructiveFs))
                .filter(|s| !listing.contains(&s.func))
                .map(|s| (s.func, s.line))
                .collect();
            for (w, line) in writes {
                let mut f = w;
                for _ in 0..4 {
                    let Some(&up) = parent.get(&f) else { break };
                    if up == 0 {
                        break;
                    }
                    if listing.contains(&up) {
                        self.out.signals.push(Signal {
                            kind: Kind::FsRead,
                            line,
                            func: w,
                            detail: "readdir (in a callback of the listing)".to_string(),
                        });
                        break;
                    }
                    f = up;
                }
            }
        }
        // Embedded code runs at load only when the code around it does.
        let outer_at_load = self.func() == 0;
        let real = matches!(self.place, Placement::Real);
        for (f, span, detail) in lt.loops {
            if at_load.contains(&f) && outer_at_load {
                self.sig_in(Kind::InfiniteLoop, span, f, detail);
            } else if real && exported.contains(&f) {
                let detail = format!("{detail} (in an exported function)");
                self.sig_in(Kind::InfiniteLoop, span, f, detail);
            }
        }
        for (f, span, module) in lt.module_calls {
            if at_load.contains(&f) && outer_at_load {
                self.sig_in(Kind::LoadCall, span, f, module);
            }
        }
        if real {
            let used: BTreeSet<u32> = self.out.signals.iter().map(|s| s.func).collect();
            for f in at_load.iter().filter(|f| **f != 0 && used.contains(f)) {
                self.out.signals.push(Signal {
                    kind: Kind::LoadTime,
                    line: 0,
                    func: *f,
                    detail: format!("{f}: runs when the module loads"),
                });
            }
        }
    }

    /// A signal at `span` placed in function `f` (its own id in real code).
    fn sig_in(&mut self, kind: Kind, span: u32, f: u32, detail: impl AsRef<str>) {
        let func = match self.place {
            Placement::Real => f,
            Placement::Embedded { func, .. } => func,
        };
        let s = Signal {
            kind,
            line: self.line(span),
            func,
            detail: truncate(detail.as_ref(), 200),
        };
        self.out.signals.push(s);
    }
}

/// A project's registry configuration and lockfiles (the first three are also read from the
/// home folder): install-time code has no business rewriting them.
const PROJECT_CONFIG: &[&str] = &[
    ".npmrc",
    ".yarnrc",
    ".yarnrc.yml",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lock",
    "bun.lockb",
];

/// Most [`Kind::Export`] signals one file records (a bundle exporting hundreds of functions
/// would otherwise flood its facts).
const MAX_EXPORT_SIGNALS: usize = 400;

/// A cheap syntactic test before [`Walker::based`] evaluates anything: the expression could
/// start from `__dirname`, the home folder, `INIT_CWD`, `require.resolve`, a path call or a
/// variable (every variable declarator asks).
fn could_be_path(e: &Expression<'_>) -> bool {
    match e.without_parentheses() {
        Expression::Identifier(_) => true,
        Expression::StaticMemberExpression(m) => matches!(
            m.property.name.as_str(),
            "HOME" | "USERPROFILE" | "HOMEPATH" | "INIT_CWD"
        ),
        Expression::CallExpression(c) => match &c.callee {
            Expression::StaticMemberExpression(m) => matches!(
                m.property.name.as_str(),
                "join" | "resolve" | "dirname" | "homedir"
            ),
            Expression::Identifier(id) => {
                matches!(id.name.as_str(), "join" | "resolve" | "dirname" | "homedir")
            }
            _ => false,
        },
        Expression::BinaryExpression(b) => could_be_path(&b.left),
        Expression::TemplateLiteral(t) => t.expressions.first().is_some_and(could_be_path),
        Expression::LogicalExpression(l) => could_be_path(&l.left) || could_be_path(&l.right),
        _ => false,
    }
}

/// True for a counting `for` loop whose test can never become false: the counter starts
/// where the test holds and its update moves it away from the bound (`for (n = 0; n >= 0;
/// n++)`), or the body resets it to a constant where the test holds again (`for (i = 0; i < 9;
/// i++) { … if (i === 8) i = 0; }`). Only constant bounds: a loop against `arr.length` depends
/// on data. (Number precision ends the first form after 2^53 steps: never, in practice.)
pub(super) fn counter_never_ends(it: &ForStatement<'_>) -> bool {
    use oxc_syntax::operator::{BinaryOperator as Op, UpdateOperator};
    let num = |e: &Expression<'_>| match e.without_parentheses() {
        Expression::NumericLiteral(n) => Some(n.value),
        Expression::UnaryExpression(u)
            if u.operator == oxc_syntax::operator::UnaryOperator::UnaryNegation =>
        {
            match u.argument.without_parentheses() {
                Expression::NumericLiteral(n) => Some(-n.value),
                _ => None,
            }
        }
        _ => None,
    };
    let Some(Expression::BinaryExpression(test)) =
        it.test.as_ref().map(|t| t.without_parentheses())
    else {
        return false;
    };
    // Normalise to `name OP bound`.
    let (name, op, bound) = match (
        test.left.without_parentheses(),
        num(&test.right),
        num(&test.left),
    ) {
        (Expression::Identifier(id), Some(c), _) => (id.name.as_str(), test.operator, c),
        (_, None, Some(c)) => match test.right.without_parentheses() {
            Expression::Identifier(id) => {
                let flipped = match test.operator {
                    Op::LessThan => Op::GreaterThan,
                    Op::LessEqualThan => Op::GreaterEqualThan,
                    Op::GreaterThan => Op::LessThan,
                    Op::GreaterEqualThan => Op::LessEqualThan,
                    o => o,
                };
                (id.name.as_str(), flipped, c)
            }
            _ => return false,
        },
        _ => return false,
    };
    let holds = |v: f64| match op {
        Op::LessThan => v < bound,
        Op::LessEqualThan => v <= bound,
        Op::GreaterThan => v > bound,
        Op::GreaterEqualThan => v >= bound,
        Op::Inequality | Op::StrictInequality => v != bound,
        _ => false,
    };
    // The step of the update: `n++`, `--n`, `n += 2`, `n -= 1`.
    let step = match it.update.as_ref().map(|u| u.without_parentheses()) {
        Some(Expression::UpdateExpression(u)) if matches!(&u.argument, SimpleAssignmentTarget::AssignmentTargetIdentifier(i) if i.name == name) => {
            if u.operator == UpdateOperator::Increment {
                1.0
            } else {
                -1.0
            }
        }
        Some(Expression::AssignmentExpression(a)) if matches!(&a.left, AssignmentTarget::AssignmentTargetIdentifier(i) if i.name == name) => {
            match (a.operator, num(&a.right)) {
                (AssignmentOperator::Addition, Some(k)) => k,
                (AssignmentOperator::Subtraction, Some(k)) => -k,
                _ => return false,
            }
        }
        _ => return false,
    };
    if step == 0.0 || step.is_nan() {
        return false;
    }
    // The start: `let n = 0` or `n = 0`.
    let start = match &it.init {
        Some(ForStatementInit::VariableDeclaration(v)) => v.declarations.iter().find_map(|d| {
            matches!(&d.id, BindingPattern::BindingIdentifier(b) if b.name == name)
                .then(|| d.init.as_ref().and_then(num))
                .flatten()
        }),
        Some(init) => match init.as_expression().map(|e| e.without_parentheses()) {
            Some(Expression::AssignmentExpression(a))
                if a.operator == AssignmentOperator::Assign
                    && matches!(&a.left, AssignmentTarget::AssignmentTargetIdentifier(i) if i.name == name) =>
            {
                num(&a.right)
            }
            _ => None,
        },
        None => None,
    };
    let Some(start) = start else {
        return false;
    };
    if !holds(start) {
        return false;
    }
    let away = match op {
        Op::GreaterThan | Op::GreaterEqualThan => step > 0.0,
        Op::LessThan | Op::LessEqualThan => step < 0.0,
        Op::Inequality | Op::StrictInequality => (start - bound) * step > 0.0,
        _ => false,
    };
    if away {
        return true;
    }
    let mut resets = Resets {
        name,
        values: Vec::new(),
    };
    resets.visit_statement(&it.body);
    resets.values.iter().any(|v| holds(*v))
}

/// Constant assignments to a loop counter in a loop body (nested functions excluded).
struct Resets<'n> {
    name: &'n str,
    values: Vec<f64>,
}

impl<'a> Visit<'a> for Resets<'_> {
    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        if it.operator == AssignmentOperator::Assign
            && matches!(&it.left, AssignmentTarget::AssignmentTargetIdentifier(i) if i.name == self.name)
            && let Expression::NumericLiteral(n) = it.right.without_parentheses()
        {
            self.values.push(n.value);
        }
        walk::walk_assignment_expression(self, it);
    }
    fn visit_function(&mut self, _: &Function<'a>, _: ScopeFlags) {}
    fn visit_arrow_function_expression(&mut self, _: &ArrowFunctionExpression<'a>) {}
}

/// True for a loop test that can never be false: `true`, `1`, `!0`, `'x'`, `1 === 1`,
/// `n < Infinity`.
pub(super) fn always_true(e: &Expression<'_>) -> bool {
    use oxc_syntax::operator::UnaryOperator;
    match e.without_parentheses() {
        Expression::BooleanLiteral(b) => b.value,
        Expression::NumericLiteral(n) => n.value != 0.0 && !n.value.is_nan(),
        Expression::StringLiteral(s) => !s.value.is_empty(),
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => {
            matches!(u.argument.without_parentheses(),
                Expression::BooleanLiteral(b) if !b.value)
                || matches!(u.argument.without_parentheses(), Expression::NumericLiteral(n) if n.value == 0.0)
        }
        Expression::BinaryExpression(b) => {
            use oxc_syntax::operator::BinaryOperator as Op;
            let inf = |x: &Expression<'_>| matches!(x.without_parentheses(), Expression::Identifier(i) if i.name == "Infinity");
            let num = |x: &Expression<'_>| match x.without_parentheses() {
                Expression::NumericLiteral(n) => Some(n.value),
                _ => None,
            };
            match (b.operator, num(&b.left), num(&b.right)) {
                (Op::StrictEquality | Op::Equality, Some(x), Some(y)) => x == y,
                (Op::LessThan, Some(x), Some(y)) => x < y,
                (Op::GreaterThan, Some(x), Some(y)) => x > y,
                (Op::LessThan | Op::LessEqualThan, ..) => inf(&b.right),
                (Op::GreaterThan | Op::GreaterEqualThan, ..) => inf(&b.left),
                _ => false,
            }
        }
        _ => false,
    }
}

/// `Date.now()`, `new Date()`, `+new Date`, `new Date().getTime()`, `Date.now().valueOf()`.
fn is_now(e: &Expression<'_>) -> bool {
    match e.without_parentheses() {
        Expression::CallExpression(c) => match c.callee.as_member_expression() {
            Some(m) => {
                let prop = m.static_property_name();
                matches!(m.object(), Expression::Identifier(o) if o.name == "Date")
                    && prop == Some("now")
                    || matches!(prop, Some("getTime" | "valueOf")) && is_now(m.object())
            }
            None => false,
        },
        Expression::NewExpression(n) => {
            n.arguments.is_empty()
                && matches!(&n.callee, Expression::Identifier(o) if o.name == "Date")
        }
        Expression::UnaryExpression(u) => is_now(&u.argument),
        _ => false,
    }
}

/// `new Date().getFullYear()` / `getUTCFullYear()`.
fn is_current_year(e: &Expression<'_>) -> bool {
    matches!(e.without_parentheses(), Expression::CallExpression(c)
        if c.callee.as_member_expression().is_some_and(|m|
            matches!(m.static_property_name(), Some("getFullYear" | "getUTCFullYear")) && is_now(m.object())))
}

/// `Date.UTC(2024, …)`, `new Date('2024-11-25')`, `new Date(2024, 10, 25)`, `Date.parse('…')`.
pub(super) fn is_constant_date(e: &Expression<'_>) -> bool {
    let literal_args = |args: &[Argument<'_>]| {
        !args.is_empty()
            && args.iter().all(|a| {
                matches!(
                    a.as_expression(),
                    Some(Expression::NumericLiteral(_) | Expression::StringLiteral(_))
                )
            })
    };
    match e.without_parentheses() {
        Expression::CallExpression(c) => {
            c.callee.as_member_expression().is_some_and(|m| {
                matches!(m.object(), Expression::Identifier(o) if o.name == "Date")
                    && matches!(m.static_property_name(), Some("UTC" | "parse"))
            }) && literal_args(&c.arguments)
        }
        Expression::NewExpression(n) => {
            matches!(&n.callee, Expression::Identifier(o) if o.name == "Date")
                && literal_args(&n.arguments)
        }
        _ => false,
    }
}

/// `….getHours()` / `….getUTCHours()`.
fn is_hour_read(e: &Expression<'_>) -> bool {
    matches!(e.without_parentheses(), Expression::CallExpression(c)
        if c.arguments.is_empty()
            && matches!(c.callee.as_member_expression().and_then(|m| m.static_property_name()),
                Some("getHours" | "getUTCHours")))
}
