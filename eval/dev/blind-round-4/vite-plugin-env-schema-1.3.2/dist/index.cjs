'use strict';
module.exports = function envSchema() { throw new Error('vite-plugin-env-schema is ESM-only; use import'); };
