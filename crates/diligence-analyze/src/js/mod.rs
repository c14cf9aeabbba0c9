//! JavaScript/TypeScript analysis: oxc parse (tolerant), oxc semantic (what names refer to),
//! then one AST walk ([`visit::Walker`]) that records capabilities and threat atoms per
//! function, folding constants through [`value::Env`].
//!
//! Encoded literals that decode to code are analysed again as JavaScript (up to depth 2),
//! with their signals placed on the literal's line: a payload hidden in base64, hex, an XOR
//! char-code table or invisible Unicode is judged like plain code.

mod deobfuscate;
pub(crate) mod flow;
mod value;
pub(crate) mod visit;
mod webpack;

use crate::flow::FileFlow;
use crate::signal::{FileFacts, Kind, Signal};
use oxc_allocator::Allocator;
use oxc_parser::{ParseOptions, Parser};
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;

/// Maximum nesting of decoded-code analysis.
const MAX_EMBED_DEPTH: u8 = 2;

/// The package's data modules: JavaScript files whose whole export is an array of string
/// literals (`module.exports = ['…', …]`), by package path. A `require` of one folds to its
/// strings, so tables of names, keys or hex strings kept in a sibling file (a test fixture, a
/// "data" module) re-enter the analysis of the file that uses them.
#[derive(Debug, Default, Clone)]
pub struct DataModules(pub std::sync::Arc<std::collections::HashMap<String, Vec<String>>>);

/// Largest data module read.
const MAX_DATA_MODULE: usize = 256 * 1024;

impl DataModules {
    /// Finds the data modules among `(path, bytes)` pairs (JavaScript files of at most
    /// 256 KiB).
    pub fn find<'a>(files: impl Iterator<Item = (&'a str, &'a [u8])>) -> Self {
        let mut out = std::collections::HashMap::new();
        for (path, bytes) in files {
            if bytes.len() > MAX_DATA_MODULE
                || !(path.ends_with(".js") || path.ends_with(".cjs"))
                || memchr::memmem::find(bytes, b"module.exports").is_none()
            {
                continue;
            }
            if let Ok(text) = std::str::from_utf8(bytes)
                && let Some(strings) = string_array_export(text)
            {
                out.insert(path.to_string(), strings);
            }
        }
        DataModules(std::sync::Arc::new(out))
    }

    /// The strings of the data module `spec` names from the file `from` (`./x`, `../x.js`,
    /// `./dir` for `dir/index.js`).
    pub fn resolve(&self, from: &str, spec: &str) -> Option<&Vec<String>> {
        if self.0.is_empty() || !spec.starts_with('.') {
            return None;
        }
        let mut parts: Vec<&str> = from.split('/').collect();
        parts.pop();
        for seg in spec.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                s => parts.push(s),
            }
        }
        let base = parts.join("/");
        [
            base.clone(),
            format!("{base}.js"),
            format!("{base}.cjs"),
            format!("{base}/index.js"),
        ]
        .iter()
        .find_map(|p| self.0.get(p))
    }
}

/// `module.exports = ['a', "b", …];` (optionally after `'use strict';` and comments-free
/// whitespace) as the strings; at least 3, no escapes, nothing else in the file.
fn string_array_export(text: &str) -> Option<Vec<String>> {
    let mut t = text.trim_start_matches('\u{feff}').trim();
    for prefix in ["'use strict';", "\"use strict\";"] {
        t = t.strip_prefix(prefix).unwrap_or(t).trim_start();
    }
    let t = t.strip_prefix("module.exports")?.trim_start();
    let t = t.strip_prefix('=')?.trim_start();
    let t = t.strip_prefix('[')?;
    let t = t.trim_end().trim_end_matches(';').trim_end();
    let body = t.strip_suffix(']')?;
    let mut out = Vec::new();
    let b = body.as_bytes();
    let mut i = 0;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        let q = b[i];
        if q != b'\'' && q != b'"' {
            return None;
        }
        let end = i + 1 + body[i + 1..].find(q as char)?;
        let lit = &body[i + 1..end];
        if lit.contains(['\\', '\n']) || out.len() >= 4096 {
            return None;
        }
        out.push(lit.to_string());
        i = end + 1;
    }
    (out.len() >= 3).then_some(out)
}

