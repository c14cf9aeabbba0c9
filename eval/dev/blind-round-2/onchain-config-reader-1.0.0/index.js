'use strict';
const abi = require('./abi');

class OnchainConfig {
  constructor({ rpcUrl, registry, fetch: f = globalThis.fetch, blockTag = 'latest' }) {
    if (!/^0x[0-9a-fA-F]{40}$/.test(registry)) throw new Error('registry must be an address');
    this.rpcUrl = rpcUrl; this.registry = registry; this.fetch = f; this.blockTag = blockTag; this.id = 0; this.cache = new Map();
  }
  async call(sig, key) {
    const data = abi.SELECTORS[sig] + abi.encodeKey(key);
    const ck = data + this.blockTag;
    if (this.cache.has(ck)) return this.cache.get(ck);
    const res = await this.fetch(this.rpcUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++this.id, method: 'eth_call', params: [{ to: this.registry, data }, this.blockTag] }),
    });
    const json = await res.json();
    if (json.error) throw new Error(json.error.message);
    this.cache.set(ck, json.result);
    return json.result;
  }
  async getString(key) { return abi.decodeString(await this.call('getString(bytes32)', key)); }
  async getUint(key) { return abi.decodeUint(await this.call('getUint(bytes32)', key)); }
  async getAddress(key) { return abi.decodeAddress(await this.call('getAddress(bytes32)', key)); }
  async getFlags(keys) { const out = {}; for (const k of keys) out[k] = (await this.getUint(k)) !== 0n; return out; }
}

module.exports = { OnchainConfig };
