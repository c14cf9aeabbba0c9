export declare function discoverProviders(timeout?: number): Promise<{ info: { uuid: string; name: string; icon: string; rdns: string }; provider: any }[]>;
export declare class Connector extends EventTarget {
  constructor(provider: any);
  account: string | null; chainId: number | null;
  connect(): Promise<{ account: string; chainId: number }>;
  switchChain(id: number): Promise<void>;
  getBalance(address?: string): Promise<bigint>;
  sendTransaction(tx: { to: string; value?: bigint; data?: string }): Promise<string>;
  signMessage(message: string): Promise<string>;
  signTypedData(typedData: object): Promise<string>;
  disconnect(): Promise<void>;
}
