//! The AST walk that records signals. One [`Walker`] per program; function ids give
//! per-function locality (0 = module scope).

use super::value::{ENV_REPORT, Env, Val, module_name};
use super::{Output, Placement};
use crate::decode;
use crate::signal::{Kind, Signal, truncate};
use crate::text;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_semantic::Scoping;
use oxc_syntax::operator::{AssignmentOperator, BinaryOperator};
use oxc_syntax::scope::ScopeFlags;
use std::collections::{BTreeSet, HashMap};

mod behaviour;
pub(super) mod calls;
mod data_list;
mod load_time;

use calls::*;

/// Marks a [`Kind::MailBcc`] detail whose address shares the constant sender's domain.
pub(crate) const MAIL_BCC_OWN: &str = " (the sender's own domain)";

/// The last two labels of an email address's domain (`a@mail.example.com` -> `example.com`).
fn mail_org(address: &str) -> Option<String> {
    let domain = address.trim().trim_end_matches('>').rsplit_once('@')?.1;
    let labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    (labels.len() >= 2).then(|| labels[labels.len() - 2..].join(".").to_ascii_lowercase())
}

/// Records signals while walking one program.
pub struct Walker<'s> {
    env: Env<'s>,
    /// The program's text (spans index it).
    src: &'s str,
    place: Placement,
    depth: u8,
    line_starts: Vec<u32>,
    funcs: Vec<u32>,
    next_func: u32,
    net_cb: u32,
    /// How many of the enclosing network callbacks are script loaders (see [`calls::fetch_of_unknown_url`]).
    loader_cb: u32,
    spawn_args: u32,
    char_code: u32,
    plus_depth: u32,
    json_args: u32,
    hex_idents: BTreeSet<String>,
    hex_ident_line: u32,
    xor_keys: BTreeSet<u32>,
    /// Variables bound to a hard-coded Solana public key (`new PublicKey('<base58>')`).
    sol_keys: BTreeSet<oxc_semantic::SymbolId>,
    /// Constants bound to `test ? A : B` whose branches both fold (strings or arrays) and whose
    /// test does not: a per-platform command (`win32 ? 'rd /s /q .' : 'rm -rf *'`). A process
    /// started with one is analysed once per branch (see [`Walker::spawn_branches`]).
    branches: HashMap<oxc_semantic::SymbolId, [Val; 2]>,
    num_arrays: Vec<(u32, u32, Vec<f64>)>,
    /// Data segments of embedded WebAssembly modules: offset, function, segments.
    wasm_data: Vec<(u32, u32, Vec<Vec<u8>>)>,
    /// Depth of host-name tables being walked (see [`data_list`]).
    host_tables: u32,
    /// Spans of literal arguments of logging calls being walked (see [`calls::is_logger`]).
    messages: Vec<(u32, u32)>,
    /// Emitted bundle code analysed so far (see [`Walker::emitted_code`]).
    emitted: u32,
    /// What runs when the module loads (see [`load_time`]).
    load: load_time::LoadTime,
    behaviour: behaviour::Behaviour,
    out: Output,
}

