//! Webpack's module table, read statically so a bundle's modules are followed like files.
//!
//! Webpack (4 and 5, development and production builds) wraps each source module in a
//! function `(module, exports, __webpack_require__) => { … }` stored under a numeric or path
//! id in one object or array, and replaces `require('x')` by `__webpack_require__(id)`. A
//! Node built-in or external is a module of its own whose body is `module.exports =
//! require("fs")`. Without this table a bundle's `fs`, `https` and `child_process` are
//! unknown values and a value passed between its modules is lost.
//!
//! This pass finds the table and records, per id, the `module` and `exports` parameters of
//! the module function and the external it re-exports, and which symbols are the require
//! function (every module function's third parameter, and the bootstrap function that
//! creates `{ exports: {} }` records). [`super::value::Env`] evaluates a require of an
//! external id to the module; the flow builder links a require of an internal id to that
//! module's `module`/`exports` values.

use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_semantic::Scoping;
use oxc_syntax::symbol::SymbolId;
use std::collections::{HashMap, HashSet};

/// One module function of the table.
#[derive(Debug, Clone, Default)]
pub struct WpModule {
    /// The `module` parameter.
    pub module: Option<SymbolId>,
    /// The `exports` parameter.
    pub exports: Option<SymbolId>,
    /// `module.exports = require("x")`: the external module name as written.
    pub external: Option<String>,
}

/// The bundle's module table (empty for files that are not webpack bundles).
#[derive(Debug, Default)]
pub struct Webpack {
    /// Module functions by id (a number written in decimal, or the path key).
    pub modules: HashMap<String, WpModule>,
    /// Symbols that are the require function.
    pub require: HashSet<SymbolId>,
}

/// Most module functions read from one file.
const MAX_MODULES: usize = 20_000;

impl Webpack {
    /// Finds the module table of `program` (cheap textual pre-test first).
    pub fn find(program: &Program<'_>, scoping: &Scoping, src: &str) -> Webpack {
        let mut w = Webpack::default();
        let hint = |s: &str| memchr::memmem::find(src.as_bytes(), s.as_bytes()).is_some();
        if !(hint("__webpack_require__") || hint("exports:{}") || hint("exports: {}")) {
            return w;
        }
        let _ = scoping;
        let mut f = Finder { w: &mut w };
        f.visit_program(program);
        if w.modules.is_empty() {
            w.require.clear();
        }
        w
    }

    /// The module id a require argument names, when it is a literal.
    pub fn id_of(arg: &Expression<'_>) -> Option<String> {
        match arg.without_parentheses() {
            Expression::NumericLiteral(n) if n.value.fract() == 0.0 && n.value >= 0.0 => {
                Some(format!("{}", n.value as u64))
            }
            Expression::StringLiteral(s) => Some(s.value.to_string()),
            _ => None,
        }
    }

    /// The external module required by `callee(arg)`, when `callee` is the require function
    /// and the id names an external.
    pub fn external(&self, callee: Option<SymbolId>, arg: &Expression<'_>) -> Option<&str> {
        if !self.require.contains(&callee?) {
            return None;
        }
        self.modules.get(&Self::id_of(arg)?)?.external.as_deref()
    }
}

struct Finder<'w> {
    w: &'w mut Webpack,
}

/// A module function: a function or arrow with one to three plain parameters.
fn module_fn<'a, 'b>(
    e: &'b Expression<'a>,
) -> Option<(&'b FormalParameters<'a>, &'b FunctionBody<'a>)> {
    let (params, body) = match e.without_parentheses() {
        Expression::FunctionExpression(f) => (&*f.params, f.body.as_deref()?),
        Expression::ArrowFunctionExpression(a) => match &a.body {
            ArrowFunctionBody::FunctionBody(b) => (&*a.params, &**b),
            _ => return None,
        },
        _ => return None,
    };
    (1..=3)
        .contains(&params.items.len())
        .then_some((params, body))
}

fn param_sym(p: &FormalParameters<'_>, i: usize) -> Option<SymbolId> {
    match &p.items.get(i)?.pattern {
        BindingPattern::BindingIdentifier(id) => id.symbol_id.get(),
        _ => None,
    }
}

