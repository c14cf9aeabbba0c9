export interface AuthInfo { type: 'Bearer' | 'Basic'; token: string }
export declare function authFor(registryUrl: string, opts?: { npmrc?: Record<string, string> }): AuthInfo | undefined;
export declare function headerFor(registryUrl: string): string | undefined;
