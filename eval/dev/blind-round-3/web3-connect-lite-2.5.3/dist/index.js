const CHAINS = {
  1: { chainId: '0x1', chainName: 'Ethereum', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: ['https://eth.rpc.example.org'] },
  8453: { chainId: '0x2105', chainName: 'Base', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: ['https://base.rpc.example.org'] },
  137: { chainId: '0x89', chainName: 'Polygon', nativeCurrency: { name: 'POL', symbol: 'POL', decimals: 18 }, rpcUrls: ['https://polygon.rpc.example.org'] }
};

export function discoverProviders(timeout = 300) {
  return new Promise(resolve => {
    const found = new Map();
    const onAnnounce = e => found.set(e.detail.info.uuid, e.detail);
    window.addEventListener('eip6963:announceProvider', onAnnounce);
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    setTimeout(() => {
      window.removeEventListener('eip6963:announceProvider', onAnnounce);
      const list = [...found.values()];
      if (!list.length && window.ethereum) list.push({ info: { uuid: 'injected', name: 'Injected', icon: '', rdns: 'injected' }, provider: window.ethereum });
      resolve(list);
    }, timeout);
  });
}

export class Connector extends EventTarget {
  constructor(provider) {
    super();
    if (!provider || typeof provider.request !== 'function') throw new Error('An EIP-1193 provider is required');
    this.provider = provider; this.account = null; this.chainId = null;
    provider.on?.('accountsChanged', a => { this.account = a[0] || null; this.dispatchEvent(new CustomEvent('account', { detail: this.account })); });
    provider.on?.('chainChanged', c => { this.chainId = parseInt(c, 16); this.dispatchEvent(new CustomEvent('chain', { detail: this.chainId })); });
    provider.on?.('disconnect', () => { this.account = null; this.dispatchEvent(new Event('disconnect')); });
  }
  async connect() {
    const [account] = await this.provider.request({ method: 'eth_requestAccounts' });
    this.account = account;
    this.chainId = parseInt(await this.provider.request({ method: 'eth_chainId' }), 16);
    return { account, chainId: this.chainId };
  }
  async switchChain(id) {
    const hex = '0x' + Number(id).toString(16);
    try { await this.provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: hex }] }); }
    catch (e) {
      if (e.code === 4902 && CHAINS[id]) await this.provider.request({ method: 'wallet_addEthereumChain', params: [CHAINS[id]] });
      else throw e;
    }
  }
  async getBalance(address = this.account) { return BigInt(await this.provider.request({ method: 'eth_getBalance', params: [address, 'latest'] })); }
  async sendTransaction({ to, value = 0n, data }) {
    if (!this.account) throw new Error('Not connected');
    if (!/^0x[0-9a-fA-F]{40}$/.test(to)) throw new Error('Invalid recipient');
    return this.provider.request({ method: 'eth_sendTransaction', params: [{ from: this.account, to, value: '0x' + BigInt(value).toString(16), data }] });
  }
  async signMessage(message) { return this.provider.request({ method: 'personal_sign', params: [message, this.account] }); }
  async signTypedData(typedData) { return this.provider.request({ method: 'eth_signTypedData_v4', params: [this.account, JSON.stringify(typedData)] }); }
  async disconnect() {
    try { await this.provider.request({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] }); } catch (e) {}
    this.account = null;
  }
}