thread_local! {
    /// The path of the file [`analyse_with`] walks and the package's data modules.
    static DATA: std::cell::RefCell<Option<(String, DataModules)>> =
        const { std::cell::RefCell::new(None) };
}

/// Analyses one JavaScript file of a package: signals, required modules and flow graphs into
/// `facts`; `data` are the package's data modules (see [`DataModules`]).
pub fn analyse_with(path: &str, src: &str, facts: &mut FileFacts, data: &DataModules) {
    /// Clears the thread's data modules however the analysis ends (a panic caught by the
    /// engine must not leave one package's data modules for the next file on this worker).
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            DATA.with(|d| d.borrow_mut().take());
        }
    }
    let set = (!data.0.is_empty()).then(|| (path.to_string(), data.clone()));
    DATA.with(|d| *d.borrow_mut() = set);
    let _reset = Reset;
    analyse_inner(path, src, facts);
}

/// The data modules `analyse_with` set for the file being walked, and its path.
pub(crate) fn data_modules() -> Option<(String, DataModules)> {
    DATA.with(|d| d.borrow().clone())
}

fn analyse_inner(path: &str, src: &str, facts: &mut FileFacts) {
    let mut out = Output::default();
    // One arena per worker thread, reset between files: no fresh pages per file.
    let ok = ARENA.with(|cell| match cell.try_borrow_mut() {
        Ok(mut arena) => {
            arena.reset();
            run_in(&arena, path, src, Placement::Real, 0, &mut out)
        }
        Err(_) => run(path, src, Placement::Real, 0, &mut out),
    });
    if !ok {
        // Unparseable "JavaScript": fall back to the text indicators (already added) only.
        return;
    }
    facts.signals.append(&mut out.signals);
    facts.requires.append(&mut out.requires);
    facts.flows.append(&mut out.flows);
    facts.code_bytes = out.code_bytes;
}

/// Bytes of `src` outside `comments` that are not ASCII whitespace.
fn code_bytes(src: &str, comments: &[oxc_ast::Comment]) -> usize {
    let solid = |s: &[u8]| s.iter().filter(|b| !b.is_ascii_whitespace()).count();
    let bytes = src.as_bytes();
    let in_comments: usize = comments
        .iter()
        .filter_map(|c| bytes.get(c.span.start as usize..c.span.end as usize))
        .map(solid)
        .sum();
    solid(bytes).saturating_sub(in_comments)
}

/// Where signals of a (possibly embedded) program go.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Placement {
    /// Real source: lines come from spans.
    Real,
    /// Decoded code found at `line` inside function `func` of the outer file.
    Embedded { line: u32, func: u32 },
}

/// Signals, requires and flow graphs gathered from one program (and the programs decoded
/// from it).
#[derive(Debug, Default)]
pub(crate) struct Output {
    /// The real program's bytes outside comments that are not whitespace (see
    /// [`FileFacts::code_bytes`]); 0 for embedded programs.
    pub code_bytes: usize,
    pub signals: Vec<Signal>,
    pub requires: Vec<String>,
    pub flows: Vec<FileFlow>,
}

/// Largest file whose flow graph is always built; larger files (bundles, generated code) get
/// one only when they hold a sensitive source worth following (see [`wants_flow`]).
pub const FLOW_ALWAYS_BYTES: usize = 512 * 1024;

/// True when a large program's signals include a sensitive source or an encoded payload.
fn wants_flow(src_len: usize, signals: &[Signal]) -> bool {
    src_len <= FLOW_ALWAYS_BYTES
        || signals.iter().any(|s| {
            matches!(
                s.kind,
                Kind::EnvDump
                    | Kind::EnvIterate
                    | Kind::CredentialPath
                    | Kind::CookieRead
                    | Kind::FormHarvest
                    | Kind::SensitiveField
                    | Kind::ClipboardHook
                    | Kind::HiddenCode
                    | Kind::Decipher
                    | Kind::RemoteExec
            )
        })
}