impl<'s> Walker<'s> {
    pub fn new(
        src: &'s str,
        scoping: &'s Scoping,
        place: Placement,
        depth: u8,
        known: super::deobfuscate::Known<'s>,
    ) -> Self {
        let mut line_starts = vec![0u32];
        line_starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i as u32 + 1));
        Walker {
            env: Env::new(scoping, known),
            src,
            place,
            depth,
            line_starts,
            funcs: vec![0],
            next_func: 1,
            net_cb: 0,
            loader_cb: 0,
            spawn_args: 0,
            char_code: 0,
            plus_depth: 0,
            json_args: 0,
            hex_idents: BTreeSet::new(),
            hex_ident_line: 0,
            xor_keys: BTreeSet::new(),
            sol_keys: BTreeSet::new(),
            branches: HashMap::new(),
            num_arrays: Vec::new(),
            wasm_data: Vec::new(),
            host_tables: 0,
            messages: Vec::new(),
            emitted: 0,
            load: load_time::LoadTime::default(),
            behaviour: behaviour::Behaviour::default(),
            out: Output::default(),
        }
    }

    fn line(&self, offset: u32) -> u32 {
        match self.place {
            Placement::Embedded { line, .. } => line,
            Placement::Real => self.line_starts.partition_point(|&s| s <= offset) as u32,
        }
    }

    fn func(&self) -> u32 {
        match self.place {
            Placement::Embedded { func, .. } => func,
            Placement::Real => *self.funcs.last().unwrap_or(&0),
        }
    }

    fn sig(&mut self, kind: Kind, offset: u32, detail: impl AsRef<str>) {
        let s = Signal {
            kind,
            line: self.line(offset),
            func: self.func(),
            detail: truncate(detail.as_ref(), 200),
        };
        self.out.signals.push(s);
    }

    /// Post-pass: XOR/char-code tables, `_0x` identifier fingerprint.
    pub fn finish(mut self, out: &mut Output) -> Env<'s> {
        if let Some(at) = self.env.known.array_at
            && !self.env.known.decoders.is_empty()
        {
            let detail = format!(
                "string array of {} entries behind {} decoder function(s)",
                self.env
                    .known
                    .decoders
                    .values()
                    .map(|d| d.strings.len())
                    .max()
                    .unwrap_or(0),
                self.env.known.decoders.len()
            );
            self.sig(Kind::StringArray, at, detail);
        }
        if self.hex_idents.len() >= 5 {
            let detail = format!("{} `_0x…` identifiers", self.hex_idents.len());
            let s = Signal {
                kind: Kind::HexIdentifiers,
                line: self.line(self.hex_ident_line),
                func: 0,
                detail,
            };
            self.out.signals.push(s);
        }
        let arrays = std::mem::take(&mut self.num_arrays);
        let mut keys: Vec<u32> = self.xor_keys.iter().copied().collect();
        keys.push(0);
        for (offset, func, nums) in arrays {
            for &key in &keys {
                let Some(s) = decode::char_codes(&nums, key) else {
                    continue;
                };
                if key == 0 && !s.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
                    continue;
                }
                let saved = self.funcs.clone();
                self.funcs = vec![func];
                self.decoded(&s, offset, "char codes");
                self.funcs = saved;
                break;
            }
        }
        self.wasm_finish();
        self.behaviour_finish();
        self.load_finish();
        out.signals.append(&mut self.out.signals);
        out.requires.append(&mut self.out.requires);
        out.flows.append(&mut self.out.flows);
        self.env
    }

    /// A string recovered from an encoding: search it, flag hidden names, analyse code.
    fn decoded(&mut self, s: &str, offset: u32, how: &str) {
        let line = self.line(offset);
        let func = self.func();
        if HIDDEN_NAMES.contains(&s) {
            self.sig(
                Kind::HiddenModuleName,
                offset,
                format!("`{s}` hidden as {how}"),
            );
            self.module_capability(s, offset);
            return;
        }
        if decode::looks_like_code(s) {
            let mut embedded = super::analyse_embedded(s, line, func, self.depth);
            self.out.signals.append(&mut embedded.signals);
            self.out.flows.append(&mut embedded.flows);
            return;
        }
        text::scan_str(s, line, func, &mut self.out.signals);
    }

    /// Code the package writes to a file as a constant (`fs.writeFileSync(agent, SOURCE)`, a
    /// template literal holding a program): analysed as code at the write, since it runs
    /// later (from a service, a scheduled task, a `node` spawn) where no entry point shows it.
    fn written_code(&mut self, args: &[Argument<'_>], span: u32) {
        let Some(whole) = args.get(1).and_then(|a| a.as_expression()) else {
            return;
        };
        // `old + INJECT`: code appended to a file read first (another application's bundle
        // patched with a loader) is written code too.
        let mut leaves = Vec::new();
        if matches!(whole.without_parentheses(), Expression::BinaryExpression(_)) {
            plus_operands(whole, &mut leaves);
        } else {
            leaves.push(whole);
        }
        let Some(content) = leaves.into_iter().rev().find(|e| {
            matches!(
                e.without_parentheses(),
                Expression::Identifier(_)
                    | Expression::TemplateLiteral(_)
                    | Expression::StringLiteral(_)
            ) && matches!(self.env.eval(e), Val::Str(ref c) if c.len() >= 64)
        }) else {
            return;
        };
        let Val::Str(code) = self.env.eval(content) else {
            return;
        };
        if code.len() < 64 || !decode::looks_like_code(&code) {
            return;
        }
        let (line, func) = (self.line(span), self.func());
        let mut embedded = super::analyse_embedded(&code, line, func, self.depth);
        // Written in the clear, not hidden: only what the code does counts.
        if embedded
            .signals
            .last()
            .is_some_and(|s| s.kind == Kind::HiddenCode)
        {
            embedded.signals.pop();
        }
        self.out.signals.append(&mut embedded.signals);
        self.out.flows.append(&mut embedded.flows);
    }

    /// Text written to a place that runs it later by itself — a git hook, a shell start-up
    /// file, an IDE task, a CI workflow, a scheduled job — holding a download piped into an
    /// interpreter (`curl … | sh`, `wget -qO- … | bash`, `iwr … | iex`): the package plants a
    /// remote script that runs on every commit, shell or folder open. Recorded as a shell
    /// pipe-exec at the write. Hook managers (husky, simple-git-hooks, lefthook) write hooks
    /// that run the project's own local commands, with no download in them.
    fn written_shell(&mut self, args: &[Argument<'_>], span: u32) {
        let (Some(dest), Some(content)) = (
            args.first().and_then(|a| a.as_expression()),
            args.get(1).and_then(|a| a.as_expression()),
        ) else {
            return;
        };
        let Val::Str(text) = self.env.eval(content) else {
            return;
        };
        if text.len() > 1 << 20 {
            return;
        }
        const FETCH: &[&str] = &[
            "curl ",
            "wget ",
            "iwr ",
            "irm ",
            "invoke-webrequest",
            "invoke-restmethod",
            "downloadstring",
        ];
        let Some(line) = text.lines().find(|l| {
            let l = l.to_ascii_lowercase();
            FETCH.iter().any(|f| l.contains(f)) && crate::shell::pipes_into_interpreter(&l)
        }) else {
            return;
        };
        let Some(place) = self.env.eval(dest).as_str().and_then(autorun_place) else {
            return;
        };
        let detail = format!("{place} written with `{}`", line.trim());
        self.sig(Kind::ShellPipeExec, span, detail);
    }

    /// Strings hidden in the data segments of an embedded WebAssembly module, plain or XORed
    /// with a one-byte key the code itself uses (`mem[i] ^ 0x5a`): a module name such as
    /// `child_process`, or a download piped into a shell, that the JavaScript reads out of wasm
    /// memory to call `require(sym[0])[sym[1]](sym[2])`. Only in a file that loads a module by
    /// a computed name or starts processes; codec and hash modules' data (tables, messages)
    /// names no module and runs no download.
    fn wasm_finish(&mut self) {
        let blobs = std::mem::take(&mut self.wasm_data);
        if blobs.is_empty()
            || !self
                .out
                .signals
                .iter()
                .any(|s| matches!(s.kind, Kind::Spawn | Kind::DynamicCode))
        {
            return;
        }
        let mut keys: Vec<u8> = vec![0];
        keys.extend(
            self.xor_keys
                .iter()
                .filter(|k| (1..=255).contains(*k))
                .map(|k| *k as u8),
        );
        for (offset, func, segs) in blobs {
            let saved = std::mem::replace(&mut self.funcs, vec![func]);
            for &key in &keys {
                let how = if key == 0 {
                    "a WebAssembly data segment".to_string()
                } else {
                    format!("a WebAssembly data segment (XOR {key:#04x})")
                };
                for seg in &segs {
                    // `xor_strings` yields runs of 4 or more printable bytes.
                    for t in decode::xor_strings(seg, key) {
                        let name = HIDDEN_NAMES.contains(&t.as_str())
                            && (key != 0 || t == "child_process");
                        if name {
                            self.sig(
                                Kind::HiddenModuleName,
                                offset,
                                format!("`{t}` hidden in {how}"),
                            );
                            self.module_capability(&t, offset);
                        }
                        let lower = t.to_ascii_lowercase();
                        if ["curl ", "wget ", "iwr ", "irm ", "invoke-webrequest"]
                            .iter()
                            .any(|f| lower.contains(f))
                            && crate::shell::pipes_into_interpreter(&lower)
                        {
                            self.sig(
                                Kind::ShellPipeExec,
                                offset,
                                format!("{t} (hidden in {how})"),
                            );
                        }
                    }
                }
            }
            self.funcs = saved;
        }
    }

    /// Code a build plugin emits into the bundles it builds (see [`EMIT_METHODS`]): string
    /// constants (literal, or folded: `[…].join('')`, a binding of one) among `parts` that look
    /// like code, analysed as code at `span`, since they run in the pages of every application
    /// the plugin builds, where no file of the package shows them. At most [`MAX_EMITTED`] per
    /// program.
    fn emitted_code<'e>(&mut self, parts: impl IntoIterator<Item = &'e Expression<'e>>, span: u32) {
        for e in parts {
            let mut leaves = Vec::new();
            plus_operands(e, &mut leaves);
            for leaf in leaves {
                if self.emitted >= MAX_EMITTED {
                    return;
                }
                if !matches!(
                    leaf.without_parentheses(),
                    Expression::Identifier(_)
                        | Expression::StringLiteral(_)
                        | Expression::TemplateLiteral(_)
                        | Expression::CallExpression(_)
                ) || !self.env.worth_eval(leaf)
                {
                    continue;
                }
                let Val::Str(code) = self.env.eval(leaf) else {
                    continue;
                };
                if !(64..=MAX_EMITTED_BYTES).contains(&code.len())
                    || !decode::looks_like_code(&code)
                {
                    continue;
                }
                self.emitted += 1;
                let (line, func) = (self.line(span), self.func());
                let mut embedded = super::analyse_embedded(&code, line, func, self.depth);
                // Emitted in the clear, not hidden: only what the code does counts.
                if embedded
                    .signals
                    .last()
                    .is_some_and(|s| s.kind == Kind::HiddenCode)
                {
                    embedded.signals.pop();
                }
                // Its flow graph only when it reads something worth following: a bundler's own
                // snippets (HMR clients, preload helpers) otherwise join unrelated paths of a
                // large host file.
                if embedded
                    .signals
                    .iter()
                    .any(|s| EMITTED_READS.contains(&s.kind))
                {
                    self.out.flows.append(&mut embedded.flows);
                }
                self.out.signals.append(&mut embedded.signals);
            }
        }
    }

    /// A call whose arguments a build tool turns into bundle code: Babel's `template`
    /// (`api.template.statement.ast(src)`), path insertion, MagicString edits, Rollup's
    /// `emitFile`.
    fn emit_call(&mut self, it: &CallExpression<'_>) {
        let name = match it.callee.without_parentheses() {
            Expression::Identifier(id) => id.name.as_str(),
            e => match e
                .as_member_expression()
                .and_then(|m| m.static_property_name())
            {
                Some(n) => n,
                None => return,
            },
        };
        if !EMIT_METHODS.contains(&name) {
            return;
        }
        self.emitted_code(emitted_args(&it.arguments), it.span.start);
    }

    /// A relative ES module edge (`import … from './x.js'`, `export * from`, `import('./x')`),
    /// recorded like a relative `require`.
    fn esm_edge(&mut self, spec: &str) {
        if spec.starts_with('.') {
            self.out.requires.push(spec.to_string());
        }
    }

    fn module_capability(&mut self, m: &str, offset: u32) {
        let kind = if NET_MODULES.contains(&m) {
            Kind::Network
        } else if SPAWN_MODULES.contains(&m) {
            Kind::Spawn
        } else if m == "vm" {
            Kind::DynamicCode
        } else {
            return;
        };
        self.sig(kind, offset, format!("require('{m}')"));
    }

    /// Examines a constant string (literal or folded).
    fn string_value(&mut self, s: &str, offset: u32, literal: bool) {
        if s.len() < 3 {
            return;
        }
        let line = self.line(offset);
        let func = self.func();
        let before = self.out.signals.len();
        text::scan_literal(s, line, func, &mut self.out.signals);
        let in_message = self
            .messages
            .iter()
            .any(|(a, b)| (*a..*b).contains(&offset));
        if in_message || (self.host_tables > 0 && literal && data_list::is_host_name(s)) {
            // An entry of a host-name table, or a host named in a log message, is data, not a
            // contacted endpoint.
            let mut i = before;
            while i < self.out.signals.len() {
                if self.out.signals[i].kind == Kind::Endpoint {
                    self.out.signals.remove(i);
                } else {
                    i += 1;
                }
            }
        }
        if !literal || s.len() > 4 << 20 {
            return;
        }
        if s.starts_with("AGFzbQ")
            && self.wasm_data.len() < 16
            && let Some(segs) = decode::wasm_data_segments(s)
            && !segs.is_empty()
        {
            self.wasm_data.push((offset, self.func(), segs));
        }
        if decode::invisible_count(s) >= 16 {
            self.sig(
                Kind::InvisibleUnicode,
                offset,
                format!("{} invisible characters", decode::invisible_count(s)),
            );
            if let Some(d) = decode::variation_selectors(s) {
                self.decoded(&d, offset, "variation selectors");
            }
        } else if s.len() >= 48
            && let Some(d) = decode::shifted_code_points(s)
        {
            // Text shifted into private-use or tag code points (`c - 0xF0000`): a payload
            // no reader sees (os-info-checker, 2025).
            self.sig(
                Kind::InvisibleUnicode,
                offset,
                format!(
                    "{} characters of text hidden in private-use code points",
                    d.len()
                ),
            );
            self.decoded(&d, offset, "private-use code points");
        }
        if let Some(r) = decode::reversed_url(s) {
            self.decoded(&r, offset, "reversed text");
        }
        if let Some(d) = decode::hex_text(s).or_else(|| decode::base64_text(s)) {
            self.decoded(&d, offset, "an encoded literal");
        }
    }

    fn call_kinds(v: &Val) -> Vec<Kind> {
        match v {
            Val::Module(m, p) => module_call_kinds(m, p),
            Val::Global(g) => global_call_kinds(g),
            _ => Vec::new(),
        }
    }

    fn on_call(&mut self, callee: &Val, args: &[Argument<'_>], span: u32, is_new: bool) -> bool {
        let name = callee.name().unwrap_or_default();
        let kinds = Self::call_kinds(callee);
        for k in &kinds {
            self.sig(*k, span, &name);
        }
        if kinds.contains(&Kind::DestructiveFs) && args.iter().any(|a| recursive_option(a)) {
            self.sig(Kind::DestructiveFs, span, format!("{name} recursive"));
        }
        if kinds.contains(&Kind::FsWrite) {
            self.load_fs_call(args, span);
            self.written_code(args, span);
            self.written_shell(args, span);
            // `fs.writeFileSync(out, code + RUNTIME)`: a build step appending its own code.
            if let Some(content) = args.get(1).and_then(|a| a.as_expression())
                && is_assembled(content)
            {
                self.emitted_code([content], span);
            }
        }
        self.behaviour_call(&name, &kinds, args, span);
        if let Val::Global(g) = callee
            && matches!(
                g.as_str(),
                "open"
                    | "alert"
                    | "location.replace"
                    | "location.assign"
                    | "document.location.replace"
                    | "document.location.assign"
                    | "top.location.replace"
            )
        {
            self.sig(Kind::PageTakeover, span, g);
        }
        if callee == &Val::Unknown {
            return false;
        }
        let arg_vals: Vec<Val> = args
            .iter()
            .map(|a| a.as_expression().map_or(Val::Unknown, |e| self.env.eval(e)))
            .collect();
        if kinds.contains(&Kind::DynamicCode) {
            if args
                .iter()
                .any(|a| a.as_expression().is_some_and(|e| self.env.is_decoded(e)))
            {
                self.sig(
                    Kind::DecodeExec,
                    span,
                    format!("decoded data passed to {name}"),
                );
            }
            let constant = arg_vals.iter().all(|v| matches!(v, Val::Str(_)));
            if !constant && !arg_vals.is_empty() {
                self.sig(
                    Kind::ComputedCode,
                    span,
                    format!("{name} of a computed string"),
                );
            }
            // Every enclosing callback is a `fetch` of a URL the caller passes in: a module
            // loader evaluating the scripts it is asked to load (AMD/SystemJS), not a C2 loop.
            let loader = self.net_cb > 0 && self.loader_cb == self.net_cb;
            if self.net_cb > 0 && !constant && !loader {
                self.sig(
                    Kind::RemoteExec,
                    span,
                    format!("{name} on data received from the network"),
                );
            }
        }
        if let Val::Module(m, _) = callee
            && m == "dns"
            && let Some(Expression::BinaryExpression(_) | Expression::TemplateLiteral(_)) =
                args.first().and_then(|a| a.as_expression())
            && arg_vals
                .first()
                .and_then(|v| v.as_str())
                .is_some_and(|n| n.contains('.'))
        {
            // A DNS name assembled at run time: data can ride in the labels (DNS exfiltration).
            self.sig(
                Kind::Endpoint,
                span,
                format!(
                    "DNS query for a computed name `…{}`",
                    arg_vals.first().and_then(|v| v.as_str()).unwrap_or("")
                ),
            );
        }
        if kinds.contains(&Kind::Network) {
            self.bare_ip_host(&name, args, &arg_vals, span);
        }
        let env = Val::Global("process.env".into());
        if kinds.contains(&Kind::Network)
            && (arg_vals.contains(&env) || arg_vals.contains(&Val::Global(ENV_REPORT.into())))
        {
            self.sig(Kind::EnvDump, span, format!("process.env passed to {name}"));
        }
        if kinds.contains(&Kind::Spawn) {
            self.on_spawn(&name, &arg_vals, args, span);
            for alt in self.spawn_branches(args, &arg_vals) {
                self.on_spawn(&name, &alt, args, span);
            }
        }
        if kinds.contains(&Kind::FsRead)
            && let Some(p) = arg_vals.first().and_then(|v| v.as_str())
        {
            let lower = p.to_ascii_lowercase();
            let data = [
                ".md", ".txt", ".css", ".svg", ".html", ".json", ".yml", ".yaml", ".woff", ".ttf",
                ".wasm", ".dat", ".bin", ".log",
            ];
            if data.iter().any(|e| lower.ends_with(e)) {
                self.sig(Kind::DataFileRead, span, p);
            }
            let images = [".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".ico"];
            if images.iter().any(|e| lower.ends_with(e)) {
                self.sig(Kind::ImageRead, span, p);
            }
        }
        if kinds.contains(&Kind::FsWrite)
            && let Some(p) = arg_vals.first().and_then(|v| v.as_str())
            && p.ends_with("package.json")
        {
            self.sig(Kind::PackageJsonWrite, span, p);
        }
        self.on_named_call(&name, &arg_vals, span, is_new);
        kinds.contains(&Kind::Network)
            && !name.ends_with("createServer")
            && !name.ends_with("createSecureServer")
            && !name.ends_with("listen")
    }

    /// A network call whose host is a bare public IP given on its own, not in a URL (which
    /// the literal scan already sees): `http.request({ hostname: '198.51.100.7' })`,
    /// `net.connect(8081, '198.51.100.7')`. No DNS name, nothing to attribute. A DNS server is
    /// not a destination: a resolver configured with `setServers`, or a connection to port 53
    /// (pac-resolver's `myIpAddress` opens one to a public resolver to learn its own address).
    fn bare_ip_host(&mut self, name: &str, args: &[Argument<'_>], vals: &[Val], span: u32) {
        let mut hosts: Vec<String> = vals
            .iter()
            .filter_map(|v| v.as_str())
            .filter(|s| text::is_public_ipv4(s))
            .map(str::to_string)
            .collect();
        let mut dns_port = vals.iter().any(|v| matches!(v, Val::Num(n) if *n == 53.0));
        for a in args {
            if let Some(Expression::ObjectExpression(o)) = a.as_expression() {
                for p in &o.properties {
                    let ObjectPropertyKind::ObjectProperty(p) = p else {
                        continue;
                    };
                    match p.key.static_name().as_deref() {
                        Some("host" | "hostname") => {
                            if let Some(h) = self.env.eval(&p.value).as_str().map(str::to_string)
                                && text::is_public_ipv4(&h)
                            {
                                hosts.push(h);
                            }
                        }
                        Some("port") => {
                            dns_port |= matches!(self.env.eval(&p.value), Val::Num(n) if n == 53.0);
                        }
                        _ => {}
                    }
                }
            }
        }
        if dns_port || name.ends_with("setServers") {
            return;
        }
        for h in hosts {
            self.sig(Kind::Endpoint, span, format!("raw IP host {h}"));
        }
    }

    /// The argument values of a process start once per branch of a per-platform constant
    /// (see [`Walker::branches`]) that its unknown arguments name, directly (`exec(cmd)`) or
    /// by index (`spawn(sh[0], sh[1])` of `const sh = win ? ['powershell', […]] : ['/bin/sh', […]]`);
    /// empty when no argument names one.
    fn spawn_branches(&self, args: &[Argument<'_>], vals: &[Val]) -> Vec<Vec<Val>> {
        if self.branches.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<Vec<Val>> = Vec::new();
        for branch in 0..2 {
            let mut alt = vals.to_vec();
            let mut changed = false;
            for (i, a) in args.iter().enumerate() {
                if alt.get(i) != Some(&Val::Unknown) {
                    continue;
                }
                let Some(e) = a.as_expression() else {
                    continue;
                };
                let (id, index) = match e.without_parentheses() {
                    Expression::Identifier(id) => (id, None),
                    Expression::ComputedMemberExpression(m) => match (&m.object, &m.expression) {
                        (Expression::Identifier(id), Expression::NumericLiteral(n)) => {
                            (id, Some(n.value as usize))
                        }
                        _ => continue,
                    },
                    _ => continue,
                };
                let Some(b) = self
                    .env
                    .symbol_of(id)
                    .and_then(|sym| self.branches.get(&sym))
                else {
                    continue;
                };
                let v = match (&b[branch], index) {
                    (v, None) => v.clone(),
                    (Val::Arr(items), Some(k)) => items.get(k).cloned().unwrap_or(Val::Unknown),
                    _ => Val::Unknown,
                };
                if v != Val::Unknown {
                    alt[i] = v;
                    changed = true;
                }
            }
            if changed {
                out.push(alt);
            }
        }
        out
    }

    fn on_spawn(&mut self, name: &str, vals: &[Val], args: &[Argument<'_>], span: u32) {
        let mut cmd = Vec::new();
        for v in vals {
            match v {
                Val::Str(s) => cmd.push(s.clone()),
                Val::Arr(items) => {
                    cmd.extend(items.iter().filter_map(|i| i.as_str().map(String::from)))
                }
                _ => {}
            }
        }
        let line = cmd.join(" ");
        let program = vals.first().and_then(|v| v.as_str()).map(|p| {
            let base = p
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(p)
                .to_ascii_lowercase();
            base.trim_end_matches(".exe").to_string()
        });
        if !line.is_empty() {
            let (l, f) = (self.line(span), self.func());
            text::scan_literal(&line, l, f, &mut self.out.signals);
            if line.contains("npm") && line.contains("publish") {
                self.sig(Kind::NpmPublish, span, &line);
            }
            crate::shell::shell_signals(&line, l, f, &mut self.out.signals);
        }
        if matches!(program.as_deref(), Some("bun" | "bunx" | "deno")) {
            self.sig(Kind::RuntimeSpawn, span, &line);
        }
        let shell = matches!(
            program.as_deref(),
            Some("sh" | "bash" | "zsh" | "cmd" | "powershell" | "pwsh")
        );
        let interactive = shell && (cmd.len() == 1 || cmd.iter().any(|a| a == "-i"));
        if interactive && self.net_cb == 0 {
            self.sig(
                Kind::InteractiveShell,
                span,
                format!("interactive shell `{}`", line),
            );
        }
        if self.net_cb > 0 {
            let first_unknown = !matches!(vals.first(), Some(Val::Str(_)));
            let interactive_shell = matches!(
                program.as_deref(),
                Some("sh" | "bash" | "zsh" | "cmd" | "powershell" | "pwsh")
            ) && !cmd
                .iter()
                .any(|a| matches!(a.as_str(), "-c" | "/c" | "-command" | "-Command"));
            if first_unknown {
                self.sig(
                    Kind::RemoteExec,
                    span,
                    format!("{name} of data received from the network"),
                );
            }
            if interactive_shell {
                self.sig(
                    Kind::ReverseShell,
                    span,
                    format!(
                        "interactive shell `{}` spawned inside a network callback",
                        program.as_deref().unwrap_or("")
                    ),
                );
            }
        }
        for a in args {
            if let Some(Expression::ObjectExpression(o)) = a.as_expression()
                && o.properties.iter().any(|p| matches!(p, ObjectPropertyKind::ObjectProperty(p) if p.key.static_name().as_deref() == Some("detached") && matches!(&p.value, Expression::BooleanLiteral(b) if b.value) || matches!(&p.value, Expression::UnaryExpression(_))))
            {
                let detail = detached_detail(o, vals.first());
                self.sig(Kind::DetachedSpawn, span, detail);
            }
        }
    }

    fn on_named_call(&mut self, name: &str, vals: &[Val], span: u32, is_new: bool) {
        let first = vals.first();
        let env = Val::Global("process.env".into());
        match name {
            // Formatted into a log message's text (`logger.debug(`Running ${cmd} with
            // environment ${JSON.stringify(env)}`)`, firebase-tools before it spawns a script
            // with that environment): printed for the user, not collected.
            "JSON.stringify"
                if (first == Some(&env) || first == Some(&Val::Global(ENV_REPORT.into())))
                    && !self.messages.iter().any(|(a, b)| (*a..*b).contains(&span)) =>
            {
                self.sig(Kind::EnvDump, span, format!("{name}(process.env)"));
            }
            "Object.entries" | "Object.keys" | "Object.values" if first == Some(&env) => {
                self.sig(Kind::EnvIterate, span, format!("{name}(process.env)"));
            }
            "Object.keys" | "Object.entries" if matches!(first, Some(Val::Global(g)) if g == "localStorage" || g == "sessionStorage") =>
            {
                self.sig(Kind::StorageRead, span, name);
            }
            "Proxy" | "Reflect.defineProperty" if matches!(first, Some(Val::Global(g)) if g == "ethereum" || g == "fetch" || g.starts_with("XMLHttpRequest")) =>
            {
                self.sig(
                    Kind::MonkeyPatch,
                    span,
                    format!(
                        "{name} around {}",
                        first.and_then(|v| v.name()).unwrap_or_default()
                    ),
                );
            }
            "RegExp" => {
                if let Some(p) = first.and_then(|v| v.as_str()) {
                    let (l, f) = (self.line(span), self.func());
                    text::scan_regex(p, l, f, &mut self.out.signals);
                }
            }
            "process.exit" | "process.abort" | "process.reallyExit" => {
                self.sig(Kind::ProcessExit, span, name)
            }
            "process.kill" if matches!(first, Some(Val::Global(g)) if g == "process.pid") => {
                self.sig(Kind::ProcessExit, span, "process.kill(process.pid)")
            }
            "setTimeout" | "setInterval" if matches!(first, Some(Val::Str(_))) => {
                self.sig(Kind::DynamicCode, span, format!("{name} with a string"));
            }
            _ => {}
        }
        let last = name.rsplit('.').next().unwrap_or(name);
        match last {
            "getItem" | "key"
                if name.starts_with("localStorage") || name.starts_with("sessionStorage") =>
            {
                self.sig(Kind::StorageRead, span, name);
            }
            "addEventListener"
                if matches!(
                    first.and_then(|v| v.as_str()),
                    Some("copy" | "cut" | "paste")
                ) =>
            {
                self.sig(
                    Kind::ClipboardHook,
                    span,
                    format!("{} listener", first.and_then(|v| v.as_str()).unwrap_or("")),
                );
            }
            "writeText" | "readText" if name.contains("clipboard") => {
                self.sig(Kind::ClipboardHook, span, name)
            }
            "execCommand" if first.and_then(|v| v.as_str()) == Some("copy") => {
                self.sig(Kind::ClipboardHook, span, "execCommand('copy')")
            }
            "querySelectorAll" | "getElementsByTagName" | "querySelector" => {
                if let Some(sel) = first.and_then(|v| v.as_str()) {
                    let l = sel.to_ascii_lowercase();
                    if l.contains("password")
                        || l.contains("cc-number")
                        || l.contains("card")
                        || l.contains("cvv")
                    {
                        self.sig(Kind::SensitiveField, span, sel);
                    } else if last != "querySelector"
                        && (l == "input"
                            || l == "form"
                            || l.starts_with("input")
                            || l.contains("input["))
                    {
                        self.sig(Kind::FormHarvest, span, sel);
                    }
                }
            }
            "createHash"
                if matches!(
                    first.and_then(|v| v.as_str()),
                    Some("sha256" | "sha512" | "sha384" | "sha1")
                ) =>
            {
                self.sig(
                    Kind::ChecksumVerify,
                    span,
                    format!(
                        "createHash('{}')",
                        first.and_then(|v| v.as_str()).unwrap_or("")
                    ),
                );
            }
            "defineProperty"
                if matches!(
                    vals.get(1).and_then(|v| v.as_str()),
                    Some("ethereum" | "fetch")
                ) =>
            {
                self.sig(
                    Kind::MonkeyPatch,
                    span,
                    format!(
                        "Object.defineProperty(…, '{}')",
                        vals.get(1).and_then(|v| v.as_str()).unwrap_or("")
                    ),
                );
            }
            _ => {}
        }
        let _ = is_new;
    }

    /// DOM and hashing methods whose receiver does not matter (`form.querySelectorAll('input')`,
    /// `el.addEventListener('copy', …)`): checked with a literal first argument only.
    fn any_receiver_method(&mut self, it: &CallExpression<'_>) {
        let Some(m) = it.callee.as_member_expression() else {
            return;
        };
        let Some(prop) = m.static_property_name() else {
            return;
        };
        const METHODS: &[&str] = &[
            "querySelectorAll",
            "getElementsByTagName",
            "getElementsByName",
            "addEventListener",
            "createHash",
        ];
        if !METHODS.contains(&prop) {
            return;
        }
        let first = match it.arguments.first().and_then(|a| a.as_expression()) {
            Some(Expression::StringLiteral(s)) => Val::Str(s.value.as_str().to_string()),
            _ => Val::Unknown,
        };
        self.on_named_call(&format!("(any).{prop}"), &[first], it.span.start, false);
    }

    fn bind(&mut self, id: &BindingIdentifier<'_>, init: &Expression<'_>) {
        let Some(sym) = id.symbol_id.get() else {
            return;
        };
        let v = self.env.eval(init);
        let mutated = self.env.scoping.symbol_is_mutated(sym);
        let alias = matches!(
            v,
            Val::Module(..)
                | Val::Global(_)
                | Val::Element(_)
                | Val::Decoder(_)
                | Val::Pure(_)
                | Val::ObjFn(..)
                | Val::Loader
        );
        if v == Val::Unknown
            && !mutated
            && let Expression::ConditionalExpression(c) = init.without_parentheses()
        {
            let folded = |v: &Val| matches!(v, Val::Str(_) | Val::Arr(_));
            let (a, b) = (self.env.eval(&c.consequent), self.env.eval(&c.alternate));
            if folded(&a) && folded(&b) {
                self.branches.insert(sym, [a, b]);
            }
        }
        if v != Val::Unknown && (!mutated || alias) {
            self.env.consts.insert(sym, v);
        }
        if self.env.is_decoded(init) {
            self.env.tainted.insert(sym);
        }
    }

    fn bind_pattern(&mut self, pat: &BindingPattern<'_>, init: &Expression<'_>) {
        match pat {
            BindingPattern::BindingIdentifier(id) => self.bind(id, init),
            BindingPattern::ObjectPattern(o) => {
                let base = self.env.eval(init);
                if !matches!(base, Val::Module(..) | Val::Global(_)) {
                    return;
                }
                for prop in &o.properties {
                    let (Some(key), BindingPattern::BindingIdentifier(id)) =
                        (prop.key.static_name(), &prop.value)
                    else {
                        continue;
                    };
                    let Some(sym) = id.symbol_id.get() else {
                        continue;
                    };
                    let v = match &base {
                        Val::Module(m, p) if p.is_empty() => {
                            Val::Module(m.clone(), key.to_string())
                        }
                        Val::Module(m, p) => Val::Module(m.clone(), format!("{p}.{key}")),
                        Val::Global(g) => Val::Global(format!("{g}.{key}")),
                        _ => continue,
                    };
                    self.env.consts.insert(sym, v);
                }
            }
            _ => {}
        }
    }

    fn assign_member(&mut self, m: &MemberExpression<'_>, right: &Expression<'_>, span: u32) {
        let obj = self.env.eval(m.object());
        let Some(prop) = self.env.property_name(m, 0) else {
            return;
        };
        let target = match &obj {
            Val::Global(g) if g == "globalThis" => prop.clone(),
            Val::Global(g) => format!("{g}.{prop}"),
            Val::Element(e) if matches!(prop.as_str(), "src" | "href" | "action") => {
                if matches!(e.as_str(), "img" | "script" | "iframe" | "link" | "form") {
                    self.sig(Kind::BrowserSend, span, format!("<{e}>.{prop} assignment"));
                    self.sig(Kind::Network, span, format!("<{e}>.{prop}"));
                }
                return;
            }
            _ => return,
        };
        let patched = target == "fetch"
            || target == "XMLHttpRequest"
            || target == "WebSocket"
            || target.starts_with("XMLHttpRequest.prototype.")
            || target == "ethereum"
            || target.starts_with("ethereum.")
            || target == "WebSocket.prototype.send"
            || target == "navigator.sendBeacon";
        // A wrapper (function or the result of a wrapping call) intercepts; assigning an existing
        // implementation (`globalThis.fetch = undici.fetch`) is a polyfill.
        let wrapper = matches!(
            right,
            Expression::FunctionExpression(_)
                | Expression::ArrowFunctionExpression(_)
                | Expression::CallExpression(_)
                | Expression::NewExpression(_)
        );
        if patched && wrapper {
            self.sig(Kind::MonkeyPatch, span, format!("{target} replaced"));
        }
    }

    /// `provider.request = function (args) { … 'eth_sendTransaction' … }`: a wallet
    /// provider's EIP-1193 `request` replaced, on any receiver (an alias, a parameter), by a
    /// function that looks at the RPC methods that sign or send.
    fn wallet_request_wrapper(
        &mut self,
        m: &MemberExpression<'_>,
        right: &Expression<'_>,
        span: u32,
    ) {
        if self.env.property_name(m, 0).as_deref() != Some("request") {
            return;
        }
        let body = match right.without_parentheses() {
            Expression::FunctionExpression(f) => f.span,
            Expression::ArrowFunctionExpression(f) => f.span,
            _ => return,
        };
        let text = self
            .src
            .get(body.start as usize..body.end as usize)
            .unwrap_or("");
        // Also spelled as a pattern or pieces (`/^eth_(sendTransaction|signTransaction)$/`,
        // `'eth_' + m`): the `eth_` namespace next to a signing verb.
        let pieces = text.contains("eth_")
            && ["sendTransaction", "signTransaction", "signTypedData"]
                .iter()
                .any(|k| text.contains(k));
        if pieces || SIGNING_METHODS.iter().any(|k| text.contains(k)) {
            self.sig(
                Kind::MonkeyPatch,
                span,
                "wallet provider `request` wrapped (signing methods inspected)",
            );
        }
    }

    /// An email message (`to` from a variable, a subject or body) with a `bcc`/`Bcc` that is a
    /// constant address: every message sent gets a silent copy to that address.
    fn mail_bcc(&mut self, o: &ObjectExpression<'_>) {
        let mut bcc = None;
        let mut from = None;
        let mut to_variable = false;
        let mut content = false;
        for p in &o.properties {
            let ObjectPropertyKind::ObjectProperty(p) = p else {
                continue;
            };
            let Some(k) = p.key.static_name() else {
                continue;
            };
            match k.to_ascii_lowercase().as_str() {
                "bcc" => {
                    if let Some(a) = self.env.eval(&p.value).as_str()
                        && let Some((user, domain)) = a.trim().split_once('@')
                        && !user.is_empty()
                        && domain.contains('.')
                        && !a.contains(char::is_whitespace)
                    {
                        bcc = Some(a.trim().to_string());
                    }
                }
                "from" => from = self.env.eval(&p.value).as_str().map(str::to_string),
                "to" => {
                    to_variable = !matches!(
                        p.value.without_parentheses(),
                        Expression::StringLiteral(_)
                            | Expression::TemplateLiteral(_)
                            | Expression::ArrayExpression(_)
                    );
                }
                "subject" | "text" | "html" | "textbody" | "htmlbody" | "body" => content = true,
                _ => {}
            }
        }
        if let Some(a) = bcc
            && to_variable
            && content
        {
            // A copy to the constant sender's own domain (an application archiving its own
            // mail) is told apart from one to anybody else.
            let own = from.is_some_and(|f| mail_org(&f).is_some() && mail_org(&f) == mail_org(&a));
            let detail = if own { format!("{a}{MAIL_BCC_OWN}") } else { a };
            self.sig(Kind::MailBcc, o.span.start, detail);
        }
    }

    /// `{ method: 'eth_sendTransaction', params: [{ to: MINE, … }] }` built by the code
    /// itself: the recipient, or the spender/recipient in approve/transfer calldata, is a
    /// hard-coded address. Detail: `recipient`/`calldata`, then `unlimited` when the amount
    /// is the maximum (`'f'.repeat(64)`, `MaxUint256`).
    fn wallet_transaction(&mut self, o: &ObjectExpression<'_>) {
        let prop = |k: &str| {
            o.properties.iter().find_map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p)
                    if p.key.static_name().as_deref() == Some(k) =>
                {
                    Some(&p.value)
                }
                _ => None,
            })
        };
        let Some(method) = prop("method") else { return };
        let Val::Str(method) = self.env.eval(method) else {
            return;
        };
        if !SENDING_METHODS.contains(&method.as_str()) {
            return;
        }
        let Some(Expression::ArrayExpression(params)) =
            prop("params").map(|e| e.without_parentheses())
        else {
            return;
        };
        let Some(Expression::ObjectExpression(tx)) = params
            .elements
            .first()
            .and_then(|e| e.as_expression())
            .map(|e| e.without_parentheses())
        else {
            return;
        };
        let field = |k: &str| {
            tx.properties.iter().find_map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p)
                    if p.key.static_name().as_deref() == Some(k) =>
                {
                    Some(&p.value)
                }
                _ => None,
            })
        };
        let mut what = Vec::new();
        let data = field("data").or_else(|| field("input"));
        if let Some(to) = field("to")
            && data.is_none()
            && self.constant_address(to)
        {
            what.push("recipient");
        }
        let mut unlimited = false;
        if let Some(d) = data {
            let text = self
                .src
                .get(
                    oxc_span::GetSpan::span(d).start as usize
                        ..oxc_span::GetSpan::span(d).end as usize,
                )
                .unwrap_or("")
                .to_ascii_lowercase();
            let selector = FUNDS_SELECTORS.iter().any(|s| text.contains(s));
            let mut names = AddressScan {
                env: &self.env,
                found: false,
            };
            names.visit_expression(d);
            if selector && names.found {
                what.push("calldata");
            }
            unlimited = text.contains("repeat(64)")
                || text.contains(&"f".repeat(32))
                || text.contains("maxuint256")
                || text.contains("max_uint256");
        }
        if what.is_empty() {
            return;
        }
        if unlimited {
            what.push("unlimited");
        }
        self.sig(
            Kind::WalletDrain,
            tx.span.start,
            format!("{method} to a hard-coded address ({})", what.join(", ")),
        );
    }

    /// `el.type === 'password'`: code that picks password fields out of the inputs it reads.
    fn password_type_check(&mut self, b: &BinaryExpression<'_>) {
        if !matches!(
            b.operator,
            BinaryOperator::Equality | BinaryOperator::StrictEquality
        ) {
            return;
        }
        let is_type = |e: &Expression<'_>| matches!(e.without_parentheses(), Expression::StaticMemberExpression(m) if m.property.name == "type");
        let is_password = |e: &Expression<'_>| matches!(e.without_parentheses(), Expression::StringLiteral(l) if l.value == "password");
        if (is_type(&b.left) && is_password(&b.right))
            || (is_password(&b.left) && is_type(&b.right))
        {
            self.sig(
                Kind::SensitiveField,
                b.span.start,
                "input type compared with 'password'",
            );
        }
    }

    /// Token hand-overs through a contract or signer object (`token.approve(MINE, MaxUint256)`,
    /// `signer.sendTransaction({ to: MINE, value })`).
    fn wallet_call(&mut self, method: &str, it: &CallExpression<'_>) {
        let arg = |i: usize| it.arguments.get(i).and_then(|a| a.as_expression());
        let text = |e: &Expression<'_>| {
            let sp = oxc_span::GetSpan::span(e);
            self.src
                .get(sp.start as usize..sp.end as usize)
                .unwrap_or("")
                .to_ascii_lowercase()
        };
        let max = |t: &str| {
            t.contains("maxuint256")
                || t.contains("max_uint256")
                || t.contains("repeat(64)")
                || t.contains(&"f".repeat(32))
                || t.contains("2n ** 256n")
                || t.contains("2n**256n")
        };
        let detail = match method {
            "approve" | "increaseAllowance" | "setApprovalForAll"
                if it.arguments.len() == 2 && arg(0).is_some_and(|e| self.constant_address(e)) =>
            {
                let unlimited =
                    method == "setApprovalForAll" || arg(1).is_some_and(|e| max(&text(e)));
                format!(
                    "{method} to a hard-coded address (spender{})",
                    if unlimited { ", unlimited" } else { "" }
                )
            }
            "sendTransaction" => {
                let Some(Expression::ObjectExpression(tx)) =
                    arg(0).map(|e| e.without_parentheses())
                else {
                    return;
                };
                let field = |k: &str| {
                    tx.properties.iter().find_map(|p| match p {
                        ObjectPropertyKind::ObjectProperty(p)
                            if p.key.static_name().as_deref() == Some(k) =>
                        {
                            Some(&p.value)
                        }
                        _ => None,
                    })
                };
                match field("to") {
                    Some(to)
                        if field("data").is_none()
                            && field("value").is_some()
                            && self.constant_address(to) =>
                    {
                        "sendTransaction to a hard-coded address (recipient)".to_string()
                    }
                    _ => return,
                }
            }
            // Solana: `SystemProgram.transfer({ fromPubkey, toPubkey: VAULT, lamports })` to a
            // hard-coded key; an amount taken from the wallet's balance (a "fee" of most of
            // it) is a sweep.
            "transfer" => {
                let Some(Expression::ObjectExpression(tx)) =
                    arg(0).map(|e| e.without_parentheses())
                else {
                    return;
                };
                let field = |k: &str| {
                    tx.properties.iter().find_map(|p| match p {
                        ObjectPropertyKind::ObjectProperty(p)
                            if p.key.static_name().as_deref() == Some(k) =>
                        {
                            Some(&p.value)
                        }
                        _ => None,
                    })
                };
                let (Some(to), Some(_)) = (field("toPubkey"), field("lamports")) else {
                    return;
                };
                let constant = match to.without_parentheses() {
                    Expression::Identifier(id) => self
                        .env
                        .symbol_of(id)
                        .is_some_and(|s| self.sol_keys.contains(&s)),
                    e => is_constant_sol_key(e),
                };
                if !constant {
                    return;
                }
                // A sweep reads the wallet's balance first, in the function that builds the
                // transfer (from its start to the call), not anywhere in an SDK bundle.
                let from = (*self.funcs.last().unwrap_or(&0) as usize).min(self.src.len());
                let to = (it.span.start as usize).clamp(from, self.src.len());
                let sweep = self
                    .src
                    .get(from..to)
                    .is_some_and(|before| before.contains("getBalance("));
                format!(
                    "transfer to a hard-coded address (recipient{})",
                    if sweep {
                        ", from the balance, unlimited"
                    } else {
                        ""
                    }
                )
            }
            _ => return,
        };
        self.sig(Kind::WalletDrain, it.span.start, detail);
    }

    /// A permit message (EIP-2612 / Permit2) whose `spender` is a hard-coded address: signed
    /// off-chain, it lets that address pull the tokens. Detail ends in `unlimited` when the
    /// amount is the maximum.
    fn permit_message(&mut self, o: &ObjectExpression<'_>) {
        let mut spender = None;
        let mut amount = false;
        for p in &o.properties {
            let ObjectPropertyKind::ObjectProperty(p) = p else {
                continue;
            };
            match p.key.static_name().as_deref() {
                Some("spender") => spender = Some(&p.value),
                Some("value" | "amount" | "deadline" | "nonce" | "sigDeadline" | "details") => {
                    amount = true
                }
                _ => {}
            }
        }
        let Some(sp) = spender else { return };
        if !amount || !self.constant_address(sp) {
            return;
        }
        let text = self
            .src
            .get(o.span.start as usize..o.span.end as usize)
            .unwrap_or("")
            .to_ascii_lowercase();
        let mut max = MaxScan {
            env: &self.env,
            found: false,
        };
        max.visit_object_expression(o);
        let unlimited = text.contains("maxuint256")
            || text.contains("max_uint256")
            || text.contains("repeat(64)")
            || text.contains(&"f".repeat(32))
            || text.contains(
                "115792089237316195423570985008687907853269984665640564039457584007913129639935",
            )
            || max.found;
        self.sig(
            Kind::WalletDrain,
            o.span.start,
            format!(
                "permit for a hard-coded spender{}",
                if unlimited { " (unlimited)" } else { "" }
            ),
        );
    }

    /// An immediately invoked function handed globals or modules (`(function (w, d) { … })(window,
    /// document)`, `(function (cp) { … })(require('child_process'))`): each parameter that is
    /// never reassigned is an alias of its argument, as a `const` would be.
    fn iife_aliases(&mut self, it: &CallExpression<'_>) {
        let params = match it.callee.without_parentheses() {
            Expression::FunctionExpression(f) => &f.params,
            Expression::ArrowFunctionExpression(f) => &f.params,
            _ => return,
        };
        for (param, arg) in params.items.iter().zip(&it.arguments) {
            let (BindingPattern::BindingIdentifier(id), Some(arg)) =
                (&param.pattern, arg.as_expression())
            else {
                continue;
            };
            let Some(sym) = id.symbol_id.get() else {
                continue;
            };
            // A feature-tested global (`typeof globalThis !== 'undefined' ? globalThis : this`,
            // `window || global`) is worth folding too: the conditional names globals only.
            let feature_tested = matches!(
                arg.without_parentheses(),
                Expression::ConditionalExpression(_) | Expression::LogicalExpression(_)
            );
            if self.env.scoping.symbol_is_mutated(sym)
                || !(feature_tested || self.env.worth_eval(arg))
            {
                continue;
            }
            let v = self.env.eval(arg);
            if matches!(v, Val::Global(_) | Val::Module(..)) {
                self.env.consts.insert(sym, v);
            }
        }
    }

    /// True when `e` is (or names a constant that is) a 20-byte hex address.
    fn constant_address(&self, e: &Expression<'_>) -> bool {
        let mut scan = AddressScan {
            env: &self.env,
            found: false,
        };
        scan.visit_expression(e);
        scan.found
    }
}

