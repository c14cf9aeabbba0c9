'use strict';
// CommonJS build generated from card-input-mask.esm.js
const m = {};
(function (exports) {
  const BRANDS = [/^4/, /^(5[1-5]|2[2-7])/, /^3[47]/];
  exports.luhnCheck = function (number) {
    const digits = String(number).replace(/\D/g, '');
    let sum = 0, dbl = false;
    for (let i = digits.length - 1; i >= 0; i--) { let d = digits.charCodeAt(i) - 48; if (dbl) { d *= 2; if (d > 9) d -= 9; } sum += d; dbl = !dbl; }
    return digits.length >= 12 && sum % 10 === 0;
  };
  exports.isKnownBrand = (n) => BRANDS.some((b) => b.test(String(n).replace(/\D/g, '')));
})(m);
module.exports = m;
