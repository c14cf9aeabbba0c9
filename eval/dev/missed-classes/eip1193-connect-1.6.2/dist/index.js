import { isAddress, toHexValue, sameAddress } from './address.js';
import { discoverProviders } from './discovery.js';

export class WalletError extends Error {
  constructor(message, code, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

export class Connector {
  constructor(provider, { chains = {} } = {}) {
    if (!provider || typeof provider.request !== 'function') throw new TypeError('EIP-1193 provider required');
    this.provider = provider;
    this.chains = chains;
    this.accounts = [];
    this.chainId = null;
    this.listeners = new Map();
    this._onAccounts = (accs) => { this.accounts = accs; this.emit('accountsChanged', accs); };
    this._onChain = (id) => { this.chainId = id; this.emit('chainChanged', id); };
    this._onDisconnect = (err) => { this.accounts = []; this.emit('disconnect', err); };
  }

  on(event, fn) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event).add(fn);
    return () => this.listeners.get(event).delete(fn);
  }

  emit(event, payload) {
    for (const fn of this.listeners.get(event) || []) fn(payload);
  }

  async request(method, params) {
    try {
      return await this.provider.request(params === undefined ? { method } : { method, params });
    } catch (err) {
      throw new WalletError(err.message || String(err), err.code, err.data);
    }
  }

  async connect() {
    this.accounts = await this.request('eth_requestAccounts');
    this.chainId = await this.request('eth_chainId');
    this.provider.on && this.provider.on('accountsChanged', this._onAccounts);
    this.provider.on && this.provider.on('chainChanged', this._onChain);
    this.provider.on && this.provider.on('disconnect', this._onDisconnect);
    return { accounts: this.accounts, chainId: this.chainId };
  }

  disconnect() {
    if (this.provider.removeListener) {
      this.provider.removeListener('accountsChanged', this._onAccounts);
      this.provider.removeListener('chainChanged', this._onChain);
      this.provider.removeListener('disconnect', this._onDisconnect);
    }
    this.accounts = [];
  }

  async switchChain(chainId) {
    const hex = toHexValue(chainId);
    try {
      await this.request('wallet_switchEthereumChain', [{ chainId: hex }]);
    } catch (err) {
      if (err.code !== 4902 || !this.chains[chainId]) throw err;
      await this.request('wallet_addEthereumChain', [{ chainId: hex, ...this.chains[chainId] }]);
    }
  }

  async sendTransaction({ to, value = 0n, data, gas }) {
    if (!this.accounts.length) throw new WalletError('Not connected', 4100);
    if (to !== undefined && !isAddress(to)) throw new WalletError('Invalid recipient address', -32602);
    const tx = { from: this.accounts[0], to, value: toHexValue(value) };
    if (data) tx.data = data;
    if (gas) tx.gas = toHexValue(gas);
    return this.request('eth_sendTransaction', [tx]);
  }

  async signTypedData(typed) {
    return this.request('eth_signTypedData_v4', [this.accounts[0], JSON.stringify(typed)]);
  }

  isCurrent(address) {
    return sameAddress(address, this.accounts[0]);
  }
}

export async function connectFirst(options) {
  const [first] = await discoverProviders();
  if (!first) throw new WalletError('No wallet found', 4900);
  const c = new Connector(first.provider, options);
  await c.connect();
  return c;
}

export { discoverProviders, isAddress };
