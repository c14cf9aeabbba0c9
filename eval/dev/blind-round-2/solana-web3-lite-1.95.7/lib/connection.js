'use strict';
class Connection {
  constructor(endpoint, commitment = 'confirmed') {
    this._rpcEndpoint = endpoint;
    this._commitment = commitment;
    this._id = 0;
  }
  async _rpc(method, params) {
    const res = await fetch(this._rpcEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++this._id, method, params }),
    });
    const json = await res.json();
    if (json.error) throw new Error(json.error.message);
    return json.result;
  }
  getBalance(pk) { return this._rpc('getBalance', [pk.toBase58(), { commitment: this._commitment }]).then(r => r.value); }
  getLatestBlockhash() { return this._rpc('getLatestBlockhash', [{ commitment: this._commitment }]).then(r => r.value); }
  sendRawTransaction(raw) { return this._rpc('sendTransaction', [Buffer.from(raw).toString('base64'), { encoding: 'base64' }]); }
}
module.exports = { Connection };
