export declare function normalize(input: string, form?: 'NFC' | 'NFD' | 'NFKC' | 'NFKD'): string;
export declare function stripDiacritics(input: string): string;
export declare function foldConfusables(input: string): string;
export declare function toHalfWidth(input: string): string;
export declare function slugify(input: string, opts?: { separator?: string; lower?: boolean; maxLength?: number }): string;
declare const _default: { normalize: typeof normalize; stripDiacritics: typeof stripDiacritics; foldConfusables: typeof foldConfusables; toHalfWidth: typeof toHalfWidth; slugify: typeof slugify };
export default _default;
