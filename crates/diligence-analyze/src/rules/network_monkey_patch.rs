//! `code/network-monkey-patch`.

use super::{SENDS, chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code replaces `fetch`, `XMLHttpRequest.prototype` methods or `window.ethereum` to intercept traffic.
    ///
    /// ## What it detects
    /// Assignments to `window.fetch`/`globalThis.fetch`, `XMLHttpRequest.prototype.open|send|setRequestHeader`,
    /// `WebSocket.prototype.send`, `navigator.sendBeacon`, `window.ethereum` (or its methods), and
    /// `Object.defineProperty(window, 'ethereum' | 'fetch')`, with a wrapper (not a plain polyfill assignment).
    ///
    /// ## Why it matters
    /// Interceptors read every request (tokens, card data) or rewrite wallet transactions; the 2025 chalk/debug payload
    /// hooked fetch, XHR and `window.ethereum`.
    ///
    /// ## Example
    /// `const o = XMLHttpRequest.prototype.send; XMLHttpRequest.prototype.send = function (b) { leak(b); o.call(this, b); }`
    ///
    /// ## Known false positives
    /// Mocking libraries (nock, msw) and polyfills patch these too. Medium severity: suspicious only together with
    /// other findings.
    pub static NETWORK_MONKEY_PATCH = { id: "code/network-monkey-patch", severity: Severity::Medium };
}

/// One finding per patch site.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::MonkeyPatch, |f, s| {
        let loc = locality(p, f, s, SENDS);
        let msg = format!("network/wallet API patched: {}", s.detail);
        Some(finding(
            &NETWORK_MONKEY_PATCH,
            NETWORK_MONKEY_PATCH.default_severity,
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
                "p.js",
                "const o = XMLHttpRequest.prototype.send;\nXMLHttpRequest.prototype.send = function (b) { o.call(this, b); };\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/network-monkey-patch"),
            vec![("p.js".to_string(), 2)]
        );
    }

    #[test]
    fn negative_polyfill_assignment() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "p.js",
                "function f() {}\nif (!self.fetch) { self.fetch = f; }\n",
            ),
        ]);
        assert!(hits(&s, "code/network-monkey-patch").is_empty());
    }

    /// playwright-core's minified MCP bundle replaces `fetch` at its module scope, where
    /// hundreds of unrelated modules also live: the patch is not next to any send.
    #[test]
    fn bundle_module_scope_is_not_one_function() {
        let mut bundle = String::from(
            "const f0 = globalThis.fetch;\nglobalThis.fetch = async (i, o) => f0(i, o);\n",
        );
        while bundle.len() < crate::rules::BUNDLE_BYTES {
            bundle.push_str("var pad = String(1).padStart(2, '0');\n");
        }
        bundle.push_str("fetch('https://api.example.com/v1');\n");
        let s = scan(&[("package.json", PJ), ("lib/bundle.js", &bundle)]);
        assert_eq!(
            hits(&s, "code/network-monkey-patch"),
            vec![("lib/bundle.js".to_string(), 2)]
        );
        assert_eq!(s.findings[0].locality, crate::verdict::Locality::Package);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }
}