/// A TypeScript declaration file (`.d.ts`, `.d.mts`, `.d.cts`): types only, no code that runs.
pub(crate) fn is_declaration(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".d.ts", ".d.mts", ".d.cts"]
        .iter()
        .any(|e| lower.ends_with(e))
}

fn source_type(path: &str) -> SourceType {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".ts") || lower.ends_with(".mts") || lower.ends_with(".cts") {
        return SourceType::ts();
    }
    if lower.ends_with(".tsx") {
        return SourceType::tsx();
    }
    if lower.ends_with(".jsx") {
        return SourceType::jsx();
    }
    SourceType::unambiguous().with_jsx(true)
}

thread_local! {
    static ARENA: std::cell::RefCell<Allocator> = std::cell::RefCell::new(Allocator::default());
}

/// Parses and walks `src` in a fresh arena. Returns false when nothing could be parsed.
pub(crate) fn run(path: &str, src: &str, place: Placement, depth: u8, out: &mut Output) -> bool {
    let allocator = Allocator::default();
    run_in(&allocator, path, src, place, depth, out)
}

fn run_in(
    allocator: &Allocator,
    path: &str,
    src: &str,
    place: Placement,
    depth: u8,
    out: &mut Output,
) -> bool {
    if nesting_depth(src.as_bytes()) > MAX_NESTING {
        return false;
    }
    let options = ParseOptions {
        allow_return_outside_function: true,
        ..ParseOptions::default()
    };
    let mut ret = Parser::new(allocator, src, source_type(path))
        .with_options(options)
        .parse();
    if ret.panicked {
        // A script with JSX-like `<` comparisons or module syntax errors: retry as plain script.
        ret = Parser::new(allocator, src, SourceType::cjs())
            .with_options(options)
            .parse();
        if ret.panicked {
            return false;
        }
    }
    let program = allocator.alloc(ret.program);
    if matches!(place, Placement::Real) {
        out.code_bytes = code_bytes(src, &program.comments);
    }
    let semantic = SemanticBuilder::new().build(program).semantic;
    let scoping = semantic.scoping();
    let mut strings = deobfuscate::string_table(program, scoping, src);
    strings.webpack = webpack::Webpack::find(program, scoping, src);
    if matches!(place, Placement::Real) {
        strings.data_modules = data_modules();
    }
    let mut walker = visit::Walker::new(src, scoping, place, depth, strings);
    oxc_ast_visit::Visit::visit_program(&mut walker, program);
    let before = out.signals.len();
    let env = walker.finish(out);
    if matches!(place, Placement::Real) {
        out.requires.extend(worker_scripts(src));
    }
    if matches!(place, Placement::Real)
        && let Some((line, col, run)) = offscreen_code(src)
    {
        out.signals.push(Signal {
            kind: Kind::OffscreenCode,
            line,
            func: 0,
            detail: format!("code at column {col} after {run} blank columns"),
        });
    }
    if wants_flow(src.len(), &out.signals[before..]) {
        let starts: Vec<u32>;
        let lines = match place {
            Placement::Embedded { line, .. } => flow::Lines::Fixed(line),
            Placement::Real => {
                starts = std::iter::once(0)
                    .chain(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i as u32 + 1))
                    .collect();
                flow::Lines::Real(&starts)
            }
        };
        out.flows.push(flow::build(program, &env, lines));
    }
    true
}

/// Scripts a program starts in a worker of its own: when it registers a service worker or
/// starts a (shared) worker or worklet, the script names it quotes (`'/sw.js'`,
/// `"./worker.mjs"`, also as a default option value), as `./`-relative specifiers. The browser
/// runs those files when the package is used, so they are as reachable as a `require`d file.
fn worker_scripts(src: &str) -> Vec<String> {
    const STARTS: &[&str] = &[
        "serviceWorker.register(",
        "new Worker(",
        "new SharedWorker(",
        "importScripts(",
        "Worklet.addModule(",
        "worklet.addModule(",
    ];
    if !STARTS.iter().any(|k| src.contains(k)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for q in ['"', '\'', '`'] {
        for (i, part) in src.split(q).enumerate() {
            let quoted = i % 2 == 1;
            if !quoted || part.len() > 200 || out.len() >= 32 {
                continue;
            }
            let ok_chars = part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '_' | '-'));
            let script = [".js", ".mjs", ".cjs"].iter().any(|e| part.ends_with(e));
            if ok_chars && script && !part.contains("//") {
                let rel = part.trim_start_matches("./").trim_start_matches('/');
                out.push(format!("./{rel}"));
            }
        }
    }
    out
}

