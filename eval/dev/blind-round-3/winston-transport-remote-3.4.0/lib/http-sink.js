'use strict';
const https = require('https');
const http = require('http');
const zlib = require('zlib');
function post(url, lines, { headers = {}, gzip = true, timeout = 10000 } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const lib = u.protocol === 'https:' ? https : http;
    let body = Buffer.from(lines.join('\n') + '\n');
    const h = Object.assign({ 'content-type': 'application/x-ndjson' }, headers);
    if (gzip) { body = zlib.gzipSync(body); h['content-encoding'] = 'gzip'; }
    h['content-length'] = body.length;
    const req = lib.request({ method: 'POST', hostname: u.hostname, port: u.port, path: u.pathname + u.search, headers: h, timeout }, res => {
      res.resume();
      res.on('end', () => (res.statusCode < 300 ? resolve(res.statusCode) : reject(new Error('HTTP ' + res.statusCode))));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
module.exports = { post };
