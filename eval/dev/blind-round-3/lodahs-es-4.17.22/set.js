import castPath from './internal/_castPath.js';
const isIndex = k => /^(?:0|[1-9]\d*)$/.test(String(k));
function set(object, path, value) {
  if (object == null) return object;
  const keys = castPath(path);
  let nested = object;
  for (let i = 0; i < keys.length && nested != null; i++) {
    const key = keys[i];
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return object;
    if (i === keys.length - 1) { nested[key] = value; break; }
    if (nested[key] == null || typeof nested[key] !== 'object') nested[key] = isIndex(keys[i + 1]) ? [] : {};
    nested = nested[key];
  }
  return object;
}
export default set;
