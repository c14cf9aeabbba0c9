'use strict';
const off = 'off';
module.exports = {
  rules: {
    'arrow-parens': off, 'brace-style': off, 'comma-dangle': off, 'comma-spacing': off, 'eol-last': off,
    indent: off, 'key-spacing': off, 'max-len': off, 'no-extra-semi': off, 'no-mixed-spaces-and-tabs': off,
    'object-curly-spacing': off, quotes: off, semi: off, 'space-before-function-paren': off,
  },
};
