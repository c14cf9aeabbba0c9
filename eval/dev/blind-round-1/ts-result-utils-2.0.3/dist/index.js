"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tryCatch = exports.fromPromise = exports.match = exports.unwrapOr = exports.andThen = exports.map = exports.err = exports.ok = void 0;
const ok = (value) => ({ ok: true, value });
exports.ok = ok;
const err = (error) => ({ ok: false, error });
exports.err = err;
function map(r, f) {
    return r.ok ? (0, exports.ok)(f(r.value)) : r;
}
exports.map = map;
function andThen(r, f) {
    return r.ok ? f(r.value) : r;
}
exports.andThen = andThen;
function unwrapOr(r, fallback) {
    return r.ok ? r.value : fallback;
}
exports.unwrapOr = unwrapOr;
function match(r, arms) {
    return r.ok ? arms.ok(r.value) : arms.err(r.error);
}
exports.match = match;
async function fromPromise(p) {
    try {
        return (0, exports.ok)(await p);
    }
    catch (e) {
        return (0, exports.err)(e);
    }
}
exports.fromPromise = fromPromise;
function tryCatch(f) {
    try {
        return (0, exports.ok)(f());
    }
    catch (e) {
        return (0, exports.err)(e);
    }
}
exports.tryCatch = tryCatch;
