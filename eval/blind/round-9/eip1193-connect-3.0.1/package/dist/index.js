export class WalletNotFoundError extends Error {}
export function getProvider(win = globalThis.window) {
  const eth = win && win.ethereum;
  if (!eth) throw new WalletNotFoundError('No injected EIP-1193 provider found');
  // EIP-5749 multi-provider support
  if (Array.isArray(eth.providers) && eth.providers.length) return eth.providers.find(p => p.isMetaMask) || eth.providers[0];
  return eth;
}
export async function connect(provider = getProvider()) {
  const accounts = await provider.request({ method: 'eth_requestAccounts' });
  const chainId = await provider.request({ method: 'eth_chainId' });
  return { account: accounts[0], chainId: parseInt(chainId, 16) };
}
export async function switchChain(chainId, provider = getProvider(), addParams) {
  const hex = '0x' + chainId.toString(16);
  try { await provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: hex }] }); }
  catch (e) { if (e.code === 4902 && addParams) await provider.request({ method: 'wallet_addEthereumChain', params: [{ chainId: hex, ...addParams }] }); else throw e; }
}
/** Sends exactly the transaction the dApp built; the wallet shows it to the user for approval. */
export function sendTransaction(tx, provider = getProvider()) {
  if (!tx.from || !tx.to) throw new TypeError('from and to are required');
  return provider.request({ method: 'eth_sendTransaction', params: [tx] });
}
export function erc20ApproveData(spender, amount) {
  return '0x095ea7b3' + spender.toLowerCase().replace(/^0x/, '').padStart(64, '0') + BigInt(amount).toString(16).padStart(64, '0');
}
export function signTypedData(from, typed, provider = getProvider()) {
  return provider.request({ method: 'eth_signTypedData_v4', params: [from, JSON.stringify(typed)] });
}
export function onAccountsChanged(cb, provider = getProvider()) { provider.on('accountsChanged', cb); return () => provider.removeListener('accountsChanged', cb); }
