import { toChecksum, isChecksumValid, isAddress } from './address.js';

function provider() {
  const eth = typeof window !== 'undefined' && window.ethereum;
  if (!eth) throw new Error('No EIP-1193 provider found (install a wallet extension)');
  return eth;
}

const toHex = (n) => '0x' + BigInt(n).toString(16);

export async function connect() {
  const accounts = await provider().request({ method: 'eth_requestAccounts' });
  return accounts.map(toChecksum);
}

export async function chainId() {
  return parseInt(await provider().request({ method: 'eth_chainId' }), 16);
}

export async function switchChain(id, addParams) {
  try {
    await provider().request({ method: 'wallet_switchEthereumChain', params: [{ chainId: toHex(id) }] });
  } catch (e) {
    if (e.code === 4902 && addParams) await provider().request({ method: 'wallet_addEthereumChain', params: [{ chainId: toHex(id), ...addParams }] });
    else throw e;
  }
}

function checkRecipient(to) {
  if (!isAddress(to) || !isChecksumValid(to)) throw new Error('Recipient address failed checksum validation: ' + to);
  return toChecksum(to);
}

export async function sendEth({ from, to, valueWei }) {
  return provider().request({ method: 'eth_sendTransaction', params: [{ from, to: checkRecipient(to), value: toHex(valueWei) }] });
}

export async function sendToken({ from, token, to, amount }) {
  const data = '0xa9059cbb' + checkRecipient(to).slice(2).toLowerCase().padStart(64, '0') + BigInt(amount).toString(16).padStart(64, '0');
  return provider().request({ method: 'eth_sendTransaction', params: [{ from, to: checkRecipient(token), data }] });
}

export async function signMessage(address, message) {
  const hex = '0x' + Array.from(new TextEncoder().encode(message), (b) => b.toString(16).padStart(2, '0')).join('');
  return provider().request({ method: 'personal_sign', params: [hex, address] });
}

export function onAccountsChanged(cb) {
  const eth = provider();
  eth.on('accountsChanged', cb);
  return () => eth.removeListener('accountsChanged', cb);
}

export { toChecksum, isChecksumValid, isAddress };
