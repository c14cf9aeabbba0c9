'use strict';
const i = (n) => Math.floor(n), v = (n) => (String(n).split('.')[1] || '').length;
module.exports = {
  en: (n) => (n === 1 && v(n) === 0 ? 'one' : 'other'),
  de: (n) => (n === 1 && v(n) === 0 ? 'one' : 'other'),
  fr: (n) => (i(n) === 0 || i(n) === 1 ? 'one' : 'other'),
  ja: () => 'other',
  zh: () => 'other',
  ar: (n) => (n === 0 ? 'zero' : n === 1 ? 'one' : n === 2 ? 'two' : n % 100 >= 3 && n % 100 <= 10 ? 'few' : n % 100 >= 11 ? 'many' : 'other'),
  pl: (n) => (n === 1 ? 'one' : n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14) ? 'few' : 'many'),
  ru: (n) => (v(n) ? 'other' : n % 10 === 1 && n % 100 !== 11 ? 'one' : n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14) ? 'few' : 'many'),
  be: (n) => (n % 10 === 1 && n % 100 !== 11 ? 'one' : n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14) ? 'few' : 'many'),
  uk: (n) => (n % 10 === 1 && n % 100 !== 11 ? 'one' : n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14) ? 'few' : 'many'),
};
