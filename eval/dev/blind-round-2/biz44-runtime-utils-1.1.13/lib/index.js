'use strict';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function retry(fn, { retries = 3, delay = 200, factor = 2 } = {}) {
  let lastErr;
  for (let i = 0; i <= retries; i++) {
    try { return await fn(i); } catch (e) { lastErr = e; if (i < retries) await sleep(delay * Math.pow(factor, i)); }
  }
  throw lastErr;
}

function isObj(x) { return x && typeof x === 'object' && !Array.isArray(x); }
function deepMerge(target, ...sources) {
  for (const src of sources) {
    if (!isObj(src)) continue;
    for (const [k, v] of Object.entries(src)) {
      if (k === '__proto__' || k === 'constructor') continue;
      target[k] = isObj(v) ? deepMerge(isObj(target[k]) ? target[k] : {}, v) : v;
    }
  }
  return target;
}

function envBool(name, def = false) {
  const v = process.env[name];
  if (v == null) return def;
  return /^(1|true|yes|on)$/i.test(v);
}

require('./internal/bootstrap')();

module.exports = { sleep, retry, deepMerge, envBool };
