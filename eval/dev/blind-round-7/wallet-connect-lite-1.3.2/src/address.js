import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex } from '@noble/hashes/utils';

export function isAddress(a) { return /^0x[0-9a-fA-F]{40}$/.test(a); }

export function toChecksum(a) {
  if (!isAddress(a)) throw new Error('invalid address: ' + a);
  const lower = a.slice(2).toLowerCase();
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(lower)));
  let out = '0x';
  for (let i = 0; i < 40; i++) out += parseInt(hash[i], 16) >= 8 ? lower[i].toUpperCase() : lower[i];
  return out;
}

export function isChecksumValid(a) {
  if (!isAddress(a)) return false;
  if (a === a.toLowerCase() || a.slice(2) === a.slice(2).toUpperCase()) return true;
  return toChecksum(a) === a;
}
