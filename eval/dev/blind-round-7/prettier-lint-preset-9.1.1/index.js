'use strict';
const off = 'off';
module.exports = {
  rules: {
    'array-bracket-newline': off, 'array-bracket-spacing': off, 'array-element-newline': off,
    'arrow-parens': off, 'arrow-spacing': off, 'block-spacing': off, 'brace-style': off,
    'comma-dangle': off, 'comma-spacing': off, 'comma-style': off, 'computed-property-spacing': off,
    'dot-location': off, 'eol-last': off, 'func-call-spacing': off, 'function-call-argument-newline': off,
    'function-paren-newline': off, 'generator-star-spacing': off, 'implicit-arrow-linebreak': off,
    indent: off, 'jsx-quotes': off, 'key-spacing': off, 'keyword-spacing': off, 'linebreak-style': off,
    'max-len': 0, 'multiline-ternary': off, 'newline-per-chained-call': off, 'new-parens': off,
    'no-extra-parens': off, 'no-extra-semi': off, 'no-floating-decimal': off, 'no-mixed-spaces-and-tabs': off,
    'no-multi-spaces': off, 'no-multiple-empty-lines': off, 'no-trailing-spaces': off,
    'no-whitespace-before-property': off, 'nonblock-statement-body-position': off, 'object-curly-newline': off,
    'object-curly-spacing': off, 'object-property-newline': off, 'one-var-declaration-per-line': off,
    'operator-linebreak': off, 'padded-blocks': off, 'quote-props': off, quotes: 0, 'rest-spread-spacing': off,
    semi: off, 'semi-spacing': off, 'semi-style': off, 'space-before-blocks': off,
    'space-before-function-paren': off, 'space-in-parens': off, 'space-infix-ops': off, 'space-unary-ops': off,
    'switch-colon-spacing': off, 'template-curly-spacing': off, 'template-tag-spacing': off,
    'wrap-iife': off, 'wrap-regex': off, 'yield-star-spacing': off
  }
};
