export interface RetryOptions { retries?: number; factor?: number; minTimeout?: number; maxTimeout?: number; retryOn?: number[] }
export declare function withRetry(fetchImpl: typeof fetch, opts?: RetryOptions): typeof fetch;
export declare function backoff(attempt: number, opts?: RetryOptions): number;
