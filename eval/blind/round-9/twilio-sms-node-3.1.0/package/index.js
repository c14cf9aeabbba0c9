const https = require('https');
module.exports = function client(sid, token) {
  return { messages: { create({ to, from, body }) {
    const data = new URLSearchParams({ To: to, From: from, Body: body }).toString();
    return new Promise((res, rej) => { const r = https.request({ host: 'api.twilio.example.com', path: `/2010-04-01/Accounts/${sid}/Messages.json`, method: 'POST', auth: `${sid}:${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, s => { let b = ''; s.on('data', d => b += d); s.on('end', () => res(JSON.parse(b))); }); r.on('error', rej); r.end(data); });
  } } };
};
