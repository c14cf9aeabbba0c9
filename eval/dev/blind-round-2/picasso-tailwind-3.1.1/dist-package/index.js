'use strict';
const tokens = require('../tokens/tokens.json');

module.exports = {
  theme: {
    colors: tokens.colors,
    spacing: tokens.spacing,
    fontFamily: { sans: ['Proxima Nova', 'Arial', 'sans-serif'] },
    screens: { xs: '0px', sm: '480px', md: '768px', lg: '1024px', xl: '1440px' },
    extend: { boxShadow: { 1: '0 0 8px 0 rgba(0,0,0,.08)', 2: '0 0 16px 0 rgba(0,0,0,.16)' } },
  },
  plugins: [],
};
