export const ADDRESS_RE = /^0x[a-fA-F0-9]{40}$/;

export function isAddress(value) {
  return typeof value === 'string' && ADDRESS_RE.test(value);
}

export function shorten(addr, chars = 4) {
  if (!isAddress(addr)) return addr;
  return addr.slice(0, 2 + chars) + '…' + addr.slice(-chars);
}

export function sameAddress(a, b) {
  return isAddress(a) && isAddress(b) && a.toLowerCase() === b.toLowerCase();
}

export function toHexValue(n) {
  return '0x' + BigInt(n).toString(16);
}
