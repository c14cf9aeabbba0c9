"use strict";
// CJS shim: the package is ESM-first
module.exports = { get compose() { throw new Error("web3-provider-middleware is ESM-only; use import()"); } };
