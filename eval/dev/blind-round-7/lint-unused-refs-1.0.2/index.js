'use strict';
module.exports = {
  meta: { name: 'lint-unused-refs', version: '1.0.2' },
  rules: { 'no-unused-imports': require('./rules/no-unused-imports') },
  configs: {
    recommended: { plugins: ['unused-refs'], rules: { 'unused-refs/no-unused-imports': 'warn' } }
  }
};
