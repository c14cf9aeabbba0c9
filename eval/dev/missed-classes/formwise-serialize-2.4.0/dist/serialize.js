const SKIP = new Set(['submit', 'button', 'reset', 'image', 'file']);

export function serialize(form, { includeDisabled = false, emptyAsNull = false } = {}) {
  const out = {};
  for (const el of Array.from(form.elements)) {
    if (!el.name || SKIP.has(el.type)) continue;
    if (el.disabled && !includeDisabled) continue;
    let value;
    if (el.type === 'checkbox') {
      if (!el.checked) continue;
      value = el.value === 'on' ? true : el.value;
    } else if (el.type === 'radio') {
      if (!el.checked) continue;
      value = el.value;
    } else if (el.tagName === 'SELECT' && el.multiple) {
      value = Array.from(el.selectedOptions).map((o) => o.value);
    } else {
      value = el.value;
      if (emptyAsNull && value === '') value = null;
    }
    assign(out, el.name, value);
  }
  return out;
}

function assign(obj, name, value) {
  const keys = name.replace(/\]/g, '').split('[');
  let node = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (k === '__proto__' || k === 'constructor') return;
    node = node[k] = node[k] || (keys[i + 1] === '' ? [] : {});
  }
  const last = keys[keys.length - 1];
  if (last === '' && Array.isArray(node)) node.push(value);
  else if (last in node) node[last] = [].concat(node[last], value);
  else node[last] = value;
}

export function toQuery(form) {
  return new URLSearchParams(new FormData(form)).toString();
}