/// True when `e`, a computed module path, ends in a constant `.json` name
/// (`` `${dir}/package.json` ``, `dir + '/meta.json'`, `path.join(dir, 'package.json')`):
/// `require` parses such a file as JSON, it runs nothing.
pub(crate) fn json_module_path(e: &oxc_ast::ast::Expression<'_>) -> bool {
    use oxc_ast::ast::Expression;
    let json = |s: &str| s.to_ascii_lowercase().ends_with(".json");
    match e.without_parentheses() {
        Expression::TemplateLiteral(t) => {
            t.quasis.last().is_some_and(|q| json(q.value.raw.as_str()))
        }
        Expression::BinaryExpression(b)
            if b.operator == oxc_syntax::operator::BinaryOperator::Addition =>
        {
            match b.right.without_parentheses() {
                Expression::StringLiteral(s) => json(s.value.as_str()),
                r => json_module_path(r),
            }
        }
        Expression::CallExpression(c) => {
            let joins = c
                .callee
                .as_member_expression()
                .is_some_and(|m| matches!(m.static_property_name(), Some("join" | "resolve")));
            joins
                && matches!(
                    c.arguments.last().and_then(|a| a.as_expression()),
                    Some(Expression::StringLiteral(s)) if json(s.value.as_str())
                )
        }
        _ => false,
    }
}

/// The arguments an indirect call passes in one array (`Reflect.apply(f, this, [a, b])`,
/// `f.apply(this, [a, b])`: the array at `at`), cloned into `alloc` with their semantic ids
/// so the walkers can treat the call as `f(a, b)`. `None` when that argument is not an array
/// literal of plain expressions (at most 64).
pub(crate) fn spread_args<'n>(
    alloc: &'n Allocator,
    c: &oxc_ast::ast::CallExpression<'_>,
    at: usize,
) -> Option<Vec<oxc_ast::ast::Argument<'n>>> {
    use oxc_allocator::CloneIn;
    let oxc_ast::ast::Expression::ArrayExpression(a) = c
        .arguments
        .get(at)
        .and_then(|a| a.as_expression())?
        .without_parentheses()
    else {
        return None;
    };
    if a.elements.len() > 64 {
        return None;
    }
    let mut out = Vec::with_capacity(a.elements.len());
    for e in &a.elements {
        let e = e.as_expression()?;
        out.push(oxc_ast::ast::Argument::from(
            e.clone_in_with_semantic_ids(alloc),
        ));
    }
    Some(out)
}

/// Analyses decoded text as JavaScript placed at `line`/`func`; when it does not parse, only
/// the text indicators apply. Returns the signals and the flow graphs.
pub(crate) fn analyse_embedded(code: &str, line: u32, func: u32, depth: u8) -> Output {
    let mut out = Output::default();
    let place = Placement::Embedded { line, func };
    if depth < MAX_EMBED_DEPTH {
        run("embedded.js", code, place, depth + 1, &mut out);
    }
    crate::text::scan_str(code, line, func, &mut out.signals);
    for s in &mut out.signals {
        s.line = line;
        s.func = func;
    }
    out.signals.push(Signal {
        kind: Kind::HiddenCode,
        line,
        func,
        detail: crate::signal::truncate(code.trim(), 120),
    });
    out.requires.clear();
    out
}

