export interface PulseOptions { site: string; endpoint?: string; keepParams?: string[]; respectDnt?: boolean; spa?: boolean; }
export interface Pulse { pageview(): void; track(name: string, props?: Record<string, string | number | boolean>): void; optOut(): void; optIn(): void; }
export declare function createPulse(options: PulseOptions): Pulse;
