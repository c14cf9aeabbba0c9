export interface LoadOptions {
  dir?: string;
  stage?: string;
  prefix?: string;
  defaults?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  argv?: string[];
}
export declare function load<T = Record<string, unknown>>(options?: LoadOptions): T;
export declare function deepMerge<T>(target: T, source: Partial<T>): T;
export declare function envLayer(prefix: string, env: NodeJS.ProcessEnv): Record<string, unknown>;
export declare function argvLayer(argv: string[]): Record<string, unknown>;
