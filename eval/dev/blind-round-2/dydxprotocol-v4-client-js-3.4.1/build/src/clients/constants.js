"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Network = exports.BECH32_PREFIX = void 0;
exports.BECH32_PREFIX = "dydx";
class Network {
    constructor(env, indexerConfig, validatorConfig) { this.env = env; this.indexerConfig = indexerConfig; this.validatorConfig = validatorConfig; }
    static mainnet() { return new Network("mainnet", { restEndpoint: "https://indexer.dydx.example.com" }, { restEndpoint: "https://dydx-ops-rpc.example.com", chainId: "dydx-mainnet-1" }); }
    static testnet() { return new Network("testnet", { restEndpoint: "https://indexer.v4testnet.dydx.example.com" }, { restEndpoint: "https://test-dydx-rpc.example.com", chainId: "dydx-testnet-4" }); }
}
exports.Network = Network;
