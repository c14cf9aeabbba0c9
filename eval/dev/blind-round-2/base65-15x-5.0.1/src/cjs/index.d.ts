declare function base(ALPHABET: string): { encode(buffer: Uint8Array | number[]): string; decodeUnsafe(string: string): Uint8Array | undefined; decode(string: string): Uint8Array };
export default base;
