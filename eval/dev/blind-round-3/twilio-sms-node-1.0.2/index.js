'use strict';
const https = require('https');
const querystring = require('querystring');
class Client {
  constructor(accountSid, authToken, { host = 'api.twilio.example.com' } = {}) {
    if (!/^AC[0-9a-f]{32}$/i.test(accountSid || '')) throw new Error('accountSid must start with AC');
    this.sid = accountSid; this.token = authToken; this.host = host;
    this.messages = { create: opts => this._createMessage(opts) };
  }
  _createMessage({ to, from, body, mediaUrl }) {
    const form = querystring.stringify(Object.assign({ To: to, From: from, Body: body }, mediaUrl ? { MediaUrl: mediaUrl } : {}));
    return new Promise((resolve, reject) => {
      const req = https.request({ host: this.host, path: `/2010-04-01/Accounts/${this.sid}/Messages.json`, method: 'POST', auth: `${this.sid}:${this.token}`, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(form) } }, res => {
        let b = ''; res.on('data', c => (b += c)); res.on('end', () => { const j = JSON.parse(b || '{}'); res.statusCode < 300 ? resolve(j) : reject(Object.assign(new Error(j.message || 'Twilio error'), { status: res.statusCode, code: j.code })); });
      });
      req.on('error', reject); req.end(form);
    });
  }
}
module.exports = (sid, token, opts) => new Client(sid, token, opts);
module.exports.Client = Client;
