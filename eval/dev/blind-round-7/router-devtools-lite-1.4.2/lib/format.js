'use strict';
function formatRoute(state) {
  if (!state) return '(none)';
  const loc = state.location || state;
  const params = state.params ? Object.entries(state.params).map(([k, v]) => `${k}=${v}`).join('&') : '';
  return `${loc.pathname || '/'}${params ? ' {' + params + '}' : ''}${loc.search || ''}`;
}
module.exports = { formatRoute };
