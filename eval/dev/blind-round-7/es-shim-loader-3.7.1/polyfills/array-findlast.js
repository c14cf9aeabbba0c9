'use strict';
module.exports = {
  name: 'Array.prototype.findLast',
  needed: function () { return typeof Array.prototype.findLast !== 'function'; },
  apply: function () {
    Object.defineProperty(Array.prototype, 'findLast', { configurable: true, writable: true, value: function (fn, thisArg) { for (var i = this.length - 1; i >= 0; i--) if (fn.call(thisArg, this[i], i, this)) return this[i]; return undefined; } });
  }
};
