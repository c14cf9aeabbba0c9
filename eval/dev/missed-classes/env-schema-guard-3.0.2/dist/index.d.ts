export type EnvType = 'string' | 'number' | 'boolean' | 'url' | 'port' | 'json';
export interface FieldSpec {
  type: EnvType;
  optional?: boolean;
  default?: unknown;
}
export type Schema = Record<string, EnvType | FieldSpec>;
declare function guard<T = Record<string, unknown>>(schema: Schema, source?: NodeJS.ProcessEnv): Readonly<T>;
declare namespace guard {
  export { guard };
  export function parseDotenv(src: string): Record<string, string>;
  export const types: Record<EnvType, (v: string) => unknown>;
}
export = guard;
