'use strict';
const { parse } = require('./parser');
const { pluralCategory, loadRules } = require('./runtime');

function compileParts(parts, locale, pluralValue) {
  const fns = parts.map((p) => {
    if (typeof p === 'string') return () => p;
    if (p.type === 'octothorpe') return () => (pluralValue ? String(pluralValue()) : '#');
    if (p.type === 'argument') return (v) => (v[p.name] == null ? '' : String(v[p.name]));
    const cases = {};
    for (const key of Object.keys(p.cases)) {
      cases[key] = compileParts(p.cases[key], locale, null);
    }
    if (p.type === 'select') {
      return (v) => (cases[v[p.name]] || cases.other)(v);
    }
    return (v) => {
      const n = Number(v[p.name]) - p.offset;
      const exact = cases['=' + v[p.name]];
      if (exact) return exact(v);
      const cat = pluralCategory(locale, n, p.type === 'selectordinal');
      const sub = p.cases[cat] || p.cases.other;
      return compileParts(sub, locale, () => n)(v);
    };
  });
  return (values) => fns.map((f) => f(values || {})).join('');
}

function compile(message, locale = 'en') {
  return compileParts(parse(message), locale, null);
}

loadRules();

module.exports = { compile, parse };
