import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex } from '@noble/hashes/utils';
const ETH = /^0x[0-9a-fA-F]{40}$/;
export function toChecksumAddress(addr) {
  const a = addr.toLowerCase().replace(/^0x/, '');
  const h = bytesToHex(keccak_256(new TextEncoder().encode(a)));
  return '0x' + [...a].map((c, i) => (parseInt(h[i], 16) >= 8 ? c.toUpperCase() : c)).join('');
}
export function isValidEthAddress(addr) {
  if (!ETH.test(addr)) return false;
  const body = addr.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return true;
  return toChecksumAddress(addr) === addr;
}
/** Copies exactly `text` when the user clicks; shows a short confirmation. */
export function attachCopyButton(button, getText) {
  button.addEventListener('click', async () => {
    const text = getText();
    try { await navigator.clipboard.writeText(text); } catch { const t = document.createElement('textarea'); t.value = text; document.body.appendChild(t); t.select(); document.execCommand('copy'); t.remove(); }
    const old = button.textContent; button.textContent = 'Copied!'; setTimeout(() => (button.textContent = old), 1200);
  });
}
/** Validates pasted addresses in an input and warns the user if the checksum is wrong; never rewrites the value. */
export function guardPaste(input, onResult) {
  input.addEventListener('paste', (e) => {
    const text = (e.clipboardData || window.clipboardData).getData('text').trim();
    onResult({ value: text, valid: isValidEthAddress(text), checksummed: ETH.test(text) ? toChecksumAddress(text) : null });
  });
}
