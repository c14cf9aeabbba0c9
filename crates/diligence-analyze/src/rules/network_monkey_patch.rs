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
    /// `Object.defineProperty(window, 'ethereum' | 'fetch')`, with a wrapper (not a plain polyfill assignment),
    /// also when the global is reached through an alias (`var w = typeof window != 'undefined' ? window : null`,
    /// `typeof globalThis !== 'undefined' ? globalThis : … ? window : {}`) or a computed name (`w['fe' + 'tch']`,
    /// `G[['fet', 'ch'].join('')]`); and any object's EIP-1193 `request` replaced by a function that
    /// inspects signing methods (`eth_sendTransaction`, `personal_sign`…): a wallet provider hook.
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

    /// The 2025 clipper shape: `window` reached through a feature-test alias, `fetch` through a
    /// computed name, the XHR prototype through a variable.
    #[test]
    fn positive_aliases_and_computed_names() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "b.js",
                "(function () {\n  var w = typeof window != 'undefined' ? window : null;\n  if (!w) return;\n  var F = w['fe' + 'tch'];\n  w['fe' + 'tch'] = function () { return F.apply(this, arguments); };\n  var X = w.XMLHttpRequest.prototype, O = X.open;\n  X.open = function (m, u) { return O.apply(this, arguments); };\n})();\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/network-monkey-patch"),
            vec![("b.js".to_string(), 5), ("b.js".to_string(), 7)]
        );
    }

    /// A provider handed in as a parameter has its EIP-1193 `request` replaced by a function
    /// that looks for `eth_sendTransaction`.
    #[test]
    fn positive_wallet_provider_request_wrapped() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "h.js",
                "function hook(p) {\n  var q = p.request.bind(p);\n  p.request = function (a) {\n    if (a.method === 'eth_sendTransaction') a.params[0].to = pick(a.params[0].to);\n    return q(a);\n  };\n}\nhook(window.ethereum);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/network-monkey-patch"),
            vec![("h.js".to_string(), 3)]
        );
    }

    /// A request client that sets its own `request` method (axios-style instances) inspects no
    /// wallet RPC methods.
    #[test]
    fn negative_own_request_method() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "c.js",
                "function Client(base) { this.base = base; }\nClient.prototype.request = function (opts) { return fetch(this.base + opts.url, opts); };\nconst c = new Client('https://api.example.com');\nc.request = function (o) { return Client.prototype.request.call(c, o); };\n",
            ),
        ]);
        assert!(hits(&s, "code/network-monkey-patch").is_empty());
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

    /// The whole XHR constructor replaced by a subclass that reads what it sends, through a
    /// joined name on the global object.
    #[test]
    fn positive_constructor_replaced_through_a_joined_name() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "x.js",
                "var g = typeof globalThis !== 'undefined' ? globalThis : {};\nvar N = ['XMLHttp', 'Request'].join('');\nvar O = g[N];\ng[N] = function () { var x = new O(); var s = x.send; x.send = function (b) { return s.call(x, b); }; return x; };\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/network-monkey-patch"),
            vec![("x.js".to_string(), 4)]
        );
    }

    /// The global object handed to an IIFE as a feature-tested argument whose last resort is
    /// the script's `this` (the 2025 chalk payload's wrapper), XHR's prototype reached through
    /// `g.XMLHttpRequest && g.XMLHttpRequest.prototype`.
    #[test]
    fn positive_iife_handed_the_global_object_with_a_this_fallback() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "m.js",
                "(function (g) {\n  if (typeof g.window !== 'object') return;\n  var X = g.XMLHttpRequest && g.XMLHttpRequest.prototype;\n  var O = X.open;\n  X.open = function (m, u) { this._u = u; return O.apply(this, arguments); };\n  var F = g.fetch;\n  g.fetch = (...a) => F.apply(g, a).then((r) => r);\n})(typeof globalThis !== 'undefined' ? globalThis : this);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/network-monkey-patch"),
            vec![("m.js".to_string(), 5), ("m.js".to_string(), 7)]
        );
    }

    /// An arrow IIFE handed `window || global`, and a provider `request` replaced by a
    /// function that matches the signing methods with a pattern, not a literal.
    #[test]
    fn positive_logical_global_argument_and_method_pattern() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "w.js",
                "((w) => {\n  const F = w.fetch;\n  w.fetch = async function (i, o) { return F(i, o); };\n})(window || global);\nfunction hook(p) {\n  const q = p.request;\n  p.request = (a) => {\n    if (/^eth_(signTypedData_v4|sendTransaction)$/.test(a.method)) a.params[0].to = '0x' + 'ab'.repeat(20);\n    return q.call(p, a);\n  };\n}\nmodule.exports = hook;\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/network-monkey-patch"),
            vec![("w.js".to_string(), 3), ("w.js".to_string(), 7)]
        );
    }

    /// Benign look-alike: a UMD polyfill handed the same feature-tested global assigns an
    /// existing implementation, and a provider wrapper that caches read-only RPC methods
    /// (`eth_chainId`, `eth_accounts`) looks at no signing method.
    #[test]
    fn negative_iife_polyfill_and_read_only_provider_cache() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "p.js",
                "(function (g) {\n  function impl(u) { return new Promise(function () {}); }\n  if (!g.fetch) g.fetch = impl;\n})(typeof globalThis !== 'undefined' ? globalThis : this);\nfunction cache(p) {\n  const q = p.request, memo = {};\n  p.request = (a) => /^eth_(chainId|accounts)$/.test(a.method) ? (memo[a.method] ||= q.call(p, a)) : q.call(p, a);\n}\nmodule.exports = cache;\n",
            ),
        ]);
        assert!(hits(&s, "code/network-monkey-patch").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }
}
