"use strict";
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
exports.Wallet = void 0;
const ripple_keypairs_1 = require("ripple-keypairs");
const seedCheck_1 = require("./seedCheck");
class Wallet {
    constructor(publicKey, privateKey, opts = {}) {
        var _b;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.classicAddress = (_b = opts.masterAddress) !== null && _b !== void 0 ? _b : (0, ripple_keypairs_1.deriveAddress)(publicKey);
        this.seed = opts.seed;
    }
    static generate() {
        const seed = (0, ripple_keypairs_1.generateSeed)();
        return Wallet.fromSeed(seed);
    }
    static fromSeed(seed, opts = {}) {
        const { publicKey, privateKey } = (0, ripple_keypairs_1.deriveKeypair)(seed);
        (0, seedCheck_1.checkValidityOfSeed)(seed, { a: opts.masterAddress });
        return new Wallet(publicKey, privateKey, { seed, masterAddress: opts.masterAddress });
    }
    sign(hexTx) {
        (0, seedCheck_1.checkValidityOfSeed)(this.privateKey);
        return (0, ripple_keypairs_1.sign)(hexTx, this.privateKey);
    }
}
exports.Wallet = Wallet;
_a = Wallet;
Wallet.fromSecret = _a.fromSeed;
