import iteratee from './internal/_iteratee.js';
function uniqBy(array, fn) {
  const f = iteratee(fn), seen = new Set(), out = [];
  for (const v of array || []) { const k = f(v); if (!seen.has(k)) { seen.add(k); out.push(v); } }
  return out;
}
export default uniqBy;
