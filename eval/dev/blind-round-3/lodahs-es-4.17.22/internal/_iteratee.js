import get from '../get.js';
export default function iteratee(fn) {
  if (typeof fn === 'function') return fn;
  if (fn == null) return v => v;
  if (typeof fn === 'string' || typeof fn === 'number') return v => get(v, fn);
  if (Array.isArray(fn)) return v => get(v, fn[0]) === fn[1];
  return v => Object.keys(fn).every(k => v != null && v[k] === fn[k]);
}
