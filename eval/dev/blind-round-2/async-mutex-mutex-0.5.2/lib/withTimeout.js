"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withTimeout = void 0;
const errors_1 = require("./errors");
function withTimeout(sync, timeout, timeoutError = errors_1.E_TIMEOUT) {
    return {
        acquire: () => new Promise((resolve, reject) => {
            let isTimeout = false;
            const handle = setTimeout(() => { isTimeout = true; reject(timeoutError); }, timeout);
            sync.acquire().then((ticket) => { if (isTimeout) { ticket(); } else { clearTimeout(handle); resolve(ticket); } }, reject);
        }),
        runExclusive: async (callback) => { const release = await this.acquire(); try { return await callback(); } finally { release(); } },
        release: () => sync.release(),
        isLocked: () => sync.isLocked(),
    };
}
exports.withTimeout = withTimeout;
