export declare const API_URL = "https://api.dexroute.example.com";
export declare enum SwapSide { SELL = "SELL", BUY = "BUY" }
export declare function constructFetcher(fetchFn: typeof fetch, options?: { headers?: Record<string, string> }): any;
export declare function constructSimpleSDK(opts?: { chainId?: number; fetch?: typeof fetch; apiURL?: string; headers?: Record<string, string> }): any;
