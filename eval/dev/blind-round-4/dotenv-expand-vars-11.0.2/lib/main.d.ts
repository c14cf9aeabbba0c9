export interface DotenvExpandOptions { parsed?: Record<string, string>; processEnv?: Record<string, string | undefined>; ignoreProcessEnv?: boolean }
export declare function expand(options: DotenvExpandOptions): DotenvExpandOptions;
