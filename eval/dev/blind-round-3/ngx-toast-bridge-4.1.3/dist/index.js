"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ToastBridge = void 0;
class ToastBridge {
    constructor(opts = {}) { this.opts = Object.assign({ timeout: 4000, native: true }, opts); this.queue = []; }
    show(title, body) {
        if (this.opts.native && typeof Notification !== "undefined" && Notification.permission === "granted") {
            return new Notification(title, { body });
        }
        this.queue.push({ title, body, at: Date.now() });
        return null;
    }
    drain() { const q = this.queue; this.queue = []; return q; }
}
exports.ToastBridge = ToastBridge;
