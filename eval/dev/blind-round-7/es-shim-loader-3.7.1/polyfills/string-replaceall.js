'use strict';
module.exports = {
  name: 'String.prototype.replaceAll',
  needed: function () { return typeof String.prototype.replaceAll !== 'function'; },
  apply: function () {
    Object.defineProperty(String.prototype, 'replaceAll', { configurable: true, writable: true, value: function (search, rep) {
      if (search instanceof RegExp) { if (!search.global) throw new TypeError('replaceAll must be called with a global RegExp'); return this.replace(search, rep); }
      return this.split(String(search)).join(typeof rep === 'function' ? rep(search) : rep);
    } });
  }
};