impl<'a> Visit<'a> for Walker<'_> {
    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        self.behaviour_declare(it, self.next_func);
        self.funcs.push(self.next_func);
        self.next_func += 1;
        self.load_enter(
            it.span.start,
            it.id.as_ref().and_then(|i| i.symbol_id.get()),
        );
        self.behaviour_enter(it.span.start, &it.params);
        self.behaviour_declared(it, true);
        walk::walk_function(self, it, flags);
        self.behaviour_declared(it, false);
        self.behaviour_exit(it.span.start);
        self.funcs.pop();
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        self.funcs.push(self.next_func);
        self.next_func += 1;
        self.load_enter(it.span.start, None);
        self.behaviour_enter(it.span.start, &it.params);
        walk::walk_arrow_function_expression(self, it);
        self.behaviour_exit(it.span.start);
        self.funcs.pop();
    }

    fn visit_binding_identifier(&mut self, it: &BindingIdentifier<'a>) {
        let name = it.name.as_str();
        if let Some(rest) = name.strip_prefix("_0x")
            && rest.len() >= 3
            && rest.bytes().all(|b| b.is_ascii_hexdigit())
        {
            if self.hex_idents.is_empty() {
                self.hex_ident_line = it.span.start;
            }
            self.hex_idents.insert(name.to_string());
        }
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let Some(init) = &it.init {
            if is_constant_sol_key(init)
                && let Some(sym) = it
                    .id
                    .get_binding_identifier()
                    .and_then(|b| b.symbol_id.get())
            {
                self.sol_keys.insert(sym);
            }
            self.bind_pattern(&it.id, init);
            self.load_bind(&it.id, init);
            self.behaviour_bind(&it.id, init);
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        // Rollup's `generateBundle`: `chunk.code += RUNTIME`, `chunk.code = RUNTIME + chunk.code`.
        if let Some(m) = it.left.as_member_expression()
            && m.static_property_name() == Some("code")
            && (it.operator == AssignmentOperator::Addition || is_assembled(&it.right))
        {
            self.emitted_code([&it.right], it.span.start);
        }
        if let Some(m) = it.left.as_member_expression() {
            self.assign_member(m, &it.right, it.span.start);
            self.wallet_request_wrapper(m, &it.right, it.span.start);
            self.load_export_assign(m, &it.right);
            self.visit_expression(m.object());
            if let MemberExpression::ComputedMemberExpression(c) = m {
                self.visit_expression(&c.expression);
            }
            self.visit_expression(&it.right);
            return;
        }
        if it.operator == AssignmentOperator::Assign
            && let AssignmentTarget::AssignmentTargetIdentifier(id) = &it.left
            && let Some(sym) = self.env.symbol_of(id)
        {
            // Reassigned variables only keep module/global aliases (`var cp; cp = require(…)`);
            // their string values depend on control flow.
            let v = self.env.eval(&it.right);
            if matches!(v, Val::Module(..) | Val::Global(_)) && !self.env.consts.contains_key(&sym)
            {
                self.env.consts.insert(sym, v);
            }
            if self.env.is_decoded(&it.right) {
                self.env.tainted.insert(sym);
            }
            self.bind_net_handle(sym, &it.right);
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        let pushed = self.messages.len();
        if is_logger(it) {
            self.messages
                .extend(it.arguments.iter().filter_map(|a| match a.as_expression() {
                    Some(Expression::StringLiteral(l)) => Some((l.span.start, l.span.end)),
                    Some(Expression::TemplateLiteral(l)) => Some((l.span.start, l.span.end)),
                    _ => None,
                }));
        }
        self.emit_call(it);
        self.behaviour_keyed_call(it);
        self.call_expression(it);
        self.messages.truncate(pushed);
    }

    fn visit_new_expression(&mut self, it: &NewExpression<'a>) {
        // webpack's output sources and banner: `new ConcatSource(RUNTIME, source)`,
        // `new BannerPlugin({ banner: RUNTIME, raw: true })`.
        let ctor = match it.callee.without_parentheses() {
            Expression::Identifier(id) => Some(id.name.as_str()),
            e => e
                .as_member_expression()
                .and_then(|m| m.static_property_name()),
        };
        if ctor.is_some_and(|c| EMIT_CONSTRUCTORS.contains(&c)) {
            self.emitted_code(emitted_args(&it.arguments), it.span.start);
        }
        if self.env.worth_eval(&it.callee) {
            let callee = self.env.eval(&it.callee);
            self.on_call(&callee, &it.arguments, it.span.start, true);
        }
        walk::walk_new_expression(self, it);
    }

    fn visit_object_expression(&mut self, it: &ObjectExpression<'a>) {
        // A transform hook's result (`return { code: code + RUNTIME, map }`) or an output
        // option (`banner`, `footer`, `intro`, `outro`): code that lands in the bundle.
        // Vite's `transformIndexHtml` tag descriptors: `{ tag: 'script', children: RUNTIME }`.
        let script_tag = it.properties.iter().any(|p| {
            matches!(p, ObjectPropertyKind::ObjectProperty(p)
                if p.key.static_name().as_deref() == Some("tag")
                    && matches!(p.value.without_parentheses(), Expression::StringLiteral(l) if l.value == "script"))
        });
        let emitted: Vec<&Expression<'_>> = it
            .properties
            .iter()
            .filter_map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p)
                    if p.key.static_name().is_some_and(|k| {
                        matches!(k.as_ref(), "code" | "banner" | "footer" | "intro" | "outro")
                            && is_assembled(&p.value)
                            || script_tag && k.as_ref() == "children"
                    }) =>
                {
                    Some(&p.value)
                }
                _ => None,
            })
            .collect();
        if !emitted.is_empty() {
            self.emitted_code(emitted, it.span.start);
        }
        self.wallet_transaction(it);
        self.permit_message(it);
        self.behaviour_object(it);
        self.mail_bcc(it);
        let env = Val::Global("process.env".into());
        let keys: Vec<String> = it
            .properties
            .iter()
            .filter_map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p) => p.key.static_name().map(|k| k.to_string()),
                _ => None,
            })
            .collect();
        let spawn_like = keys.iter().any(|k| SPAWN_OPTION_KEYS.contains(&k.as_str()));
        let host_info = keys
            .iter()
            .filter(|k| HOST_KEYS.contains(&k.to_ascii_lowercase().as_str()))
            .count()
            >= 2;
        for p in &it.properties {
            let ObjectPropertyKind::ObjectProperty(p) = p else {
                continue;
            };
            if self.json_args == 0 && (self.spawn_args > 0 || spawn_like)
                || !self.env.worth_eval(&p.value)
                || self.env.eval(&p.value) != env
            {
                continue;
            }
            let key = p
                .key
                .static_name()
                .map(|k| k.to_string())
                .unwrap_or_default();
            if host_info || self.json_args > 0 {
                self.sig(
                    Kind::EnvDump,
                    p.span.start,
                    format!("process.env stored in object key `{key}` that is serialised or sits next to host details"),
                );
            }
        }
        for p in &it.properties {
            if let ObjectPropertyKind::ObjectProperty(p) = p {
                let off = match (p.key.static_name().as_deref(), &p.value) {
                    (Some("rejectUnauthorized"), Expression::BooleanLiteral(b)) => !b.value,
                    (Some("NODE_TLS_REJECT_UNAUTHORIZED"), Expression::StringLiteral(v)) => {
                        v.value == "0"
                    }
                    (Some("NODE_TLS_REJECT_UNAUTHORIZED"), Expression::NumericLiteral(v)) => {
                        v.value == 0.0
                    }
                    _ => false,
                };
                if off {
                    self.sig(
                        Kind::TlsOff,
                        p.span.start,
                        "TLS certificate verification off",
                    );
                }
            }
        }
        let table = data_list::is_host_table(it);
        self.host_tables += u32::from(table);
        walk::walk_object_expression(self, it);
        self.host_tables -= u32::from(table);
    }

    fn visit_for_in_statement(&mut self, it: &ForInStatement<'a>) {
        if self.env.eval(&it.right) == Val::Global("process.env".into()) {
            self.sig(Kind::EnvIterate, it.span.start, "for…in over process.env");
        }
        walk::walk_for_in_statement(self, it);
    }

    fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
        let obj = if self.env.worth_eval(&it.object) {
            self.env.eval(&it.object)
        } else {
            Val::Unknown
        };
        if let Val::Global(g) = &obj {
            let prop = it.property.name.as_str();
            let full = if g == "globalThis" {
                prop.to_string()
            } else {
                format!("{g}.{prop}")
            };
            self.on_global_read(&full, it.span.start);
        }
        if obj == Val::Loader
            && let Some(m) = super::value::loader_decoded(it.property.name.as_str())
        {
            self.sig(
                Kind::HiddenModuleName,
                it.span.start,
                format!(
                    "`{m}` loaded through a lazy-require Proxy as `{}`",
                    it.property.name
                ),
            );
            self.module_capability(&m, it.span.start);
        }
        self.load_member(it);
        self.behaviour_member(it);
        walk::walk_static_member_expression(self, it);
    }

    fn visit_computed_member_expression(&mut self, it: &ComputedMemberExpression<'a>) {
        if self.env.worth_eval(&it.object)
            && let Val::Global(g) = self.env.eval(&it.object)
            && let Val::Str(prop) = self.env.eval(&it.expression)
        {
            let full = if g == "globalThis" {
                prop
            } else {
                format!("{g}.{prop}")
            };
            self.on_global_read(&full, it.span.start);
        }
        walk::walk_computed_member_expression(self, it);
    }

    fn visit_import_declaration(&mut self, it: &ImportDeclaration<'a>) {
        self.esm_edge(&it.source.value);
        self.bind_import(it);
        // Bindings of node modules also declare the capability (`import cp from 'child_process'`).
        let m = module_name(&it.source.value);
        if !it.source.value.starts_with('.') && it.specifiers.is_some() {
            self.module_capability(&m, it.span.start);
            if m == "child_process" || SPAWN_MODULES.contains(&m.as_str()) {
                self.sig(Kind::Spawn, it.span.start, format!("import '{m}'"));
            }
        }
        walk::walk_import_declaration(self, it);
    }

    fn visit_export_default_declaration(&mut self, it: &ExportDefaultDeclaration<'a>) {
        self.load_export_default(it);
        walk::walk_export_default_declaration(self, it);
    }

    fn visit_export_named_declaration(&mut self, it: &ExportNamedDeclaration<'a>) {
        self.load_export_named(it);
        walk::walk_export_named_declaration(self, it);
    }

    fn visit_export_declaration(&mut self, it: &ExportDeclaration<'a>) {
        self.load_export_decl(it);
        walk::walk_export_declaration(self, it);
    }

    fn visit_export_all_declaration(&mut self, it: &ExportAllDeclaration<'a>) {
        self.esm_edge(&it.source.value);
        walk::walk_export_all_declaration(self, it);
    }

    fn visit_export_from_declaration(&mut self, it: &ExportFromDeclaration<'a>) {
        self.esm_edge(&it.source.value);
        walk::walk_export_from_declaration(self, it);
    }

    fn visit_import_expression(&mut self, it: &ImportExpression<'a>) {
        if let Expression::StringLiteral(s) = &it.source {
            self.esm_edge(&s.value);
        }
        // `import('data:text/javascript;base64,…')` evaluates the URL's body as a module: code
        // evaluation without eval/Function/vm, the body often assembled from array parts.
        if let Val::Str(url) = self.env.eval(&it.source) {
            let head = url
                .get(..url.len().min(64))
                .unwrap_or("")
                .to_ascii_lowercase();
            let mime = head
                .strip_prefix("data:")
                .map(|rest| rest.split([';', ',']).next().unwrap_or(""));
            if mime.is_some_and(|m| {
                m.is_empty() || m.contains("javascript") || m.contains("ecmascript")
            }) {
                let span = it.span.start;
                self.sig(Kind::DynamicCode, span, "import() of a data: URL");
                if head.contains(";base64,") {
                    self.sig(
                        Kind::DecodeExec,
                        span,
                        "import() of a base64 data: URL (decoded, then run as a module)",
                    );
                }
            }
        }
        walk::walk_import_expression(self, it);
    }

    fn visit_string_literal(&mut self, it: &StringLiteral<'a>) {
        self.string_value(it.value.as_str(), it.span.start, true);
    }

    fn visit_template_literal(&mut self, it: &TemplateLiteral<'a>) {
        for q in &it.quasis {
            if let Some(c) = &q.value.cooked {
                self.string_value(c.as_str(), q.span.start, true);
            }
        }
        if !it.expressions.is_empty()
            && let Val::Str(s) = self.env.template(it, 0)
        {
            self.string_value(&s, it.span.start, false);
        }
        walk::walk_template_literal(self, it);
    }

    fn visit_reg_exp_literal(&mut self, it: &RegExpLiteral<'a>) {
        let pat = it.regex.pattern.text.as_str();
        // `/card|cc-|cvc|cvv|exp/i` tested on a field's name: picking payment fields.
        let lower = pat.to_ascii_lowercase();
        if pat.contains('|')
            && ["cvv", "cvc", "card", "cc-num", "ccnum", "cc-"]
                .iter()
                .filter(|k| lower.contains(*k))
                .count()
                >= 2
        {
            self.sig(
                Kind::SensitiveField,
                it.span.start,
                "payment-field name pattern",
            );
        }
        text::scan_regex(
            pat,
            self.line(it.span.start),
            self.func(),
            &mut self.out.signals,
        );
    }

    fn visit_binary_expression(&mut self, it: &BinaryExpression<'a>) {
        let span = it.span.start;
        self.load_compare(it);
        self.behaviour_compare(it);
        match it.operator {
            BinaryOperator::Addition if self.plus_depth == 0 => {
                if let Val::Str(s) = self.env.binary(it, 0) {
                    self.string_value(&s, span, false);
                }
            }
            BinaryOperator::BitwiseXOR => {
                for side in [&it.left, &it.right] {
                    if let Val::Num(n) = self.env.eval(side)
                        && (1.0..=0xffff as f64).contains(&n)
                        && n.fract() == 0.0
                    {
                        self.xor_keys.insert(n as u32);
                    }
                }
                if self.char_code > 0 {
                    self.sig(
                        Kind::CharCodeDecoder,
                        span,
                        "String.fromCharCode of XOR-ed codes",
                    );
                }
            }
            BinaryOperator::Equality
            | BinaryOperator::StrictEquality
            | BinaryOperator::Inequality
            | BinaryOperator::StrictInequality
            | BinaryOperator::LessThan
            | BinaryOperator::LessEqualThan
            | BinaryOperator::GreaterThan
            | BinaryOperator::GreaterEqualThan => {
                self.gate_comparison(it);
                self.password_type_check(it);
            }
            BinaryOperator::Subtraction => {
                if !self.env.worth_eval(&it.left) || !self.env.worth_eval(&it.right) {
                    walk::walk_binary_expression(self, it);
                    return;
                }
                let l = self.env.eval(&it.left);
                let r = self.env.eval(&it.right);
                let dims = |v: &Val, a: &str| matches!(v, Val::Global(g) if g == a);
                if dims(&l, "outerWidth") && dims(&r, "innerWidth")
                    || dims(&l, "outerHeight") && dims(&r, "innerHeight")
                {
                    self.sig(
                        Kind::DevtoolsGate,
                        span,
                        "outer/inner window size difference (devtools open)",
                    );
                }
            }
            _ => {}
        }
        let plus = it.operator == BinaryOperator::Addition;
        if plus {
            self.plus_depth += 1;
        }
        walk::walk_binary_expression(self, it);
        if plus {
            self.plus_depth -= 1;
        }
    }

    fn visit_array_expression(&mut self, it: &ArrayExpression<'a>) {
        if it.elements.len() >= 4 && it.elements.len() <= 100_000 {
            let nums: Option<Vec<f64>> = it
                .elements
                .iter()
                .map(|e| match e.as_expression() {
                    Some(Expression::NumericLiteral(n))
                        if n.value >= 0.0 && n.value <= 0xffff as f64 =>
                    {
                        Some(n.value)
                    }
                    _ => None,
                })
                .collect();
            if let Some(nums) = nums {
                self.num_arrays.push((it.span.start, self.func(), nums));
            }
        }
        let table = data_list::is_host_array(it);
        self.host_tables += u32::from(table);
        walk::walk_array_expression(self, it);
        self.host_tables -= u32::from(table);
    }

    fn visit_debugger_statement(&mut self, it: &DebuggerStatement) {
        // A `debugger` statement in shipped code pauses whoever opens the devtools: an
        // anti-analysis trap when it sits in a timer or loop.
        if self.func() != 0 {
            self.sig(Kind::DevtoolsGate, it.span.start, "debugger statement");
        }
    }

    fn visit_labeled_statement(&mut self, it: &LabeledStatement<'a>) {
        let at = match &it.body {
            Statement::WhileStatement(s) => Some(s.span.start),
            Statement::DoWhileStatement(s) => Some(s.span.start),
            Statement::ForStatement(s) => Some(s.span.start),
            _ => None,
        };
        if let Some(at) = at {
            self.load.loop_label = Some((at, it.label.name.to_string()));
        }
        walk::walk_labeled_statement(self, it);
    }

    fn visit_while_statement(&mut self, it: &WhileStatement<'a>) {
        let forever = load_time::always_true(&it.test) || is_not_not_array(&it.test);
        self.load_loop(&it.body, it.span.start, forever);
        if forever && flattened(&it.body) {
            self.sig(
                Kind::ControlFlowFlattening,
                it.span.start,
                "while (true) switch (order[i++]) dispatcher",
            );
        }
        walk::walk_while_statement(self, it);
    }

    fn visit_do_while_statement(&mut self, it: &DoWhileStatement<'a>) {
        let forever = load_time::always_true(&it.test);
        self.load_loop(&it.body, it.span.start, forever);
        walk::walk_do_while_statement(self, it);
    }

    fn visit_for_statement(&mut self, it: &ForStatement<'a>) {
        if it.test.as_ref().is_none_or(load_time::always_true) {
            self.load_loop(&it.body, it.span.start, true);
            if flattened(&it.body) {
                self.sig(
                    Kind::ControlFlowFlattening,
                    it.span.start,
                    "for (;;) switch (order[i++]) dispatcher",
                );
            }
        } else if load_time::counter_never_ends(it) {
            self.load_loop(&it.body, it.span.start, true);
        }
        walk::walk_for_statement(self, it);
    }
}

