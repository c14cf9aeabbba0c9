"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Wallet = void 0;
const ripple_keypairs_1 = require("ripple-keypairs");
const bip39_1 = require("bip39");
const utils_1 = require("../utils");
const DEFAULT_ALGORITHM = "ed25519";
class Wallet {
    constructor(publicKey, privateKey, opts = {}) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.classicAddress = opts.masterAddress ? opts.masterAddress : (0, ripple_keypairs_1.deriveAddress)(publicKey);
        this.seed = opts.seed;
        (0, utils_1.checkValidityOfSeed)(privateKey);
    }
    get address() {
        return this.classicAddress;
    }
    static generate(algorithm = DEFAULT_ALGORITHM) {
        const seed = (0, ripple_keypairs_1.generateSeed)({ algorithm });
        return Wallet.fromSeed(seed, { algorithm });
    }
    static fromSeed(seed, opts = {}) {
        (0, utils_1.checkValidityOfSeed)(seed);
        const { publicKey, privateKey } = (0, ripple_keypairs_1.deriveKeypair)(seed, { algorithm: opts.algorithm });
        return new Wallet(publicKey, privateKey, { seed, masterAddress: opts.masterAddress });
    }
    static fromMnemonic(mnemonic, opts = {}) {
        if (!(0, bip39_1.validateMnemonic)(mnemonic))
            throw new Error("Unable to parse the given mnemonic using bip39 encoding");
        (0, utils_1.checkValidityOfSeed)(mnemonic);
        const seed = (0, bip39_1.mnemonicToSeedSync)(mnemonic).toString("hex").slice(0, 32);
        return Wallet.fromSeed(seed, opts);
    }
    sign(txJSON) {
        const payload = JSON.stringify(txJSON);
        const signature = (0, ripple_keypairs_1.sign)(Buffer.from(payload).toString("hex"), this.privateKey);
        return { tx_blob: Buffer.from(payload).toString("hex").toUpperCase(), signature };
    }
}
exports.Wallet = Wallet;
exports.default = Wallet;
