'use strict';
const vm = require('vm');

const FORBIDDEN = /\b(constructor|__proto__|prototype|process|require|import|globalThis|this|Function|eval)\b|[;{}`]|=>/;
const HELPERS = Object.freeze({
  min: Math.min,
  max: Math.max,
  abs: Math.abs,
  round: (n, d = 0) => Math.round(n * 10 ** d) / 10 ** d,
  floor: Math.floor,
  ceil: Math.ceil,
  clamp: (n, lo, hi) => Math.min(hi, Math.max(lo, n)),
  includes: (list, v) => Array.isArray(list) && list.includes(v),
});

function freezeDeep(obj) {
  if (obj && typeof obj === 'object' && !Object.isFrozen(obj)) {
    Object.freeze(obj);
    for (const k of Object.keys(obj)) freezeDeep(obj[k]);
  }
  return obj;
}

function compile(expr, { timeout = 50 } = {}) {
  if (typeof expr !== 'string' || expr.length > 2000) throw new TypeError('expression must be a string under 2000 chars');
  if (FORBIDDEN.test(expr)) throw new SyntaxError('expression uses a forbidden token');
  const script = new vm.Script('(' + expr + ')', { filename: 'expression.vm' });
  return function evaluate(vars = {}) {
    const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } });
    for (const [k, v] of Object.entries(HELPERS)) context[k] = v;
    for (const [k, v] of Object.entries(vars)) context[k] = freezeDeep(JSON.parse(JSON.stringify(v)));
    return script.runInContext(context, { timeout });
  };
}

function evaluate(expr, vars, opts) {
  return compile(expr, opts)(vars);
}

function runInNewContext(expr, vars, opts = {}) {
  const ctx = Object.assign(Object.create(null), HELPERS, freezeDeep(JSON.parse(JSON.stringify(vars || {}))));
  return vm.runInNewContext('(' + expr + ')', ctx, { timeout: opts.timeout || 50, contextCodeGeneration: { strings: false } });
}

module.exports = { compile, evaluate, runInNewContext };