impl Walker<'_> {
    /// Comparisons that test for an analysis environment: the page's host against
    /// `localhost`, the CPU count or memory against a small number (sandbox VMs), the date
    /// against a fixed instant (time bombs).
    fn gate_comparison(&mut self, it: &BinaryExpression<'_>) {
        let span = it.span.start;
        let side = |e: &Expression<'_>| -> Val {
            if self.env.worth_eval(e) {
                self.env.eval(e)
            } else {
                Val::Unknown
            }
        };
        let (l, r) = (side(&it.left), side(&it.right));
        let host = |v: &Val| matches!(v, Val::Global(g) if matches!(g.as_str(), "location.hostname" | "location.host" | "location.origin" | "document.domain" | "location.href"));
        let local = |v: &Val| {
            v.as_str().is_some_and(|s| {
                s.contains("localhost") || s.contains("127.0.0.1") || s == "0.0.0.0"
            })
        };
        if host(&l) && local(&r) || host(&r) && local(&l) {
            self.sig(Kind::SandboxGate, span, "page host compared with localhost");
            return;
        }
        let small_machine = |e: &Expression<'_>| match e.without_parentheses() {
            Expression::StaticMemberExpression(m) if m.property.name == "length" => {
                matches!(&m.object, Expression::CallExpression(c) if matches!(side(&c.callee), Val::Module(ref md, ref p) if md == "os" && p == "cpus"))
            }
            Expression::CallExpression(c) => {
                matches!(side(&c.callee), Val::Module(ref md, ref p) if md == "os" && (p == "totalmem" || p == "uptime"))
            }
            _ => false,
        };
        if (small_machine(&it.left) && matches!(r, Val::Num(_)))
            || (small_machine(&it.right) && matches!(l, Val::Num(_)))
        {
            self.sig(
                Kind::SandboxGate,
                span,
                "CPU count, memory or uptime compared (sandbox check)",
            );
            return;
        }
        let now = |e: &Expression<'_>| match e.without_parentheses() {
            Expression::CallExpression(c) => {
                matches!(side(&c.callee), Val::Global(ref g) if g == "Date.now")
            }
            Expression::NewExpression(n) => {
                n.arguments.is_empty()
                    && matches!(side(&n.callee), Val::Global(ref g) if g == "Date")
            }
            _ => false,
        };
        let instant = |v: &Val| matches!(v, Val::Num(n) if *n > 1.0e12);
        if now(&it.left) && instant(&r) || now(&it.right) && instant(&l) {
            self.sig(
                Kind::TimeGate,
                span,
                "current time compared with a fixed date",
            );
        }
    }
}

