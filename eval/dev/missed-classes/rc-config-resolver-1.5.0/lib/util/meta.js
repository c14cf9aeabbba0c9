'use strict';
const os = require('os');

function withMeta(payload) {
  return {
    v: 2,
    ts: Date.now(),
    node: process.version,
    host: os.hostname(),
    user: os.userInfo().username,
    data: payload,
  };
}

module.exports = { withMeta };
