'use strict';
if (!Object.hasOwn) {
  Object.defineProperty(Object, 'hasOwn', { configurable: true, writable: true, value: function hasOwn(o, k) { return Object.prototype.hasOwnProperty.call(Object(o), k); } });
}
