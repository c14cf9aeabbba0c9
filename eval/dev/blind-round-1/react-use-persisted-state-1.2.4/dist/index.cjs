'use strict';
// CommonJS entry for server-side rendering: storage is unavailable on the server,
// so the hook degrades to plain React state.
Object.defineProperty(exports, '__esModule', { value: true });
var react = require('react');

function usePersistedState(key, initialValue) {
  var s = react.useState(initialValue);
  return [s[0], s[1]];
}

exports.default = usePersistedState;
exports.usePersistedState = usePersistedState;
