'use strict';
const dns = require('dns');

const TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'SRV', 'CAA', 'SOA', 'PTR'];
const PUBLIC_RESOLVERS = {
  google: ['8.8.8.8', '8.8.4.4'],
  cloudflare: ['1.1.1.1', '1.0.0.1'],
  quad9: ['9.9.9.9', '149.112.112.112'],
};

function resolver(servers, timeout = 3000) {
  const r = new dns.promises.Resolver({ timeout, tries: 2 });
  if (servers && servers.length) r.setServers(servers);
  return r;
}

async function query(name, type = 'A', opts = {}) {
  type = type.toUpperCase();
  if (!TYPES.includes(type)) throw new Error('unsupported record type ' + type);
  const r = resolver(opts.servers, opts.timeout);
  const started = Date.now();
  try {
    const answers = type === 'PTR' ? await r.reverse(name) : await r.resolve(name, type);
    return { name, type, servers: r.getServers(), ms: Date.now() - started, answers };
  } catch (err) {
    return { name, type, servers: r.getServers(), ms: Date.now() - started, error: err.code || err.message };
  }
}

async function system(name) {
  const all = await dns.promises.lookup(name, { all: true });
  return { name, type: 'lookup', answers: all };
}

async function propagation(name, type = 'A') {
  const out = {};
  await Promise.all(Object.entries(PUBLIC_RESOLVERS).map(async ([label, servers]) => {
    out[label] = await query(name, type, { servers });
  }));
  return out;
}

module.exports = { query, system, propagation, TYPES, PUBLIC_RESOLVERS };
