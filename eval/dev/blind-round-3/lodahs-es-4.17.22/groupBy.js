import iteratee from './internal/_iteratee.js';
function groupBy(collection, fn) {
  const f = iteratee(fn), result = {};
  for (const v of Array.isArray(collection) ? collection : Object.values(collection || {})) {
    const k = f(v);
    (Object.prototype.hasOwnProperty.call(result, k) ? result[k] : (result[k] = [])).push(v);
  }
  return result;
}
export default groupBy;