/// Analyses inline code from a lifecycle script (`node -e CODE`) placed at `line` of
/// `package.json`. Returns the signals and the relative modules it requires.
pub(crate) fn analyse_inline(code: &str, line: u32) -> (Vec<Signal>, Vec<String>) {
    let mut out = Output::default();
    run(
        "inline.js",
        code,
        Placement::Embedded { line, func: 0 },
        1,
        &mut out,
    );
    (out.signals, out.requires)
}

/// Fewest blanks (spaces, tabs) between code and more code on one line that count as
/// pushing the rest of the line off-screen: no formatter or minifier leaves a run this long
/// inside a line.
pub const OFFSCREEN_RUN: usize = 300;

/// Code hidden to the right of a long run of blanks: the first line where at least
/// [`OFFSCREEN_RUN`] spaces or tabs follow code and are followed by at least 20 more
/// non-blank bytes. Returns the 1-based line, the 1-based column where the hidden code starts
/// and the run's length. Indentation (blanks at the start of a line) does not count. One pass
/// over the bytes.
pub(crate) fn offscreen_code(src: &str) -> Option<(u32, usize, usize)> {
    let b = src.as_bytes();
    let (mut line, mut line_start, mut i) = (1u32, 0usize, 0usize);
    let mut code_before = false;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                code_before = false;
                i += 1;
            }
            b' ' | b'\t' => {
                let start = i;
                while i < b.len() && matches!(b[i], b' ' | b'\t') {
                    i += 1;
                }
                if !code_before || i - start < OFFSCREEN_RUN {
                    continue;
                }
                let after = b[i..]
                    .iter()
                    .take_while(|&&c| c != b'\n')
                    .filter(|c| !c.is_ascii_whitespace())
                    .take(20)
                    .count();
                if after >= 20 {
                    return Some((line, i - line_start + 1, i - start));
                }
            }
            b'\r' => i += 1,
            _ => {
                code_before = true;
                i += 1;
            }
        }
    }
    None
}

/// Deepest bracket nesting the AST analysis accepts; deeper files (no real code nests this
/// deep) would exhaust the stack of a recursive parser, so they are reported, not parsed.
pub const MAX_NESTING: usize = 1500;

/// Upper bound of the bracket nesting depth of `src` (brackets in strings and comments
/// count too, so it can only over-estimate).
pub(crate) fn nesting_depth(src: &[u8]) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for &b in src {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

#[cfg(test)]
mod data_module_tests {
    use super::{DataModules, string_array_export};

    #[test]
    fn string_array_modules_are_read() {
        assert_eq!(
            string_array_export("'use strict';\nmodule.exports = [\n  \"a\",\n  'b', \"c\"\n];\n"),
            Some(vec!["a".to_string(), "b".to_string(), "c".to_string()])
        );
        // Code, escapes, fewer than three entries: not a data module.
        assert_eq!(
            string_array_export("module.exports = [f(), 'b', 'c'];"),
            None
        );
        assert_eq!(
            string_array_export("module.exports = ['a\\n', 'b', 'c'];"),
            None
        );
        assert_eq!(string_array_export("module.exports = ['a', 'b'];"), None);
        assert_eq!(
            string_array_export("module.exports = ['a', 'b', 'c']; run();"),
            None
        );
    }

    #[test]
    fn specifiers_resolve_from_the_requiring_file() {
        let files: Vec<(&str, &[u8])> = vec![
            ("test/data.js", b"module.exports = ['x', 'y', 'z'];"),
            ("lib/t/index.js", b"module.exports = ['1', '2', '3'];"),
            ("lib/big.js", b"module.exports = { a: 1 };"),
        ];
        let d = DataModules::find(files.into_iter());
        assert_eq!(d.0.len(), 2);
        assert_eq!(
            d.resolve("index.js", "./test/data").map(|v| v.len()),
            Some(3)
        );
        assert_eq!(
            d.resolve("lib/a.js", "../test/data.js").map(|v| v.len()),
            Some(3)
        );
        assert_eq!(
            d.resolve("lib/a.js", "./t").map(|v| v[0].as_str()),
            Some("1")
        );
        assert_eq!(d.resolve("index.js", "../outside"), None);
        assert_eq!(d.resolve("index.js", "test/data"), None);
    }
}
