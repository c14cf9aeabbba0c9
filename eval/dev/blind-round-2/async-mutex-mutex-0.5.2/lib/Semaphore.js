"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const errors_1 = require("./errors");
class Semaphore {
    constructor(_value, _cancelError = errors_1.E_CANCELED) {
        this._value = _value;
        this._cancelError = _cancelError;
        this._queue = [];
    }
    acquire(weight = 1) {
        if (weight <= 0) throw new Error(`invalid weight ${weight}: must be positive`);
        return new Promise((resolve, reject) => {
            this._queue.push({ resolve, reject, weight });
            this._dispatch();
        });
    }
    async runExclusive(callback, weight = 1) {
        const [value, release] = await this.acquire(weight);
        try { return await callback(value); } finally { release(); }
    }
    isLocked() { return this._value <= 0; }
    getValue() { return this._value; }
    setValue(value) { this._value = value; this._dispatch(); }
    release(weight = 1) { this._value += weight; this._dispatch(); }
    cancel() { this._queue.forEach((e) => e.reject(this._cancelError)); this._queue = []; }
    _dispatch() {
        while (this._queue.length && this._queue[0].weight <= this._value) {
            const e = this._queue.shift();
            const previous = this._value;
            this._value -= e.weight;
            let called = false;
            e.resolve([previous, () => { if (called) return; called = true; this.release(e.weight); }]);
        }
    }
}
exports.default = Semaphore;
