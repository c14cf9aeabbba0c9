"use strict";
module.exports = {
  rules: {
    "arrow-body-style": "off", "prefer-arrow-callback": "off", "curly": 0, "no-unexpected-multiline": 0,
    "indent": "off", "quotes": 0, "semi": "off", "comma-dangle": "off", "max-len": "off", "no-mixed-spaces-and-tabs": "off",
    "object-curly-spacing": "off", "space-before-function-paren": "off", "keyword-spacing": "off"
  }
};
