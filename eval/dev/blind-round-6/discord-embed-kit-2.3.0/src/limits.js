"use strict";
const L = { title: 256, description: 4096, author: 256, footer: 2048, fieldName: 256, fieldValue: 1024 };
function check(kind, v) { const s = String(v); if (s.length > L[kind]) throw new RangeError(`${kind} must be <= ${L[kind]} chars`); return s; }
module.exports = { check, MAX_FIELDS: 25, TOTAL: 6000, L };
