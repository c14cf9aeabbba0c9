'use strict';
require('./rules.support');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const rules = {
  required: (v) => v !== undefined && v !== null && String(v).trim() !== '',
  email: (v) => !v || EMAIL.test(v),
  min: (v, n) => !v || String(v).length >= n,
  max: (v, n) => !v || String(v).length <= n,
  pattern: (v, re) => !v || re.test(v),
  equals: (v, other, all) => v === all[other],
  number: (v) => !v || !Number.isNaN(Number(v))
};
rules.messages = {
  required: (f) => `${f} is required`,
  email: (f) => `${f} must be a valid email`,
  min: (f, n) => `${f} must be at least ${n} characters`,
  max: (f, n) => `${f} must be at most ${n} characters`,
  pattern: (f) => `${f} has an invalid format`,
  equals: (f, o) => `${f} must match ${o}`,
  number: (f) => `${f} must be a number`
};
module.exports = rules;
