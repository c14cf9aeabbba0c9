const { JsonRpcProvider } = require('ethers');
class FallbackRpcProvider extends JsonRpcProvider {
  constructor(urls, net) { super(urls[0], net); this._urls = urls; this._i = 0; }
  async _send(payload) { try { return await super._send(payload); } catch (e) { this._i = (this._i + 1) % this._urls.length; return new JsonRpcProvider(this._urls[this._i])._send(payload); } }
}
module.exports = { FallbackRpcProvider };
