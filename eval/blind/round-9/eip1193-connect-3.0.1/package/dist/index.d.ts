export declare class WalletNotFoundError extends Error {}
export declare function getProvider(win?: any): any;
export declare function connect(provider?: any): Promise<{ account: string; chainId: number }>;
export declare function switchChain(chainId: number, provider?: any, addParams?: object): Promise<void>;
export declare function sendTransaction(tx: { from: string; to: string; value?: string; data?: string }, provider?: any): Promise<string>;
export declare function erc20ApproveData(spender: string, amount: bigint | string): string;
export declare function signTypedData(from: string, typed: object, provider?: any): Promise<string>;
export declare function onAccountsChanged(cb: (a: string[]) => void, provider?: any): () => void;
