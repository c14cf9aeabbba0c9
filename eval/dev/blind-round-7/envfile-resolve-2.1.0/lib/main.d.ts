export interface LoadOptions { path?: string; mode?: string; override?: boolean; expand?: boolean; }
export function parse(src: string): Record<string, string>;
export function load(opts?: LoadOptions): Record<string, string>;
