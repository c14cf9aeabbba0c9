'use strict';

const messages = {
  en: {
    required: (f) => `${f} is required`,
    email: (f) => `${f} must be a valid email address`,
    min: (f, n) => `${f} must be at least ${n} characters`,
    max: (f, n) => `${f} must be at most ${n} characters`,
    pattern: (f) => `${f} has an invalid format`
  }
};

const builtin = {
  required: (v) => v !== undefined && v !== null && String(v).trim() !== '',
  email: (v) => !v || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  min: (v, n) => !v || String(v).length >= n,
  max: (v, n) => !v || String(v).length <= n,
  pattern: (v, re) => !v || new RegExp(re).test(v)
};

function parseRule(rule) {
  if (typeof rule === 'function') return { name: 'custom', fn: rule, args: [] };
  const [name, arg] = String(rule).split(':');
  return { name, fn: builtin[name], args: arg === undefined ? [] : [isNaN(arg) ? arg : Number(arg)] };
}

async function validate(values, schema, { locale = 'en', bail = false } = {}) {
  const errors = {};
  const msg = messages[locale] || messages.en;
  for (const [field, rules] of Object.entries(schema)) {
    for (const r of [].concat(rules).map(parseRule)) {
      if (!r.fn) throw new Error(`unknown rule ${r.name}`);
      const ok = await r.fn(values[field], ...r.args, values);
      if (ok === true || ok === undefined && r.name !== 'custom') continue;
      if (ok) continue;
      (errors[field] = errors[field] || []).push(typeof ok === 'string' ? ok : (msg[r.name] ? msg[r.name](field, ...r.args) : `${field} is invalid`));
      if (bail) break;
    }
  }
  return { valid: Object.keys(errors).length === 0, errors };
}

module.exports = { validate, messages, rules: builtin };
