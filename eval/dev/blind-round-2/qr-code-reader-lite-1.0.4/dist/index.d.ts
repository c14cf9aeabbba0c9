export interface QRResult { text: string; location: unknown }
export declare function decodeImageData(d: ImageData): QRResult | null;
export declare function scanImage(src: string): Promise<QRResult | null>;
export declare function scanFile(f: File): Promise<QRResult | null>;
export declare function scanCamera(video: HTMLVideoElement, o?: { onResult?: (r: QRResult) => void; facingMode?: string; interval?: number }): Promise<() => void>;
export declare function openIfUrl(text: string): boolean;
