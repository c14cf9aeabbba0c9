import { serialize, toQuery } from './serialize.js';
import * as v from './validators.js';

const MESSAGES = {
  required: 'This field is required.',
  email: 'Enter a valid email address.',
  card: 'Card number is not valid.',
  expiry: 'Expiry date must be in the future (MM/YY).',
  cvc: 'Security code is not valid.',
  password: 'Use at least 12 characters with mixed case, numbers and symbols.',
};

function rulesFor(el) {
  const rules = [];
  const ac = (el.getAttribute('autocomplete') || '').toLowerCase();
  if (el.required) rules.push('required');
  if (el.type === 'email') rules.push('email');
  if (ac === 'cc-number' || el.dataset.validate === 'card') rules.push('card');
  if (ac === 'cc-exp') rules.push('expiry');
  if (ac === 'cc-csc') rules.push('cvc');
  if (ac === 'new-password') rules.push('password');
  return rules;
}

export function validate(form) {
  const errors = {};
  const number = form.querySelector('[autocomplete="cc-number"]');
  const brand = number ? v.cardBrand(number.value) : 'unknown';
  for (const el of Array.from(form.elements)) {
    if (!el.name) continue;
    const value = el.value.trim();
    for (const rule of rulesFor(el)) {
      let ok = true;
      if (rule === 'required') ok = value !== '';
      else if (!value) continue;
      else if (rule === 'email') ok = v.email(value);
      else if (rule === 'card') ok = v.luhn(value);
      else if (rule === 'expiry') ok = v.expiry(value);
      else if (rule === 'cvc') ok = v.cvc(value, brand);
      else if (rule === 'password') ok = v.passwordStrength(value) >= 3;
      if (!ok) {
        errors[el.name] = MESSAGES[rule];
        break;
      }
    }
  }
  return errors;
}

function showErrors(form, errors) {
  for (const el of Array.from(form.elements)) {
    if (!el.name) continue;
    const id = el.id ? el.id + '-error' : null;
    const node = id && form.querySelector('#' + CSS.escape(id));
    if (errors[el.name]) {
      el.setAttribute('aria-invalid', 'true');
      if (node) node.textContent = errors[el.name];
    } else {
      el.removeAttribute('aria-invalid');
      if (node) node.textContent = '';
    }
  }
}

export function enhance(form, { json = true, onSuccess, onError } = {}) {
  form.setAttribute('novalidate', '');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const errors = validate(form);
    showErrors(form, errors);
    if (Object.keys(errors).length) return;
    const method = (form.getAttribute('method') || 'POST').toUpperCase();
    const init = { method, credentials: 'same-origin', headers: {} };
    if (json) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(serialize(form));
    } else {
      init.body = new FormData(form);
    }
    try {
      const res = await fetch(form.action, init);
      if (!res.ok) throw new Error('HTTP ' + res.status);
      if (onSuccess) onSuccess(res);
    } catch (err) {
      if (onError) onError(err);
    }
  });
}

export { serialize, toQuery, v as validators };