/// `!![]`: obfuscator.io's `true`.
fn is_not_not_array(e: &Expression<'_>) -> bool {
    matches!(e, Expression::UnaryExpression(u) if u.operator == oxc_syntax::operator::UnaryOperator::LogicalNot
        && matches!(&u.argument, Expression::UnaryExpression(v) if v.operator == oxc_syntax::operator::UnaryOperator::LogicalNot
            && matches!(&v.argument, Expression::ArrayExpression(a) if a.elements.is_empty())))
}

/// A loop body that dispatches on `order[i++]` with a `switch` (control-flow flattening).
fn flattened(body: &Statement<'_>) -> bool {
    let stmts: &[Statement<'_>] = match body {
        Statement::BlockStatement(b) => &b.body,
        other => std::slice::from_ref(other),
    };
    stmts.iter().any(|s| {
        matches!(s, Statement::SwitchStatement(sw)
            if sw.cases.len() >= 3
                && matches!(&sw.discriminant, Expression::ComputedMemberExpression(m)
                    if matches!(&m.expression, Expression::UpdateExpression(_))))
    })
}

impl<'s> Walker<'s> {
    /// The call-expression analysis proper (see `visit_call_expression`).
    fn call_expression<'a>(&mut self, it: &CallExpression<'a>) {
        self.iife_aliases(it);
        self.any_receiver_method(it);
        if let Some(m) = it.callee.as_member_expression()
            && let Some(method) = m.static_property_name()
        {
            self.wallet_call(method, it);
        }
        self.behaviour_route(it);
        self.behaviour_path(it);
        self.behaviour_net_call(it);

        if !self.env.worth_eval(&it.callee) {
            self.load_call(it, None);
            // `ws.on('message', cb)` on a local bound to a connection: a network callback.
            let cb = u32::from(self.on_net_message(it));
            self.net_cb += cb;
            walk::walk_call_expression(self, it);
            self.net_cb -= cb;
            return;
        }
        let callee = self.env.eval(&it.callee);
        self.load_call(it, Some(&callee));
        let span = it.span.start;
        if Env::is_require(&callee) {
            self.on_require(&callee, it);
        }
        if let Some(m) = it.callee.as_member_expression()
            && let Some(method) = self.env.property_name(m, 0)
        {
            self.on_method(&method, m, it);
        }

        let network = self.on_call(&callee, &it.arguments, span, false);
        self.indirect_call(it, span);
        self.function_built_code(it);
        // obfuscator.io's call proxies: `d['xYz'](exec, cmd)` is `exec(cmd)`.
        if self.env.is_call_proxy(&callee)
            && let Some((first, rest)) = it.arguments.split_first()
            && let Some(real) = first.as_expression()
        {
            let real = self.env.eval(real);
            self.on_call(&real, rest, span, false);
        }
        let then_on_network = it.callee.as_member_expression().is_some_and(|m| {
            matches!(m.static_property_name(), Some("then" | "on" | "once"))
                && chain_has_network(&self.env, m.object())
        }) || self.on_net_message(it);
        let is_fcc = callee.name().as_deref() == Some("String.fromCharCode");
        let cb = network || then_on_network;
        let loader = cb && fetch_of_unknown_url(&self.env, it);
        if cb {
            self.net_cb += 1;
        }
        self.loader_cb += u32::from(loader);
        if is_fcc {
            self.char_code += 1;
        }
        let spawning = Self::call_kinds(&callee).contains(&Kind::Spawn);
        let serialising = matches!(
            callee.name().as_deref(),
            Some("JSON.stringify" | "querystring.stringify" | "qs.stringify")
        );
        if spawning {
            self.spawn_args += 1;
        }
        if serialising {
            self.json_args += 1;
        }
        walk::walk_call_expression(self, it);
        if serialising {
            self.json_args -= 1;
        }
        if spawning {
            self.spawn_args -= 1;
        }
        if is_fcc {
            self.char_code -= 1;
        }
        if cb {
            self.net_cb -= 1;
        }
        self.loader_cb -= u32::from(loader);
    }
}

