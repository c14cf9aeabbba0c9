function baseClone(value, stack) {
  if (value === null || typeof value !== 'object') return value;
  if (stack.has(value)) return stack.get(value);
  let result;
  if (value instanceof Date) result = new Date(value.getTime());
  else if (value instanceof RegExp) { result = new RegExp(value.source, value.flags); result.lastIndex = value.lastIndex; }
  else if (value instanceof Map) { result = new Map(); stack.set(value, result); value.forEach((v, k) => result.set(baseClone(k, stack), baseClone(v, stack))); return result; }
  else if (value instanceof Set) { result = new Set(); stack.set(value, result); value.forEach(v => result.add(baseClone(v, stack))); return result; }
  else if (ArrayBuffer.isView(value)) result = value.slice();
  else if (Array.isArray(value)) result = new Array(value.length);
  else result = Object.create(Object.getPrototypeOf(value));
  stack.set(value, result);
  for (const key of Reflect.ownKeys(value)) {
    const desc = Object.getOwnPropertyDescriptor(value, key);
    if (desc && desc.enumerable) result[key] = baseClone(value[key], stack);
  }
  return result;
}
function cloneDeep(value) { return baseClone(value, new Map()); }
export default cloneDeep;
