'use strict';
const RETRYABLE = new Set(['40001', '40P01', '57P01', 'ECONNRESET', 'ETIMEDOUT', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'PROTOCOL_CONNECTION_LOST']);
const isRetryable = err => !!err && (RETRYABLE.has(err.code) || RETRYABLE.has(err.sqlState));
async function retrying(fn, { attempts = 3, baseMs = 50 } = {}) {
  let last;
  for (let i = 0; i < attempts; i++) {
    try { return await fn(i); } catch (e) { last = e; if (!isRetryable(e)) throw e; await new Promise(r => setTimeout(r, baseMs * 2 ** i + Math.random() * baseMs)); }
  }
  throw last;
}
module.exports = { retrying, isRetryable };
