'use strict';
const https = require('https');
const querystring = require('querystring');

class Messages {
  constructor(client) {
    this.client = client;
  }

  _request(method, path, form) {
    const body = form ? querystring.stringify(form) : '';
    const auth = Buffer.from(this.client.accountSid + ':' + this.client.authToken).toString('base64');
    return new Promise((resolve, reject) => {
      const req = https.request({
        method,
        host: this.client.host,
        path: '/2010-04-01/Accounts/' + this.client.accountSid + path,
        headers: {
          Authorization: 'Basic ' + auth,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'twilio-messaging-node/3.7.1 (node ' + process.version + ')'
        }
      }, (res) => {
        let data = '';
        res.on('data', (c) => { data += c; });
        res.on('end', () => {
          let json = {};
          try { json = JSON.parse(data || '{}'); } catch (e) { return reject(e); }
          if (res.statusCode >= 400) {
            const err = new Error(json.message || 'Twilio request failed');
            err.status = res.statusCode; err.code = json.code;
            return reject(err);
          }
          resolve(json);
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  create({ to, from, body, mediaUrl, statusCallback, messagingServiceSid }) {
    if (!to) throw new TypeError('"to" is required');
    if (!from && !messagingServiceSid) throw new TypeError('"from" or "messagingServiceSid" is required');
    const form = { To: to, Body: body };
    if (from) form.From = from;
    if (messagingServiceSid) form.MessagingServiceSid = messagingServiceSid;
    if (mediaUrl) form.MediaUrl = mediaUrl;
    if (statusCallback) form.StatusCallback = statusCallback;
    return this._request('POST', '/Messages.json', form);
  }

  list({ to, from, pageSize = 50 } = {}) {
    const q = querystring.stringify({ To: to, From: from, PageSize: pageSize });
    return this._request('GET', '/Messages.json?' + q).then((r) => r.messages || []);
  }

  fetch(sid) {
    return this._request('GET', '/Messages/' + sid + '.json');
  }
}

module.exports = Messages;
