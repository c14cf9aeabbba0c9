export declare const str: (opts?: object) => object;
export declare const num: (opts?: object) => object;
export declare const bool: (opts?: object) => object;
export declare function guard<T extends Record<string, object>>(schema: T, env?: NodeJS.ProcessEnv): Readonly<Record<keyof T, unknown>>;
