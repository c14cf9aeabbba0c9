'use strict';
function safeStringify(obj) {
  const seen = new WeakSet();
  return JSON.stringify(obj, (k, v) => {
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof Error) return { name: v.name, message: v.message, stack: v.stack };
    if (v && typeof v === 'object') { if (seen.has(v)) return '[Circular]'; seen.add(v); }
    return v;
  });
}
function format(info, { timestamp = true, level = true } = {}) {
  const out = Object.assign({}, info);
  if (timestamp && !out.timestamp) out.timestamp = new Date().toISOString();
  if (level) out.level = String(out.level || 'info').toLowerCase();
  return safeStringify(out);
}
module.exports = { format, safeStringify };
