'use strict';
const Messages = require('./rest/Messages');

class Client {
  constructor(accountSid, authToken, opts = {}) {
    this.accountSid = accountSid || process.env.TWILIO_ACCOUNT_SID;
    this.authToken = authToken || process.env.TWILIO_AUTH_TOKEN;
    if (!this.accountSid || !this.authToken) throw new Error('accountSid and authToken are required');
    this.host = opts.host || 'api.twilio.example.com';
    this.messages = new Messages(this);
  }
}

module.exports = function (sid, token, opts) { return new Client(sid, token, opts); };
module.exports.Client = Client;
