export declare function cacheKey(prefix: string, files: string[]): Promise<string>;
export declare function restorePaths(tool: 'npm' | 'pnpm' | 'yarn'): string[];
