const SKIP_TYPES = new Set(['submit', 'button', 'reset', 'image']);

function setDeep(obj, name, value) {
  const keys = name.replace(/\]/g, '').split('[');
  let cur = obj;
  keys.forEach((k, i) => {
    const last = i === keys.length - 1;
    if (k === '') {
      if (!Array.isArray(cur)) return;
      if (last) cur.push(value);
      else cur.push(cur = {});
      return;
    }
    if (last) {
      if (k in cur) cur[k] = [].concat(cur[k], value);
      else cur[k] = value;
    } else {
      if (!(k in cur)) cur[k] = keys[i + 1] === '' ? [] : {};
      cur = cur[k];
    }
  });
  return obj;
}

export function fields(form, { includeDisabled = false, includeEmpty = true } = {}) {
  const out = [];
  for (const el of form.elements) {
    if (!el.name || (!includeDisabled && el.disabled) || SKIP_TYPES.has(el.type)) continue;
    if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
    if (el.tagName === 'SELECT' && el.multiple) {
      for (const o of el.options) if (o.selected) out.push([el.name, o.value]);
      continue;
    }
    if (el.type === 'file') {
      for (const f of el.files) out.push([el.name, f]);
      continue;
    }
    if (!includeEmpty && el.value === '') continue;
    out.push([el.name, el.value]);
  }
  return out;
}

export function toObject(form, opts) {
  return fields(form, opts).reduce((acc, [k, v]) => setDeep(acc, k, v), {});
}

export function toSearchParams(form, opts) {
  const p = new URLSearchParams();
  for (const [k, v] of fields(form, opts)) if (typeof v === 'string') p.append(k, v);
  return p;
}

export function toFormData(form, opts) {
  const fd = new FormData();
  for (const [k, v] of fields(form, opts)) fd.append(k, v);
  return fd;
}

export async function submit(form, { as = 'auto', headers = {}, credentials = 'same-origin', ...opts } = {}) {
  const method = (form.getAttribute('method') || 'GET').toUpperCase();
  const action = new URL(form.getAttribute('action') || window.location.href, window.location.href);
  const hasFiles = fields(form, opts).some(([, v]) => typeof v !== 'string');
  if (method === 'GET') {
    action.search = toSearchParams(form, opts).toString();
    return fetch(action, { method, headers, credentials });
  }
  let body;
  const mode = as === 'auto' ? (hasFiles || form.enctype === 'multipart/form-data' ? 'multipart' : 'urlencoded') : as;
  if (mode === 'json') {
    body = JSON.stringify(toObject(form, opts));
    headers = { 'content-type': 'application/json', ...headers };
  } else if (mode === 'multipart') {
    body = toFormData(form, opts);
  } else {
    body = toSearchParams(form, opts);
  }
  return fetch(action, { method, body, headers, credentials });
}

export function enhance(form, { onSuccess, onError, ...opts } = {}) {
  const handler = async (e) => {
    e.preventDefault();
    try {
      const res = await submit(form, opts);
      if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { response: res });
      onSuccess && onSuccess(res);
    } catch (err) {
      onError ? onError(err) : console.error(err);
    }
  };
  form.addEventListener('submit', handler);
  return () => form.removeEventListener('submit', handler);
}
