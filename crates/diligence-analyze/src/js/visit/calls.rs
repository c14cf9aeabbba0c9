//! Call classification tables (which module members are network, spawn, filesystem…), the
//! per-call hooks of [`Walker`] and small AST helpers.

use super::*;

pub(in crate::js) const NET_MODULES: &[&str] = &[
    "http",
    "https",
    "http2",
    "net",
    "tls",
    "dgram",
    "dns",
    "axios",
    "node-fetch",
    "got",
    "request",
    "undici",
    "ws",
    "needle",
    "superagent",
    "phin",
    "cross-fetch",
    "isomorphic-fetch",
    "socket.io-client",
    "ky",
];
pub(in crate::js) const SPAWN_MODULES: &[&str] =
    &["child_process", "execa", "cross-spawn", "shelljs"];
pub(in crate::js) const FS_READ: &[&str] = &[
    "readFile",
    "readFileSync",
    "createReadStream",
    "readdir",
    "readdirSync",
    "opendir",
    "opendirSync",
    "readJson",
    "readJsonSync",
];
pub(in crate::js) const FS_WRITE: &[&str] = &[
    "writeFile",
    "writeFileSync",
    "appendFile",
    "appendFileSync",
    "createWriteStream",
    "copyFile",
    "copyFileSync",
    "rename",
    "renameSync",
    "outputFile",
    "outputFileSync",
    "writeJson",
    "writeJsonSync",
    "cp",
    "cpSync",
];
pub(in crate::js) const FS_DELETE: &[&str] = &[
    "rm",
    "rmSync",
    "rmdir",
    "rmdirSync",
    "unlink",
    "unlinkSync",
    "remove",
    "removeSync",
    "emptyDir",
    "emptyDirSync",
];
pub(super) const FS_CHMOD: &[&str] = &["chmod", "chmodSync", "fchmod", "fchmodSync"];
pub(super) const OS_INFO: &[&str] = &[
    "hostname",
    "userInfo",
    "networkInterfaces",
    "homedir",
    "cpus",
    "type",
    "release",
    "arch",
    "platform",
    "totalmem",
    "version",
    "machine",
];
/// Decoded strings that name something worth hiding.
pub(super) const HIDDEN_NAMES: &[&str] = &[
    "child_process",
    "http",
    "https",
    "net",
    "dgram",
    "dns",
    "fs",
    "os",
    "vm",
    "eval",
    "Function",
    "constructor",
    "require",
    "exec",
    "execSync",
    "spawn",
    "spawnSync",
    "writeFileSync",
    "readFileSync",
    "process",
];
/// Object keys that describe the machine or user: an env copy next to them is a report.
pub(super) const HOST_KEYS: &[&str] = &[
    "host",
    "hostname",
    "user",
    "username",
    "whoami",
    "platform",
    "arch",
    "ip",
    "ips",
    "os",
    "machine",
    "uid",
    "cwd",
    "node",
    "release",
    "interfaces",
];
pub(in crate::js) const SPAWN_OPTION_KEYS: &[&str] = &[
    "stdio",
    "shell",
    "detached",
    "windowsHide",
    "timeout",
    "encoding",
    "maxBuffer",
    "killSignal",
    "uid",
    "gid",
    "argv0",
    "execArgv",
    "execPath",
    "silent",
    "serialization",
];

