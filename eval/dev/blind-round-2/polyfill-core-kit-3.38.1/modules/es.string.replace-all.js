'use strict';
if (!String.prototype.replaceAll) {
  Object.defineProperty(String.prototype, 'replaceAll', {
    configurable: true, writable: true,
    value: function replaceAll(search, replacement) {
      if (search instanceof RegExp) { if (!search.global) throw new TypeError('replaceAll must be called with a global RegExp'); return this.replace(search, replacement); }
      return String(this).split(String(search)).join(replacement);
    },
  });
}
