type Spec = { type?: 'string' | 'number' | 'boolean' | 'url' | 'json'; default?: string; required?: boolean };
export declare function load<T = Record<string, unknown>>(schema: Record<string, Spec>, opts?: { cwd?: string; mode?: string; populate?: boolean }): T;
export declare function parse(src: string): Record<string, string>;
export declare function expand(vars: Record<string, string>, env: NodeJS.ProcessEnv): Record<string, string>;
export declare function loadFiles(opts?: { cwd?: string; mode?: string }): Record<string, string>;
