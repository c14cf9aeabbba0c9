export declare function ulid(seedTime?: number): string;
export declare function monotonicFactory(): (seedTime?: number) => string;
export declare function decodeTime(id: string): number;
