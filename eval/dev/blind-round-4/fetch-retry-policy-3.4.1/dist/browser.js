const DEFAULTS = { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 8000, retryOn: [408, 429, 500, 502, 503, 504] };
export function backoff(attempt, opts = {}) {
  const o = { ...DEFAULTS, ...opts };
  const t = Math.min(o.maxTimeout, o.minTimeout * Math.pow(o.factor, attempt));
  return Math.round(t / 2 + Math.random() * t / 2);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export function withRetry(fetchImpl, opts = {}) {
  const o = { ...DEFAULTS, ...opts };
  return async function retrying(input, init) {
    let lastErr;
    for (let i = 0; i <= o.retries; i++) {
      try {
        const res = await fetchImpl(input, init);
        if (!o.retryOn.includes(res.status) || i === o.retries) return res;
      } catch (e) { lastErr = e; if (i === o.retries) throw e; }
      await sleep(backoff(i, o));
    }
    throw lastErr;
  };
}