impl Walker<'_> {
    pub(super) fn on_require(&mut self, callee: &Val, it: &CallExpression<'_>) {
        let span = it.span.start;
        let arg = it.arguments.first().and_then(|a| a.as_expression());
        let literal = matches!(arg, Some(Expression::StringLiteral(_)));
        let value = arg.map(|e| self.env.eval(e));
        let plain = matches!(&it.callee, Expression::Identifier(id) if id.name == "require");
        if let Val::Global(g) = callee
            && !plain
            && (g.contains("constructor") || g.contains("prototype") || g.contains("_load"))
        {
            self.sig(
                Kind::HiddenModuleName,
                span,
                format!("require reached through `{g}`"),
            );
        }
        match value {
            Some(Val::Str(spec)) => {
                let m = module_name(&spec);
                if spec.starts_with('.') {
                    self.out.requires.push(spec.clone());
                }
                if !literal && !plain && HIDDEN_NAMES.contains(&m.as_str()) {
                    self.sig(
                        Kind::HiddenModuleName,
                        span,
                        format!("`{m}` built at run time"),
                    );
                }
                self.module_capability(&m, span);
                if m == "child_process" || SPAWN_MODULES.contains(&m.as_str()) {
                    self.sig(Kind::Spawn, span, format!("require('{m}')"));
                }
            }
            // `require(`${dir}/package.json`)` parses JSON: nothing runs.
            _ if arg.is_some_and(super::super::json_module_path) => {}
            _ => self.sig(Kind::DynamicCode, span, "require of a computed path"),
        }
    }

    pub(super) fn on_method(
        &mut self,
        method: &str,
        m: &MemberExpression<'_>,
        it: &CallExpression<'_>,
    ) {
        let span = it.span.start;
        // `arr.push(arr.shift())`: the string-array rotation of javascript-obfuscator.
        if method == "push"
            && let Some(Expression::CallExpression(inner)) =
                it.arguments.first().and_then(|a| a.as_expression())
            && let Some(im) = inner.callee.as_member_expression()
            && self.env.property_name(im, 0).as_deref() == Some("shift")
            && same_ident(m.object(), im.object())
        {
            self.sig(
                Kind::StringArrayRotation,
                span,
                "array.push(array.shift()) rotation",
            );
        }
        if method == "_compile" {
            self.sig(Kind::DynamicCode, span, "module._compile");
            if it
                .arguments
                .iter()
                .any(|a| a.as_expression().is_some_and(|e| self.env.is_decoded(e)))
            {
                self.sig(
                    Kind::DecodeExec,
                    span,
                    "decoded data passed to module._compile",
                );
            }
        }
    }

    pub(super) fn on_global_read(&mut self, full: &str, span: u32) {
        match full {
            "document.cookie" => self.sig(Kind::CookieRead, span, full),
            "document.forms" => self.sig(Kind::FormHarvest, span, full),
            "localStorage" | "sessionStorage" => self.sig(Kind::StorageRead, span, full),
            "process.env.CI"
            | "process.env.CONTINUOUS_INTEGRATION"
            | "process.env.GITHUB_ACTIONS"
            | "process.env.BUILDKITE"
            | "process.env.GITLAB_CI" => {
                self.sig(Kind::CiGate, span, full);
                self.sig(Kind::EnvRead, span, full);
            }
            "process.env.NPM_TOKEN"
            | "process.env.NODE_AUTH_TOKEN"
            | "process.env.npm_config__authToken" => {
                self.sig(Kind::NpmToken, span, full);
                self.sig(Kind::EnvRead, span, full);
            }
            "process.env.LANG"
            | "process.env.LC_ALL"
            | "process.env.LANGUAGE"
            | "process.env.TZ" => {
                self.sig(Kind::LocaleGate, span, full);
                self.sig(Kind::EnvRead, span, full);
            }
            "navigator.language" | "navigator.languages" | "navigator.userLanguage" => {
                self.sig(Kind::LocaleGate, span, full)
            }
            f if f.starts_with("process.env.") => self.sig(Kind::EnvRead, span, full),
            _ => {}
        }
    }
}

/// `{ recursive: true }` (the option of `fs.rm`/`fs.rmdir` that deletes a whole tree).
pub(super) fn recursive_option(a: &Argument<'_>) -> bool {
    matches!(a.as_expression(), Some(Expression::ObjectExpression(o)) if o.properties.iter().any(|p| matches!(p,
        ObjectPropertyKind::ObjectProperty(p) if p.key.static_name().as_deref() == Some("recursive")
            && matches!(&p.value, Expression::BooleanLiteral(b) if b.value))))
}

