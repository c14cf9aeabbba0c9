import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const impl = require('./node.cjs');
export const withRetry = impl.withRetry;
export const backoff = impl.backoff;