impl Walker<'_> {
    /// `Reflect.apply(f, this, [a])`, `f.call(this, a)`, `f.apply(this, [a])` with `f` a value
    /// the folder knows (a module member, a global, `require`): the call `f(a)`, so a table of
    /// `[member, module]` pairs resolved through `Reflect.apply(Module.prototype.require, …)`
    /// is seen like `require('dns').lookup(name)`.
    fn indirect_call(&mut self, it: &CallExpression<'_>, span: u32) {
        let Some((f, this_at, spread)) = self.env.indirect_parts(it, 0) else {
            return;
        };
        let f = self.env.eval(f);
        let alloc = oxc_allocator::Allocator::default();
        let cloned;
        let args: &[Argument<'_>] = if spread {
            match super::spread_args(&alloc, it, this_at + 1) {
                Some(a) => {
                    cloned = a;
                    &cloned
                }
                None => return,
            }
        } else {
            it.arguments.get(this_at + 1..).unwrap_or(&[])
        };
        if Env::is_require(&f) {
            if let Some(Val::Str(spec)) = args
                .first()
                .and_then(|a| a.as_expression())
                .map(|e| self.env.eval(e))
            {
                let m = module_name(&spec);
                // `module.require.call(module, 'fs')` (bundlers' way past static analysis of
                // their own) is plain; a name built at run time, or `require` taken from
                // `Module.prototype`, hides the module.
                let literal = matches!(
                    args.first().and_then(|a| a.as_expression()),
                    Some(Expression::StringLiteral(_))
                );
                let via_prototype = match &f {
                    Val::Global(g) => g.contains("prototype") || g.contains("constructor"),
                    Val::Module(_, p) => p.contains("prototype"),
                    _ => false,
                };
                if !literal || via_prototype {
                    self.sig(
                        Kind::HiddenModuleName,
                        span,
                        format!("require('{m}') reached through an indirect call"),
                    );
                }
                self.module_capability(&m, span);
            }
            return;
        }
        self.on_call(&f, args, span, false);
    }

    /// `Function('r', code)(require)` (or `eval(code)`) where the code is built at run time —
    /// char codes, JSFuck character tables, joined pieces — and the folder computes it: the
    /// code is analysed like the package's own, with the parameters the immediate call binds
    /// to `require` kept as `require`.
    fn function_built_code(&mut self, it: &CallExpression<'_>) {
        let inner = match it.callee.without_parentheses() {
            Expression::CallExpression(c) => Some(c),
            _ => None,
        };
        let (target, outer_args) = match inner {
            Some(c) => (&**c, Some(&it.arguments)),
            None => (it, None),
        };
        if target.arguments.is_empty() || target.arguments.len() > 16 {
            return;
        }
        let last = target.arguments.last().and_then(|a| a.as_expression());
        // Code written as a literal is searched as text already; only built code is decoded.
        if matches!(
            last.map(|e| e.without_parentheses()),
            None | Some(Expression::StringLiteral(_) | Expression::Identifier(_))
        ) || !self.env.worth_eval(&target.callee)
        {
            return;
        }
        let callee = self.env.eval(&target.callee);
        let name = callee.name().unwrap_or_default();
        if !matches!(name.as_str(), "Function" | "eval")
            || (outer_args.is_none() && name == "Function")
        {
            return;
        }
        // Code generators (schema compilers, routers) build code with templates and call
        // `Function` by name; only code decoded at run time, or a `Function` reached through a
        // computed path (`[]['filter']['constructor']`), is hidden code.
        let plain = match target.callee.without_parentheses() {
            Expression::Identifier(_) => true,
            Expression::StaticMemberExpression(m) => {
                matches!(m.object.without_parentheses(), Expression::Identifier(_))
            }
            _ => false,
        };
        if plain && !last.is_some_and(|e| self.env.is_decoded(e)) {
            return;
        }
        let vals: Vec<Val> = target
            .arguments
            .iter()
            .map(|a| a.as_expression().map_or(Val::Unknown, |e| self.env.eval(e)))
            .collect();
        let Some((Val::Str(body), params)) = vals.split_last() else {
            return;
        };
        let mut code = String::new();
        for (i, p) in params.iter().enumerate() {
            let Some(p) = p.as_str() else {
                return;
            };
            let bound = outer_args
                .and_then(|a| a.get(i))
                .and_then(|a| a.as_expression())
                .is_some_and(|e| Env::is_require(&self.env.eval(e)));
            for name in p.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                if !name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
                {
                    return;
                }
                if bound {
                    code.push_str(&format!("var {name} = require;\n"));
                }
            }
        }
        code.push_str(body);
        self.decoded(&code, target.span.start, "code built at run time");
    }
}

