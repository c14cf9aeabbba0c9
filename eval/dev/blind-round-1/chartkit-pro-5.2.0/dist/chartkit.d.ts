export interface Series { name?: string; values: number[]; color?: string; }
export interface ChartOptions { type?: 'line' | 'bar'; data: Series[]; padding?: number; colors?: string[]; }
export declare class Chart { constructor(canvas: HTMLCanvasElement | string, opts: ChartOptions); render(): void; update(data: Series[]): void; }
export declare const version: string;
export declare function setLicenseKey(key: string): Promise<boolean>;
