import * as i0 from '@angular/core';
export type ToastType = 'success' | 'error' | 'info' | 'warning';
export interface ToastConfig { timeOut?: number; closeButton?: boolean; positionClass?: string; }
export declare class ToastrService {
    show(message: string, title?: string, type?: ToastType, cfg?: ToastConfig): number;
    success(message: string, title?: string, cfg?: ToastConfig): number;
    error(message: string, title?: string, cfg?: ToastConfig): number;
    clear(id?: number): void;
    static ɵfac: i0.ɵɵFactoryDeclaration<ToastrService, never>;
    static ɵprov: i0.ɵɵInjectableDeclaration<ToastrService>;
}
