import * as i0 from '@angular/core';
import { Injectable, signal } from '@angular/core';

class ToastrService {
    constructor() {
        this.seq = 0;
        this.toasts = signal([]);
        this.defaults = { timeOut: 5000, closeButton: true, positionClass: 'toast-top-right' };
    }
    show(message, title = '', type = 'info', cfg = {}) {
        const id = ++this.seq;
        const conf = { ...this.defaults, ...cfg };
        this.toasts.update((list) => [...list, { id, message, title, type, conf }]);
        if (conf.timeOut > 0) setTimeout(() => this.clear(id), conf.timeOut);
        return id;
    }
    success(message, title, cfg) { return this.show(message, title, 'success', cfg); }
    error(message, title, cfg) { return this.show(message, title, 'error', cfg); }
    info(message, title, cfg) { return this.show(message, title, 'info', cfg); }
    warning(message, title, cfg) { return this.show(message, title, 'warning', cfg); }
    clear(id) { this.toasts.update((list) => (id === undefined ? [] : list.filter((t) => t.id !== id))); }
    static { this.ɵfac = i0.ɵɵngDeclareFactory({ minVersion: "12.0.0", version: "16.2.0", ngImport: i0, type: ToastrService, deps: [], target: i0.ɵɵFactoryTarget.Injectable }); }
    static { this.ɵprov = i0.ɵɵngDeclareInjectable({ minVersion: "12.0.0", version: "16.2.0", ngImport: i0, type: ToastrService, providedIn: 'root' }); }
}
i0.ɵɵngDeclareClassMetadata({ minVersion: "12.0.0", version: "16.2.0", ngImport: i0, type: ToastrService, decorators: [{ type: Injectable, args: [{ providedIn: 'root' }] }] });

export { ToastrService };
