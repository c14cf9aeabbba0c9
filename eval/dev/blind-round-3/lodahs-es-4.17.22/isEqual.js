function baseIsEqual(a, b, seen) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  if (a !== a && b !== b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const tag = Object.prototype.toString.call(a);
  if (tag !== Object.prototype.toString.call(b)) return false;
  if (tag === '[object Date]') return +a === +b;
  if (tag === '[object RegExp]') return String(a) === String(b);
  const pair = seen.get(a);
  if (pair && pair === b) return true;
  seen.set(a, b);
  if (tag === '[object Map]' || tag === '[object Set]') {
    if (a.size !== b.size) return false;
    const av = [...a.entries()], bv = [...b.entries()];
    return av.every((e, i) => baseIsEqual(e, bv[i], seen));
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !baseIsEqual(a[k], b[k], seen)) return false;
  return true;
}
function isEqual(a, b) { return baseIsEqual(a, b, new Map()); }
export default isEqual;
