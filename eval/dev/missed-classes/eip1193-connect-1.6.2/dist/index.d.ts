export interface EIP1193Provider { request(args: { method: string; params?: unknown[] }): Promise<unknown>; on?(e: string, f: (...a: any[]) => void): void; removeListener?(e: string, f: (...a: any[]) => void): void; }
export declare class WalletError extends Error { code?: number; data?: unknown; }
export declare class Connector {
  constructor(provider: EIP1193Provider, opts?: { chains?: Record<number, object> });
  accounts: string[]; chainId: string | null;
  connect(): Promise<{ accounts: string[]; chainId: string }>;
  disconnect(): void;
  switchChain(chainId: number): Promise<void>;
  sendTransaction(tx: { to?: string; value?: bigint; data?: string; gas?: bigint }): Promise<string>;
  signTypedData(typed: object): Promise<string>;
  on(event: string, fn: (p: unknown) => void): () => void;
}
export declare function connectFirst(opts?: object): Promise<Connector>;
export declare function discoverProviders(timeout?: number): Promise<Array<{ info: object; provider: EIP1193Provider }>>;
export declare function isAddress(v: unknown): v is string;
