'use strict';
module.exports = {
  name: 'Object.hasOwn',
  needed: function () { return typeof Object.hasOwn !== 'function'; },
  apply: function () {
    Object.defineProperty(Object, 'hasOwn', { configurable: true, writable: true, value: function hasOwn(o, k) { if (o == null) throw new TypeError('Cannot convert undefined or null to object'); return Object.prototype.hasOwnProperty.call(Object(o), k); } });
  }
};
