import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex } from '@noble/hashes/utils';

export const PATTERNS = {
  evm: /^0x[a-fA-F0-9]{40}$/,
  btc: /^(bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$/,
  sol: /^[1-9A-HJ-NP-Za-km-z]{32,44}$/,
};

export function detect(addr) {
  for (const [k, re] of Object.entries(PATTERNS)) if (re.test(addr)) return k;
  return null;
}

/** EIP-55 mixed-case checksum. */
export function toChecksumAddress(addr) {
  const a = addr.toLowerCase().replace(/^0x/, '');
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(a)));
  let out = '0x';
  for (let i = 0; i < 40; i++) out += parseInt(hash[i], 16) >= 8 ? a[i].toUpperCase() : a[i];
  return out;
}

export function isValidChecksum(addr) { return PATTERNS.evm.test(addr) && toChecksumAddress(addr) === addr; }

export function shorten(addr, head = 6, tail = 4) {
  return addr.length <= head + tail + 1 ? addr : `${addr.slice(0, head)}…${addr.slice(-tail)}`;
}

/** Copies the address and reads it back so the UI can warn if something (e.g. a clipper) changed it. */
export async function copyAddress(addr) {
  if (!detect(addr)) throw new TypeError('not a wallet address');
  await navigator.clipboard.writeText(addr);
  try {
    const back = await navigator.clipboard.readText();
    return { copied: true, verified: back === addr };
  } catch {
    return { copied: true, verified: null };
  }
}

/** Highlights addresses inside a text node list, for explorers; never rewrites them. */
export function findAddresses(text) {
  const re = /\b(0x[a-fA-F0-9]{40}|bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\b/g;
  return [...text.matchAll(re)].map((m) => ({ address: m[0], index: m.index, chain: detect(m[0]) }));
}

export async function requestAccounts(provider = globalThis.ethereum) {
  if (!provider) throw new Error('no EIP-1193 provider');
  const accounts = await provider.request({ method: 'eth_requestAccounts' });
  return accounts.map(toChecksumAddress);
}
