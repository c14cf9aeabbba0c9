export declare function hash(input: string | Uint8Array, opts?: { length?: number }): Buffer;
export declare function isNative(): boolean;
