'use strict';
function backoff(attempt, base = 250, cap = 30000) { return Math.min(cap, base * 2 ** attempt) * (0.5 + Math.random() / 2); }
async function withRetry(fn, { retries = 5, onError } = {}) {
  let i = 0;
  for (;;) {
    try { return await fn(); } catch (e) {
      if (i >= retries) throw e;
      if (onError) onError(e, i);
      await new Promise(r => setTimeout(r, backoff(i++)));
    }
  }
}
module.exports = { backoff, withRetry };
