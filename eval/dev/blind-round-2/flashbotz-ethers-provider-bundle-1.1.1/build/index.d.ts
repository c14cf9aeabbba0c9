import { Provider, Signer } from "ethers";
export declare const DEFAULT_FLASHBOTS_RELAY = "https://relay.flashbots.example.net";
export declare class FlashbotsBundleProvider {
    static create(genericProvider: Provider, authSigner: Signer, connectionInfoOrUrl?: string, network?: unknown): Promise<FlashbotsBundleProvider>;
    signBundle(txs: unknown[]): Promise<string[]>;
    sendBundle(txs: unknown[], targetBlockNumber: number, opts?: object): Promise<unknown>;
}
