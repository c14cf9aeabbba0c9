const dec = (s) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; } };
const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');

function assign(obj, keys, value) {
  let cur = obj;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i], last = i === keys.length - 1, next = keys[i + 1];
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') return;
    if (k === '') { if (!Array.isArray(cur)) return; if (last) cur.push(value); else { const n = next === '' || /^\d+$/.test(next) ? [] : {}; cur.push(n); cur = n; } continue; }
    if (last) { cur[k] = value; break; }
    if (cur[k] === undefined || typeof cur[k] !== 'object') cur[k] = next === '' || /^\d+$/.test(next) ? [] : {};
    cur = cur[k];
  }
}

export function parse(str, { depth = 5 } = {}) {
  const out = {};
  for (const part of String(str).replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const rawKey = dec(i < 0 ? part : part.slice(0, i));
    const val = i < 0 ? '' : dec(part.slice(i + 1));
    const m = rawKey.match(/^([^[]*)((?:\[[^\]]*\])*)$/);
    const keys = m ? [m[1]].concat((m[2].match(/\[([^\]]*)\]/g) || []).slice(0, depth).map((s) => s.slice(1, -1))) : [rawKey];
    assign(out, keys, val);
  }
  return out;
}

export function stringify(obj, prefix) {
  const parts = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}[${Array.isArray(obj) ? '' : k}]` : k;
    if (v === undefined) continue;
    if (v !== null && typeof v === 'object') parts.push(stringify(v, key));
    else parts.push(enc(key) + '=' + enc(v === null ? '' : String(v)));
  }
  return parts.filter(Boolean).join('&');
}
