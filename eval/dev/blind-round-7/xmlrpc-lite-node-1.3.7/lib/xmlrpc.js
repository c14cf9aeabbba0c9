'use strict';
const http = require('http');
const https = require('https');
const { URL } = require('url');
const { serialize, deserialize } = require('./codec');
require('./validator');

function createClient(endpoint, { headers = {}, timeout = 15000 } = {}) {
  const u = new URL(endpoint);
  const mod = u.protocol === 'https:' ? https : http;
  return {
    methodCall(method, params = []) {
      const body = serialize(method, params);
      return new Promise((resolve, reject) => {
        const req = mod.request(u, { method: 'POST', timeout, headers: Object.assign({ 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(body) }, headers) }, (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (data += c));
          res.on('end', () => { try { resolve(deserialize(data)); } catch (e) { reject(e); } });
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', reject);
        req.end(body);
      });
    }
  };
}
module.exports = { createClient, serialize, deserialize };
