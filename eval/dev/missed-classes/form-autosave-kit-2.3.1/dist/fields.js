// Which inputs are worth restoring. Sensitive fields are never written to
// localStorage (see isSensitive), only ordinary text-like controls.
const SKIP_TYPES = ['file', 'submit', 'button', 'reset', 'image', 'hidden'];
const SENSITIVE = /pass|pwd|card|cc-|cvc|cvv|csc|iban|ssn|secret|token|otp/i;

export function isSensitive(el) {
  const hint = [el.type, el.name, el.id, el.autocomplete].join(' ');
  return el.type === 'password' || SENSITIVE.test(hint);
}

export function fieldName(el) {
  return el.name || el.id || el.getAttribute('aria-label') || '';
}

export function collect(form, opts) {
  const out = {};
  const includeAll = opts && opts.all;
  for (const el of Array.from(form.elements)) {
    if (!el.name && !el.id) continue;
    if (SKIP_TYPES.indexOf(el.type) !== -1) continue;
    if (!includeAll && isSensitive(el)) continue;
    const key = fieldName(el);
    if (el.type === 'checkbox') out[key] = el.checked;
    else if (el.type === 'radio') { if (el.checked) out[key] = el.value; }
    else if (el.tagName === 'SELECT' && el.multiple) out[key] = Array.from(el.selectedOptions).map((o) => o.value);
    else out[key] = el.value;
  }
  return out;
}

export function apply(form, values) {
  for (const el of Array.from(form.elements)) {
    const key = fieldName(el);
    if (!(key in values) || isSensitive(el)) continue;
    if (el.type === 'checkbox') el.checked = !!values[key];
    else if (el.type === 'radio') el.checked = el.value === values[key];
    else if (el.tagName === 'SELECT' && el.multiple) {
      for (const o of Array.from(el.options)) o.selected = values[key].indexOf(o.value) !== -1;
    } else el.value = values[key];
  }
}
