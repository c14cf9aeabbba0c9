'use strict';
const { JsonRpcProvider } = require('ethers');

class RetryingProvider extends JsonRpcProvider {
  constructor(urls, network, { retries = 3, backoffMs = 400 } = {}) {
    super(Array.isArray(urls) ? urls[0] : urls, network, { staticNetwork: true });
    this._urls = [].concat(urls);
    this._i = 0;
    this._retries = retries;
    this._backoff = backoffMs;
  }
  async send(method, params) {
    let lastErr;
    for (let attempt = 0; attempt <= this._retries; attempt++) {
      try {
        return await super.send(method, params);
      } catch (e) {
        lastErr = e;
        if (this._urls.length > 1) {
          this._i = (this._i + 1) % this._urls.length;
          this._getConnection().url = this._urls[this._i];
        }
        await new Promise((r) => setTimeout(r, this._backoff * 2 ** attempt));
      }
    }
    throw lastErr;
  }
}

module.exports = { RetryingProvider };
