export declare function load(opts?: { files?: string[]; cwd?: string; override?: boolean }): NodeJS.ProcessEnv;
export declare function parseDotenv(src: string): Record<string, string>;
export declare function config<T>(schema: Record<string, { type?: 'string' | 'number' | 'boolean' | 'json' | 'url'; env?: string; required?: boolean; default?: unknown; secret?: boolean }>, opts?: { prefix?: string; env?: NodeJS.ProcessEnv }): T;