/// Detail of a detached spawn: `detached child process`, then `, stdio ignored` (`stdio:
/// 'ignore'` or all-`'ignore'` array), `, hidden window` (`windowsHide: true`) and the program
/// when it is known (a constant, or `process.execPath`: Node itself).
pub(super) fn detached_detail(o: &ObjectExpression<'_>, program: Option<&Val>) -> String {
    let mut d = String::from("detached child process");
    let prop = |name: &str| {
        o.properties.iter().find_map(|p| match p {
            ObjectPropertyKind::ObjectProperty(p)
                if p.key.static_name().as_deref() == Some(name) =>
            {
                Some(&p.value)
            }
            _ => None,
        })
    };
    let ignore =
        |e: &Expression<'_>| matches!(e, Expression::StringLiteral(s) if s.value == "ignore");
    match prop("stdio") {
        Some(e) if ignore(e) => d.push_str(", stdio ignored"),
        Some(Expression::ArrayExpression(a))
            if !a.elements.is_empty()
                && a.elements
                    .iter()
                    .all(|x| x.as_expression().is_some_and(ignore)) =>
        {
            d.push_str(", stdio ignored")
        }
        _ => {}
    }
    if matches!(prop("windowsHide"), Some(Expression::BooleanLiteral(b)) if b.value) {
        d.push_str(", hidden window");
    }
    match program {
        Some(Val::Str(p)) => d.push_str(&format!(", program `{}`", truncate(p, 80))),
        Some(Val::Global(g)) if g == "process.execPath" || g == "process.argv0" => {
            d.push_str(", program `node` (process.execPath)")
        }
        _ => {}
    }
    d
}

pub(super) fn same_ident(a: &Expression<'_>, b: &Expression<'_>) -> bool {
    match (a, b) {
        (Expression::Identifier(x), Expression::Identifier(y)) => x.name == y.name,
        _ => false,
    }
}

/// True when the object of a `.then`/`.on` call is (a chain on) a network call.
pub(super) fn chain_has_network(env: &Env<'_>, mut e: &Expression<'_>) -> bool {
    for _ in 0..8 {
        let Expression::CallExpression(c) = e else {
            return false;
        };
        let callee = env.eval(&c.callee);
        if Walker::call_kinds(&callee).contains(&Kind::Network) {
            return true;
        }
        let Some(m) = c.callee.as_member_expression() else {
            return false;
        };
        e = m.object();
    }
    false
}

/// True for a logging call (`console.log`, `logger.warn`, `log.info`…): its literal arguments
/// are messages for a person (`You'll get a random *.trycloudflare.com URL`), not addresses.
pub(super) fn is_logger(call: &CallExpression<'_>) -> bool {
    let Some(m) = call.callee.as_member_expression() else {
        return false;
    };
    matches!(
        m.static_property_name(),
        Some("log" | "info" | "warn" | "error" | "debug" | "trace")
    )
}

/// True when the network call at the root of `call` (itself, or the head of its
/// `.then(…)` chain) is the browser `fetch` of a URL that is not a constant (a parameter): what
/// script loaders do with the module paths they are asked to load.
pub(super) fn fetch_of_unknown_url(env: &Env<'_>, call: &CallExpression<'_>) -> bool {
    let mut c = call;
    for _ in 0..8 {
        let callee = env.eval(&c.callee);
        if Walker::call_kinds(&callee).contains(&Kind::Network) {
            let Some(url) = c.arguments.first().and_then(|a| a.as_expression()) else {
                return false;
            };
            return callee.name().as_deref() == Some("fetch")
                && matches!(url, Expression::Identifier(_))
                && env.eval(url) == Val::Unknown;
        }
        let Some(Expression::CallExpression(inner)) =
            c.callee.as_member_expression().map(|m| m.object())
        else {
            return false;
        };
        c = inner;
    }
    false
}

pub(in crate::js) fn module_call_kinds(m: &str, p: &str) -> Vec<Kind> {
    let last = p.rsplit('.').next().unwrap_or(p);
    if NET_MODULES.contains(&m) {
        return vec![Kind::Network];
    }
    if SPAWN_MODULES.contains(&m) {
        return vec![Kind::Spawn];
    }
    match m {
        // Recursive deletion libraries.
        "rimraf" | "del" => vec![Kind::FsWrite, Kind::DestructiveFs],
        // An SMTP transport sends mail: a network capability.
        "nodemailer" if last == "createTransport" => vec![Kind::Network],
        "fs" if FS_READ.contains(&last) => vec![Kind::FsRead],
        "fs" if FS_WRITE.contains(&last) => vec![Kind::FsWrite],
        "fs" if FS_DELETE.contains(&last) => vec![Kind::FsWrite, Kind::DestructiveFs],
        "fs" if FS_CHMOD.contains(&last) => vec![Kind::FsChmod],
        "vm" if !p.is_empty() => vec![Kind::DynamicCode],
        "crypto" if last.starts_with("createDecipher") => vec![Kind::Decipher],
        "os" if OS_INFO.contains(&last) => vec![Kind::OsInfo],
        "module" if last == "_compile" => vec![Kind::DynamicCode],
        _ if last == "_compile" => vec![Kind::DynamicCode],
        _ => Vec::new(),
    }
}

