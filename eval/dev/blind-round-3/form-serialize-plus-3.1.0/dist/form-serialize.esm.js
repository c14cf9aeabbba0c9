const SKIP_TYPES = /^(?:submit|button|image|reset|file)$/i;
const FIELD_NODES = /^(?:input|select|textarea|keygen)/i;
const BRACKETS = /(\[[^\[\]]*\])/g;

function setPath(obj, key, value) {
  const parts = key.split(BRACKETS).filter(Boolean).map(p => p.replace(/^\[|\]$/g, ''));
  let cur = obj;
  for (let i = 0; i < parts.length; i++) {
    const k = parts[i], last = i === parts.length - 1;
    if (last) {
      if (k === '') { (Array.isArray(cur) ? cur : []).push(value); }
      else if (cur[k] !== undefined) cur[k] = [].concat(cur[k], value);
      else cur[k] = value;
    } else {
      if (cur[k] === undefined) cur[k] = parts[i + 1] === '' ? [] : {};
      cur = cur[k];
    }
  }
  return obj;
}

export function entries(form, { empty = false, disabled = false } = {}) {
  const out = [];
  for (const el of form.elements) {
    if (!el.name || (!disabled && el.disabled) || !FIELD_NODES.test(el.nodeName) || SKIP_TYPES.test(el.type)) continue;
    if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
    if (el.type === 'select-multiple') { for (const o of el.options) if (o.selected) out.push([el.name, o.value]); continue; }
    if (!empty && el.value === '') continue;
    out.push([el.name, el.value]);
  }
  return out;
}

export function toObject(form, opts) { return entries(form, opts).reduce((o, [k, v]) => setPath(o, k, v), {}); }
export function toSearchParams(form, opts) { return new URLSearchParams(entries(form, opts)); }
export function toJSON(form, opts) { return JSON.stringify(toObject(form, opts)); }

export async function submit(form, { json = false, headers = {}, signal } = {}) {
  const action = form.getAttribute('action') || location.href;
  const method = (form.getAttribute('method') || 'GET').toUpperCase();
  if (method === 'GET') {
    const u = new URL(action, location.href);
    u.search = toSearchParams(form).toString();
    return fetch(u, { method, headers, signal, credentials: 'same-origin' });
  }
  const body = json ? toJSON(form) : toSearchParams(form);
  return fetch(new URL(action, location.href), { method, body, signal, credentials: 'same-origin', headers: Object.assign(json ? { 'content-type': 'application/json' } : {}, headers) });
}

export function ajaxify(form, { onSuccess, onError, json } = {}) {
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try { const res = await submit(form, { json }); if (!res.ok) throw new Error(`HTTP ${res.status}`); onSuccess && onSuccess(res); }
    catch (err) { onError ? onError(err) : console.error(err); }
  });
}