/// `module.exports = require("x")` as the whole body (directives aside).
fn external_of(params: &FormalParameters<'_>, body: &FunctionBody<'_>) -> Option<String> {
    let [Statement::ExpressionStatement(s)] = body.statements.as_slice() else {
        return None;
    };
    let Expression::AssignmentExpression(a) = s.expression.without_parentheses() else {
        return None;
    };
    let AssignmentTarget::StaticMemberExpression(m) = &a.left else {
        return None;
    };
    let BindingPattern::BindingIdentifier(module) = &params.items.first()?.pattern else {
        return None;
    };
    if m.property.name != "exports"
        || !matches!(&m.object, Expression::Identifier(o) if o.name == module.name)
    {
        return None;
    }
    let Expression::CallExpression(c) = a.right.without_parentheses() else {
        return None;
    };
    if !matches!(c.callee.without_parentheses(), Expression::Identifier(r) if r.name == "require") {
        return None;
    }
    match c.arguments.first()?.as_expression()?.without_parentheses() {
        Expression::StringLiteral(s) => Some(s.value.to_string()),
        _ => None,
    }
}

impl Finder<'_> {
    fn table<'a>(&mut self, entries: Vec<(String, &Expression<'a>)>) {
        let funcs: Vec<_> = entries
            .iter()
            .filter_map(|(id, e)| module_fn(e).map(|f| (id, f)))
            .collect();
        // A table: at least two entries, all of them module functions, one of them taking
        // the require parameter or re-exporting an external.
        if funcs.len() < 2
            || funcs.len() != entries.len()
            || !funcs
                .iter()
                .any(|(_, (p, b))| p.items.len() == 3 || external_of(p, b).is_some())
        {
            return;
        }
        for (id, (params, body)) in funcs {
            if self.w.modules.len() >= MAX_MODULES {
                return;
            }
            if let Some(r) = param_sym(params, 2) {
                self.w.require.insert(r);
            }
            self.w.modules.insert(
                id.clone(),
                WpModule {
                    module: param_sym(params, 0),
                    exports: param_sym(params, 1),
                    external: external_of(params, body),
                },
            );
        }
    }
}

impl<'a> Visit<'a> for Finder<'_> {
    fn visit_object_expression(&mut self, it: &ObjectExpression<'a>) {
        let mut entries = Vec::new();
        for p in &it.properties {
            let ObjectPropertyKind::ObjectProperty(p) = p else {
                entries.clear();
                break;
            };
            let id = match &p.key {
                PropertyKey::NumericLiteral(n) if n.value.fract() == 0.0 && n.value >= 0.0 => {
                    format!("{}", n.value as u64)
                }
                PropertyKey::StringLiteral(s) => s.value.to_string(),
                _ => {
                    entries.clear();
                    break;
                }
            };
            entries.push((id, &p.value));
        }
        if entries.len() >= 2 {
            self.table(entries);
        }
        walk::walk_object_expression(self, it);
    }

    fn visit_array_expression(&mut self, it: &ArrayExpression<'a>) {
        let entries: Vec<_> = it
            .elements
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.as_expression().map(|e| (i.to_string(), e)))
            .collect();
        if entries.len() >= 2 && entries.len() == it.elements.len() {
            self.table(entries);
        }
        walk::walk_array_expression(self, it);
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: oxc_syntax::scope::ScopeFlags) {
        // The bootstrap: `function __webpack_require__(id) { … = { exports: {} } … }`.
        if let (Some(id), Some(body)) = (&it.id, &it.body)
            && it.params.items.len() == 1
            && let Some(sym) = id.symbol_id.get()
            && (id.name == "__webpack_require__" || creates_exports_record(body))
        {
            self.w.require.insert(sym);
        }
        walk::walk_function(self, it, flags);
    }
}

/// True when a function body builds `{ exports: {} }` (webpack's module record).
fn creates_exports_record(body: &FunctionBody<'_>) -> bool {
    struct Find(bool);
    impl<'a> Visit<'a> for Find {
        fn visit_object_expression(&mut self, it: &ObjectExpression<'a>) {
            if let [ObjectPropertyKind::ObjectProperty(p)] = it.properties.as_slice()
                && p.key.static_name().is_some_and(|k| k == "exports")
                && matches!(&p.value, Expression::ObjectExpression(o) if o.properties.is_empty())
            {
                self.0 = true;
            }
            walk::walk_object_expression(self, it);
        }
    }
    if body.statements.len() > 12 {
        return false;
    }
    let mut f = Find(false);
    f.visit_function_body(body);
    f.0
}
