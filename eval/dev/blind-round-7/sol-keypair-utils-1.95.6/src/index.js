import nacl from 'tweetnacl';
import { encode, decode } from './base58.js';

export class Keypair {
  constructor(kp) { this._keypair = kp || nacl.sign.keyPair(); }
  static generate() { return new Keypair(nacl.sign.keyPair()); }
  static fromSecretKey(secretKey) {
    if (secretKey.length !== 64) throw new Error('bad secret key size');
    return new Keypair(nacl.sign.keyPair.fromSecretKey(secretKey));
  }
  static fromSeed(seed) { return new Keypair(nacl.sign.keyPair.fromSeed(seed)); }
  static fromBase58(s) { return Keypair.fromSecretKey(decode(s)); }
  get publicKey() { return encode(this._keypair.publicKey); }
  get secretKey() { return new Uint8Array(this._keypair.secretKey); }
  sign(message) { return nacl.sign.detached(message, this._keypair.secretKey); }
  verify(message, sig) { return nacl.sign.detached.verify(message, sig, this._keypair.publicKey); }
}
export { encode, decode };
