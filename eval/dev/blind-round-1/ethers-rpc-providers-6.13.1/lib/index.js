'use strict';
const { JsonRpcProvider, FallbackProvider } = require('ethers');

class RetryJsonRpcProvider extends JsonRpcProvider {
  constructor(url, network, options = {}) {
    super(url, network, options);
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 250;
  }
  async send(method, params) {
    let lastErr;
    for (let i = 0; i <= this.retries; i++) {
      try {
        return await super.send(method, params);
      } catch (e) {
        lastErr = e;
        if (e && (e.code === 'CALL_EXCEPTION' || e.code === 'INVALID_ARGUMENT')) throw e;
        await new Promise((r) => setTimeout(r, this.backoffMs * 2 ** i));
      }
    }
    throw lastErr;
  }
}

function createFallback(urls, network, quorum = 1) {
  const configs = urls.map((url, i) => ({ provider: new RetryJsonRpcProvider(url, network), priority: i + 1, weight: 1, stallTimeout: 1500 }));
  return new FallbackProvider(configs, network, { quorum });
}

module.exports = { RetryJsonRpcProvider, createFallback };
