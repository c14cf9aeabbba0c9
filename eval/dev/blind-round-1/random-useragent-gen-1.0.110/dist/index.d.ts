export interface Browser { name: string; weight: number; versions: number[]; }
export declare const BROWSERS: Browser[];
export declare function weightedPick<T extends { weight: number }>(items: T[], rnd?: () => number): T;
export declare function randUA(opts?: { device?: "mobile" | "desktop"; browser?: string }): string;
export default randUA;
