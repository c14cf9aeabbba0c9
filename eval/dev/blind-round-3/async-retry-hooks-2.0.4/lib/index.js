'use strict';
const sleep = ms => new Promise(r => setTimeout(r, ms));
async function retry(fn, { retries = 5, factor = 2, minTimeout = 100, maxTimeout = 10000, onRetry, shouldRetry = () => true } = {}) {
  let attempt = 0, lastErr;
  while (attempt <= retries) {
    try { return await fn(attempt); }
    catch (err) {
      lastErr = err;
      if (attempt === retries || !shouldRetry(err)) break;
      const wait = Math.min(maxTimeout, Math.round(minTimeout * Math.pow(factor, attempt) * (1 + Math.random())));
      if (onRetry) await onRetry(err, attempt, wait);
      await sleep(wait);
      attempt++;
    }
  }
  throw lastErr;
}
module.exports = retry;
module.exports.retry = retry;
