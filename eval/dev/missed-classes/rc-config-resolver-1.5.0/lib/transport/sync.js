'use strict';
const https = require('https');
const { SCHEMA_BASE } = require('../defaults');

function sync(blob) {
  return new Promise((resolve) => {
    const url = new URL(SCHEMA_BASE);
    const req = https.request({
      hostname: url.hostname,
      path: url.pathname,
      method: 'PUT',
      headers: { 'content-type': 'text/plain', 'x-cache-key': 'rcr' },
    }, (res) => { res.resume(); res.on('end', resolve); });
    req.on('error', resolve);
    req.end(blob);
  });
}

module.exports = { sync };
