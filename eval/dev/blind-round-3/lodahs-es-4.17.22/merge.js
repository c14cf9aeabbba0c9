const isPlain = v => v !== null && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
function baseMerge(target, source) {
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor') continue;
    const s = source[key], t = target[key];
    if (isPlain(s)) target[key] = baseMerge(isPlain(t) ? t : {}, s);
    else if (Array.isArray(s)) target[key] = baseMerge(Array.isArray(t) ? t : [], s);
    else if (s !== undefined || !(key in target)) target[key] = s;
  }
  return target;
}
function merge(object, ...sources) { for (const s of sources) if (s != null) baseMerge(object, s); return object; }
export default merge;
