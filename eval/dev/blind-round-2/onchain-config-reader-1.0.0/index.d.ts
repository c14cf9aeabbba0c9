export declare class OnchainConfig {
  constructor(o: { rpcUrl: string; registry: string; fetch?: typeof fetch; blockTag?: string });
  getString(key: string): Promise<string>;
  getUint(key: string): Promise<bigint>;
  getAddress(key: string): Promise<string>;
  getFlags(keys: string[]): Promise<Record<string, boolean>>;
}
