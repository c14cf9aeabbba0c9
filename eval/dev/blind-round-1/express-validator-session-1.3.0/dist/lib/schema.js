"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compile = exports.ValidationError = void 0;
class ValidationError extends Error {
    constructor(path, expected, got) {
        super(`session.${path}: expected ${expected}, got ${got}`);
        this.path = path;
        this.expected = expected;
        this.name = "ValidationError";
    }
}
exports.ValidationError = ValidationError;
const kind = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
function compile(schema) {
    const entries = Object.entries(schema);
    return function validate(obj, prefix = "") {
        const errors = [];
        for (const [key, rule] of entries) {
            const path = prefix ? `${prefix}.${key}` : key;
            const value = obj === null || obj === void 0 ? void 0 : obj[key];
            const r = typeof rule === "string" ? { type: rule } : rule;
            if (value === undefined) {
                if (r.optional)
                    continue;
                errors.push(new ValidationError(path, r.type, "undefined"));
                continue;
            }
            if (r.type === "object" && r.shape) {
                errors.push(...compile(r.shape)(value, path));
                continue;
            }
            if (kind(value) !== r.type)
                errors.push(new ValidationError(path, r.type, kind(value)));
            else if (r.check && !r.check(value))
                errors.push(new ValidationError(path, `${r.type} passing check`, JSON.stringify(value)));
        }
        return errors;
    };
}
exports.compile = compile;