/// EIP-1193 methods that sign or send a transaction (what a provider hook looks for).
const SIGNING_METHODS: &[&str] = &[
    "eth_sendTransaction",
    "eth_signTransaction",
    "eth_signTypedData",
    "personal_sign",
    "wallet_sendCalls",
];

/// EIP-1193 methods that move funds once the user confirms.
const SENDING_METHODS: &[&str] = &[
    "eth_sendTransaction",
    "eth_signTransaction",
    "wallet_sendCalls",
];

/// ERC-20/721 selectors that hand over tokens: `approve`, `transfer`, `transferFrom`,
/// `setApprovalForAll`, `increaseAllowance` (lower-case hex, no `0x`).
const FUNDS_SELECTORS: &[&str] = &["095ea7b3", "a9059cbb", "23b872dd", "a22cb465", "39509351"];

/// `new PublicKey('<base58>')` (or `new solana.PublicKey(…)`) with a literal of a Solana
/// address's length (32–44 letters and digits; placeholders outside base58 count too).
fn is_constant_sol_key(e: &Expression<'_>) -> bool {
    let Expression::NewExpression(n) = e.without_parentheses() else {
        return false;
    };
    let named = match n.callee.without_parentheses() {
        Expression::Identifier(id) => id.name == "PublicKey",
        Expression::StaticMemberExpression(m) => m.property.name == "PublicKey",
        _ => false,
    };
    named
        && n.arguments.len() == 1
        && matches!(n.arguments[0].as_expression().map(|e| e.without_parentheses()),
            Some(Expression::StringLiteral(l)) if (32..=44).contains(&l.value.len())
                && l.value.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Finds a hard-coded 20-byte hex address in an expression: a literal, or an identifier
/// (or member of a constant array) whose folded value is one.
struct AddressScan<'e, 's> {
    env: &'e Env<'s>,
    found: bool,
}

/// Finds a constant holding a maximal amount (`const MAX160 = '0xffff…'`, 32 or more `f`s).
struct MaxScan<'e, 's> {
    env: &'e Env<'s>,
    found: bool,
}

impl<'a> Visit<'a> for MaxScan<'_, '_> {
    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        if self.found || self.env.symbol_of(it).is_none() {
            return;
        }
        if let Val::Str(s) = self.env.ident(it) {
            let t = s.trim_start_matches("0x").to_ascii_lowercase();
            self.found |= t.len() >= 32 && t.bytes().all(|b| b == b'f');
        }
    }
}

/// A constant shaped like a 20-byte address: `0x` and 40 letters or digits, at most four of
/// them outside hex (a mistyped or placeholder recipient is still a hard-coded one; the wallet
/// rejects it only after the victim was prompted).
fn is_address_shaped(s: &str) -> bool {
    let Some(t) = s.strip_prefix("0x") else {
        return false;
    };
    t.len() == 40
        && t.bytes().all(|b| b.is_ascii_alphanumeric())
        && t.bytes().filter(|b| !b.is_ascii_hexdigit()).count() <= 4
        // The zero address (contract creation, burns) is nobody's wallet.
        && t.bytes().any(|b| b != b'0')
}

impl<'a> Visit<'a> for AddressScan<'_, '_> {
    fn visit_string_literal(&mut self, it: &StringLiteral<'a>) {
        self.found |= is_address_shaped(it.value.as_str());
    }

    /// A member of a constant configuration object (`CFG.receiver` with `var CFG = {
    /// receiver: '0x…' }`), folded by the evaluator.
    fn visit_expression(&mut self, it: &Expression<'a>) {
        if !self.found
            && matches!(it, Expression::StaticMemberExpression(_))
            && self.env.worth_eval(it)
            && let Val::Str(s) = self.env.eval(it)
        {
            self.found |= is_address_shaped(&s);
        }
        walk::walk_expression(self, it);
    }

    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        if self.found || self.env.symbol_of(it).is_none() {
            return;
        }
        match self.env.ident(it) {
            Val::Str(s) => self.found |= is_address_shaped(&s),
            Val::Arr(items) => {
                self.found |= items
                    .iter()
                    .any(|v| matches!(v, Val::Str(s) if is_address_shaped(s)));
            }
            _ => {}
        }
    }
}

