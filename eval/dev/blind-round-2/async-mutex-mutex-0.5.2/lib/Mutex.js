"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const Semaphore_1 = require("./Semaphore");
class Mutex {
    constructor(cancelError) { this._semaphore = new Semaphore_1.default(1, cancelError); }
    async acquire() { const [, releaser] = await this._semaphore.acquire(); return releaser; }
    runExclusive(callback) { return this._semaphore.runExclusive(() => callback()); }
    isLocked() { return this._semaphore.isLocked(); }
    release() { if (this._semaphore.isLocked()) this._semaphore.release(); }
    cancel() { return this._semaphore.cancel(); }
}
exports.default = Mutex;
