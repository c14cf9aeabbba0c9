'use strict';
const bs58 = require('bs58');

class PublicKey {
  constructor(value) {
    if (typeof value === 'string') {
      const decoded = bs58.decode(value);
      if (decoded.length !== 32) throw new Error('Invalid public key input');
      this._bn = Buffer.from(decoded);
    } else if (value instanceof Uint8Array || Array.isArray(value)) {
      this._bn = Buffer.from(value);
    } else if (value && value._bn) {
      this._bn = Buffer.from(value._bn);
    } else {
      throw new Error('Invalid public key input');
    }
  }
  equals(other) { return this._bn.equals(other._bn); }
  toBase58() { return bs58.encode(this._bn); }
  toBytes() { return new Uint8Array(this._bn); }
  toBuffer() { return Buffer.from(this._bn); }
  toString() { return this.toBase58(); }
  toJSON() { return this.toBase58(); }
}

module.exports = { PublicKey };
