'use strict';
module.exports = {
  meta: { name: 'eslint-plugin-unused-imports-fix', version: '2.1.0' },
  rules: {
    'no-unused-imports': require('./rules/no-unused-imports'),
  },
  configs: {
    recommended: {
      plugins: ['unused-imports-fix'],
      rules: { 'unused-imports-fix/no-unused-imports': 'error' },
    },
  },
};
