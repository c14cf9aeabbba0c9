export declare enum SupportedProviders { Ethereum = "Ethereum", Solana = "Solana" }
export declare function checkSupport(options: { providerType: SupportedProviders; chainId?: number }): { isLedgerConnectSupported: boolean; providerImplementation: string };
export declare function getProvider(): Promise<unknown>;
export declare function enableDebugLogs(): void;
