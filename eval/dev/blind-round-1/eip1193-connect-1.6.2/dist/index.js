const HEX_ADDR = /^0x[0-9a-fA-F]{40}$/;

export function isAddress(a) {
  return typeof a === 'string' && HEX_ADDR.test(a);
}

export function toHex(n) {
  return '0x' + BigInt(n).toString(16);
}

export function discoverProviders(timeoutMs = 400) {
  return new Promise((resolve) => {
    const found = new Map();
    const onAnnounce = (e) => found.set(e.detail.info.uuid, e.detail);
    window.addEventListener('eip6963:announceProvider', onAnnounce);
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    setTimeout(() => {
      window.removeEventListener('eip6963:announceProvider', onAnnounce);
      if (!found.size && window.ethereum) found.set('legacy', { info: { uuid: 'legacy', name: 'Injected', icon: '' }, provider: window.ethereum });
      resolve([...found.values()]);
    }, timeoutMs);
  });
}

export class Connector extends EventTarget {
  constructor(provider) {
    super();
    if (!provider || typeof provider.request !== 'function') throw new TypeError('EIP-1193 provider required');
    this.provider = provider;
    this.accounts = [];
    this.chainId = null;
    provider.on?.('accountsChanged', (a) => { this.accounts = a; this.dispatchEvent(new CustomEvent('accounts', { detail: a })); });
    provider.on?.('chainChanged', (c) => { this.chainId = c; this.dispatchEvent(new CustomEvent('chain', { detail: c })); });
    provider.on?.('disconnect', () => this.dispatchEvent(new Event('disconnect')));
  }

  async connect() {
    this.accounts = await this.provider.request({ method: 'eth_requestAccounts' });
    this.chainId = await this.provider.request({ method: 'eth_chainId' });
    return { accounts: this.accounts, chainId: this.chainId };
  }

  async switchChain(chain) {
    const chainId = toHex(chain.id);
    try {
      await this.provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId }] });
    } catch (err) {
      if (err.code !== 4902 || !chain.rpcUrls) throw err;
      await this.provider.request({ method: 'wallet_addEthereumChain', params: [{ chainId, chainName: chain.name, rpcUrls: chain.rpcUrls, nativeCurrency: chain.nativeCurrency, blockExplorerUrls: chain.explorers }] });
    }
  }

  async getBalance(address = this.accounts[0]) {
    return BigInt(await this.provider.request({ method: 'eth_getBalance', params: [address, 'latest'] }));
  }

  async sendTransaction({ to, value = 0n, data, gas }) {
    if (!isAddress(to)) throw new Error('invalid recipient address');
    const from = this.accounts[0];
    if (!from) throw new Error('not connected');
    const tx = { from, to, value: toHex(value) };
    if (data) tx.data = data;
    if (gas) tx.gas = toHex(gas);
    return this.provider.request({ method: 'eth_sendTransaction', params: [tx] });
  }

  async signMessage(message) {
    const hex = '0x' + [...new TextEncoder().encode(message)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return this.provider.request({ method: 'personal_sign', params: [hex, this.accounts[0]] });
  }
}
