'use strict';
const fs = require('fs');
const https = require('https');
const [, , name, file, registry] = process.argv;
const url = registry.replace(/\/$/, '') + '/' + encodeURIComponent(name).replace('%40', '@') + '/latest';
https.get(url, { headers: { accept: 'application/json' }, timeout: 5000 }, (res) => {
  let body = '';
  res.on('data', (c) => (body += c));
  res.on('end', () => {
    try {
      const latest = JSON.parse(body).version;
      const state = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify({ ...state, latest }));
    } catch (e) {}
    process.exit(0);
  });
}).on('error', () => process.exit(0));
