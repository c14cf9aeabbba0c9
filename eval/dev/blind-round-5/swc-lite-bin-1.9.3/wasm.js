"use strict";
// Minimal fallback: strips TypeScript type annotations only.
exports.transform = (code) => code.replace(/:\s*[A-Za-z_$][\w$<>\[\]|, ]*(?=[,)=;{])/g, "");