/// The kind of place a written file runs from without anyone starting it, by its path (folded,
/// unknown parts empty): git hooks, shell start-up files, IDE tasks, CI workflows, scheduled
/// jobs and login items.
fn autorun_place(path: &str) -> Option<&'static str> {
    let p = path.replace('\\', "/").to_ascii_lowercase();
    let segs: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
    let last = segs.last().copied().unwrap_or("");
    const HOOKS: &[&str] = &[
        "pre-commit",
        "prepare-commit-msg",
        "commit-msg",
        "post-commit",
        "pre-push",
        "post-checkout",
        "post-merge",
        "pre-rebase",
        "post-rewrite",
        "pre-receive",
        "post-receive",
        "pre-applypatch",
        "post-applypatch",
    ];
    const RC: &[&str] = &[
        ".bashrc",
        ".zshrc",
        ".profile",
        ".bash_profile",
        ".bash_login",
        ".zprofile",
        ".zshenv",
        ".zlogin",
        "config.fish",
    ];
    if segs.iter().any(|s| matches!(*s, "hooks" | ".husky")) || HOOKS.contains(&last) {
        Some("a git hook")
    } else if RC.contains(&last) {
        Some("a shell start-up file")
    } else if p.contains(".vscode/tasks.json") || p.contains(".vscode/settings.json") {
        Some("an IDE task")
    } else if p.contains(".github/workflows") || last == ".gitlab-ci.yml" {
        Some("a CI workflow")
    } else if p.contains("crontab")
        || p.contains("launchagents")
        || p.contains("systemd/user")
        || p.contains(".config/autostart")
        || p.contains("/etc/cron")
    {
        Some("a scheduled job or login item")
    } else {
        None
    }
}

/// Callee names whose arguments a build tool turns into bundle code: Babel's `template`
/// (`template(src)`, `template.ast`, `.statement(s)`, `.expression`, `.program`, `.smart`),
/// `parse`-free path insertion (`replaceWithSourceString`), MagicString edits (`prepend`,
/// `append`, `appendLeft`/`Right`, `prependLeft`/`Right`, `overwrite`), Rollup's `emitFile`.
const EMIT_METHODS: &[&str] = &[
    "template",
    "ast",
    "statement",
    "statements",
    "expression",
    "program",
    "smart",
    "replaceWithSourceString",
    "prepend",
    "append",
    "appendLeft",
    "appendRight",
    "prependLeft",
    "prependRight",
    "overwrite",
    "emitFile",
];

/// Constructors whose arguments become bundle code: webpack-sources' `RawSource`,
/// `ConcatSource`, `OriginalSource`, `PrefixSource`, `ReplaceSource`, and `BannerPlugin`.
const EMIT_CONSTRUCTORS: &[&str] = &[
    "RawSource",
    "ConcatSource",
    "OriginalSource",
    "PrefixSource",
    "BannerPlugin",
];

/// Keys of an options object whose value becomes bundle code or an emitted file's content.
const EMIT_KEYS: &[&str] = &["source", "code", "banner", "footer", "intro", "outro"];

/// Reads that make emitted code's flow graph worth keeping (see [`Walker::emitted_code`]).
const EMITTED_READS: &[Kind] = &[
    Kind::CookieRead,
    Kind::StorageRead,
    Kind::FormHarvest,
    Kind::SensitiveField,
    Kind::ClipboardHook,
    Kind::EnvDump,
    Kind::EnvIterate,
    Kind::CredentialPath,
];

/// Most emitted-code strings analysed per program.
const MAX_EMITTED: u32 = 8;

/// Largest emitted-code string analysed.
const MAX_EMITTED_BYTES: usize = 256 * 1024;

/// The operands of a `+` chain (`code + RUNTIME + '\n'`), or the expression itself.
fn plus_operands<'a>(e: &'a Expression<'a>, out: &mut Vec<&'a Expression<'a>>) {
    match e.without_parentheses() {
        Expression::BinaryExpression(b)
            if b.operator == BinaryOperator::Addition && out.len() < 16 =>
        {
            plus_operands(&b.left, out);
            plus_operands(&b.right, out);
        }
        Expression::TemplateLiteral(t) if !t.expressions.is_empty() => {
            out.extend(t.expressions.iter().take(16));
        }
        other => out.push(other),
    }
}

/// A value assembled from parts (`code + X`, `` `${X}${code}` ``): a transform's output
/// joining the module's code with text of the plugin's own.
fn is_assembled(e: &Expression<'_>) -> bool {
    matches!(e.without_parentheses(),
        Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition)
        || matches!(e.without_parentheses(), Expression::TemplateLiteral(t) if !t.expressions.is_empty())
}

/// The arguments of a call that emits code into a bundle: each argument, or for an object
/// argument (`emitFile({ type: 'asset', source })`, `new BannerPlugin({ banner })`) the
/// values of its code-carrying keys ([`EMIT_KEYS`]).
fn emitted_args<'b, 'a>(arguments: &'b [Argument<'a>]) -> Vec<&'b Expression<'a>> {
    arguments
        .iter()
        .filter_map(|a| a.as_expression())
        .flat_map(|e| match e.without_parentheses() {
            Expression::ObjectExpression(o) => o
                .properties
                .iter()
                .filter_map(|p| match p {
                    ObjectPropertyKind::ObjectProperty(p)
                        if p.key
                            .static_name()
                            .is_some_and(|k| EMIT_KEYS.contains(&k.as_ref())) =>
                    {
                        Some(&p.value)
                    }
                    _ => None,
                })
                .collect::<Vec<_>>(),
            e => vec![e],
        })
        .collect()
}