pub(in crate::js) fn global_call_kinds(g: &str) -> Vec<Kind> {
    match g {
        "eval" | "Function" => vec![Kind::DynamicCode],
        "fetch" | "XMLHttpRequest" | "WebSocket" | "EventSource" | "importScripts" => {
            vec![Kind::Network]
        }
        // WebRTC and WebTransport: data channels and datagrams leave the page outside
        // fetch/XHR (and CSP `connect-src` for ICE relays).
        "RTCPeerConnection" | "webkitRTCPeerConnection" | "WebTransport" => vec![Kind::Network],
        "navigator.sendBeacon" => vec![Kind::Network, Kind::BrowserSend],
        "Bun.spawn" | "Bun.spawnSync" | "Deno.run" | "Deno.Command" => vec![Kind::Spawn],
        // WebCrypto in pages and workers.
        "crypto.subtle.decrypt" => vec![Kind::Decipher],
        _ if g.ends_with("._compile") => vec![Kind::DynamicCode],
        _ if g.starts_with("process.env.") => Vec::new(),
        _ => Vec::new(),
    }
}

/// True when a loop body can leave the loop (break, return, throw, await, yield, or a
/// `continue` to an enclosing loop's label: js_of_ocaml output such as prettier 2's
/// `parser-flow.js` leaves its inner `for (;;)` with `continue r`).
#[derive(Default)]
pub(super) struct Exit {
    pub(super) exits: bool,
    pub(super) console: bool,
    /// The loop's own label (`a: for (;;) { continue a }` does not leave it).
    pub(super) own: Option<String>,
    /// Labels declared inside the body, innermost last.
    pub(super) inner: Vec<String>,
}

impl<'a> Visit<'a> for Exit {
    fn visit_break_statement(&mut self, _: &BreakStatement<'a>) {
        self.exits = true;
    }
    fn visit_continue_statement(&mut self, it: &ContinueStatement<'a>) {
        if let Some(l) = &it.label {
            let name = l.name.as_str();
            self.exits |=
                self.own.as_deref() != Some(name) && !self.inner.iter().any(|i| i == name);
        }
    }
    fn visit_labeled_statement(&mut self, it: &LabeledStatement<'a>) {
        self.inner.push(it.label.name.to_string());
        walk::walk_labeled_statement(self, it);
        self.inner.pop();
    }
    fn visit_return_statement(&mut self, _: &ReturnStatement<'a>) {
        self.exits = true;
    }
    fn visit_throw_statement(&mut self, _: &ThrowStatement<'a>) {
        self.exits = true;
    }
    fn visit_await_expression(&mut self, _: &AwaitExpression<'a>) {
        self.exits = true;
    }
    fn visit_yield_expression(&mut self, _: &YieldExpression<'a>) {
        self.exits = true;
    }
    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if let Some(m) = it.callee.as_member_expression()
            && let Expression::Identifier(o) = m.object()
            && (o.name == "console"
                || o.name == "process" && m.static_property_name() == Some("exit"))
        {
            self.console |= o.name == "console";
            self.exits |= o.name == "process";
        }
        // `process.stdout.write(…)`, `process.stderr.write(…)`.
        if let Some(m) = it.callee.as_member_expression()
            && let Some(inner) = m.object().as_member_expression()
            && matches!(inner.object(), Expression::Identifier(o) if o.name == "process")
            && matches!(inner.static_property_name(), Some("stdout" | "stderr"))
        {
            self.console = true;
        }
        walk::walk_call_expression(self, it);
    }
}
