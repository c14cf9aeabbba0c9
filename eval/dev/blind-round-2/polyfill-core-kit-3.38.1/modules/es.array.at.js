'use strict';
if (!Array.prototype.at) {
  Object.defineProperty(Array.prototype, 'at', {
    configurable: true, writable: true,
    value: function at(index) {
      var O = Object(this), len = O.length >>> 0, rel = Math.trunc(index) || 0, k = rel >= 0 ? rel : len + rel;
      return (k < 0 || k >= len) ? undefined : O[k];
    },
  });
}
