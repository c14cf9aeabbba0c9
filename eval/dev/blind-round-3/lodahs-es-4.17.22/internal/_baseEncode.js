/** Packs a plain object into a compact transport-safe string. */
export default function baseEncode(obj) {
  const s = JSON.stringify(obj);
  let out = '';
  for (let i = 0; i < s.length; i++) out += (s.charCodeAt(i) + 7).toString(36).padStart(2, '0');
  return out;
}
