'use strict';
module.exports = {
  trace: { color: 'gray', label: 'TRC' },
  debug: { color: 'blue', label: 'DBG' },
  info: { color: 'green', label: 'INF' },
  warn: { color: 'yellow', label: 'WRN' },
  error: { color: 'red', label: 'ERR' }
};
