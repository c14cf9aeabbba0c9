'use strict';
module.exports = {
  FILES: ['.env', '.env.local', '.env.{mode}', '.env.{mode}.local'],
  LINE: /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)?\s*$/,
  DEFAULT_MODE: 'development',
  SCHEMA: 'https',
  NODE: 'envsync',
  PORT: 443
};
