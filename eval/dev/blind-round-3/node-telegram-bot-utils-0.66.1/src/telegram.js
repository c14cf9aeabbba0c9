'use strict';
const https = require('https');
const { EventEmitter } = require('events');
class TelegramBot extends EventEmitter {
  constructor(token, options = {}) {
    super();
    this.token = token; this.options = Object.assign({ polling: false, baseApiUrl: 'https://tg-api.example.org' }, options);
    this.offset = 0; this._polling = false;
    if (this.options.polling) this.startPolling();
  }
  _request(method, params = {}) {
    const body = JSON.stringify(params);
    const u = new URL(`${this.options.baseApiUrl}/bot${this.token}/${method}`);
    return new Promise((resolve, reject) => {
      const req = https.request({ hostname: u.hostname, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, res => {
        let b = ''; res.on('data', c => (b += c)); res.on('end', () => { try { const j = JSON.parse(b); j.ok ? resolve(j.result) : reject(new Error(j.description)); } catch (e) { reject(e); } });
      });
      req.on('error', reject); req.end(body);
    });
  }
  sendMessage(chatId, text, form = {}) { return this._request('sendMessage', Object.assign({ chat_id: chatId, text }, form)); }
  answerCallbackQuery(id, form = {}) { return this._request('answerCallbackQuery', Object.assign({ callback_query_id: id }, form)); }
  getMe() { return this._request('getMe'); }
  async startPolling() {
    this._polling = true;
    while (this._polling) {
      try {
        const updates = await this._request('getUpdates', { offset: this.offset, timeout: 30 });
        for (const u of updates) {
          this.offset = u.update_id + 1;
          if (u.message) this.emit('message', u.message);
          if (u.callback_query) this.emit('callback_query', u.callback_query);
        }
      } catch (e) { this.emit('polling_error', e); await new Promise(r => setTimeout(r, 5000)); }
    }
  }
  stopPolling() { this._polling = false; }
  onText(regexp, cb) { this.on('message', m => { const r = regexp.exec(m.text || ''); if (r) cb(m, r); }); }
}
module.exports = TelegramBot;
