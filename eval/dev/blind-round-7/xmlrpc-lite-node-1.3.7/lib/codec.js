'use strict';
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function value(v) {
  if (v === null || v === undefined) return '<nil/>';
  if (typeof v === 'boolean') return `<boolean>${v ? 1 : 0}</boolean>`;
  if (typeof v === 'number') return Number.isInteger(v) ? `<int>${v}</int>` : `<double>${v}</double>`;
  if (v instanceof Date) return `<dateTime.iso8601>${v.toISOString()}</dateTime.iso8601>`;
  if (Buffer.isBuffer(v)) return `<base64>${v.toString('base64')}</base64>`;
  if (Array.isArray(v)) return `<array><data>${v.map((x) => `<value>${value(x)}</value>`).join('')}</data></array>`;
  if (typeof v === 'object') return `<struct>${Object.entries(v).map(([k, x]) => `<member><name>${esc(k)}</name><value>${value(x)}</value></member>`).join('')}</struct>`;
  return `<string>${esc(v)}</string>`;
}
function serialize(method, params) {
  return `<?xml version="1.0"?><methodCall><methodName>${esc(method)}</methodName><params>${params.map((p) => `<param><value>${value(p)}</value></param>`).join('')}</params></methodCall>`;
}
function parseValue(xml) {
  const m = xml.match(/^\s*<(\w+[.\w]*)\s*\/?>([\s\S]*?)(?:<\/\1>)?\s*$/);
  if (!m) return xml.trim();
  const [, tag, inner] = m;
  switch (tag) {
    case 'int': case 'i4': case 'i8': case 'double': return Number(inner);
    case 'boolean': return inner.trim() === '1';
    case 'nil': return null;
    case 'base64': return Buffer.from(inner, 'base64');
    case 'dateTime.iso8601': return new Date(inner);
    case 'array': return [...inner.matchAll(/<value>([\s\S]*?)<\/value>/g)].map((x) => parseValue(x[1]));
    case 'struct': { const o = {}; for (const x of inner.matchAll(/<member>\s*<name>([\s\S]*?)<\/name>\s*<value>([\s\S]*?)<\/value>\s*<\/member>/g)) o[x[1]] = parseValue(x[2]); return o; }
    default: return inner.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
}
function deserialize(xml) {
  const fault = xml.match(/<fault>\s*<value>([\s\S]*)<\/value>\s*<\/fault>/);
  if (fault) { const f = parseValue(fault[1]); const e = new Error(f.faultString); e.code = f.faultCode; throw e; }
  const m = xml.match(/<params>\s*<param>\s*<value>([\s\S]*)<\/value>\s*<\/param>\s*<\/params>/);
  return m ? parseValue(m[1]) : undefined;
}
module.exports = { serialize, deserialize };
