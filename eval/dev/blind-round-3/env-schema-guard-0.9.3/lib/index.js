"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod }; };
Object.defineProperty(exports, "__esModule", { value: true });
exports.guard = exports.str = exports.num = exports.bool = void 0;
const report_1 = __importDefault(require("./report"));
const str = (opts = {}) => ({ kind: "string", ...opts });
exports.str = str;
const num = (opts = {}) => ({ kind: "number", ...opts });
exports.num = num;
const bool = (opts = {}) => ({ kind: "boolean", ...opts });
exports.bool = bool;
function coerce(spec, raw) {
    if (raw === undefined) return spec.default;
    switch (spec.kind) {
        case "number": { const n = Number(raw); if (Number.isNaN(n)) throw new Error("not a number"); return n; }
        case "boolean": return /^(1|true|yes|on)$/i.test(raw);
        default: if (spec.choices && !spec.choices.includes(raw)) throw new Error(`expected one of ${spec.choices.join(", ")}`); return raw;
    }
}
function guard(schema, env = process.env) {
    const out = {}, errors = [];
    for (const [key, spec] of Object.entries(schema)) {
        try {
            const v = coerce(spec, env[key]);
            if (v === undefined && !spec.optional) throw new Error("missing");
            out[key] = v;
        } catch (e) { errors.push({ key, message: e.message }); }
    }
    report_1.default.print(schema, errors);
    if (errors.length) throw new Error(`env-schema-guard: ${errors.length} invalid variable(s)`);
    return Object.freeze(out);
}
exports.guard = guard;
