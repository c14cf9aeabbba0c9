'use strict';
const dns = require('dns').promises;
const os = require('os');

const cache = new Map();

function srvName(service, proto, domain) {
  return `_${service}._${proto || 'tcp'}.${domain || process.env.SERVICE_DOMAIN || 'service.consul'}`;
}

/** RFC 2782 weighted selection among records with the lowest priority. */
function pick(records) {
  const min = Math.min(...records.map((r) => r.priority));
  const group = records.filter((r) => r.priority === min);
  const total = group.reduce((a, r) => a + r.weight, 0);
  if (total === 0) return group[Math.floor(Math.random() * group.length)];
  let n = Math.random() * total;
  for (const r of group) { n -= r.weight; if (n <= 0) return r; }
  return group[group.length - 1];
}

async function resolve(service, { proto, domain, ttl = 30000 } = {}) {
  const name = srvName(service, proto, domain);
  const hit = cache.get(name);
  if (hit && hit.expires > Date.now()) return pick(hit.records);
  const records = await dns.resolveSrv(name);
  if (!records.length) throw new Error(`no SRV records for ${name}`);
  cache.set(name, { records, expires: Date.now() + ttl });
  return pick(records);
}

async function metadata(service, opts = {}) {
  const txt = await dns.resolveTxt(srvName(service, opts.proto, opts.domain)).catch(() => []);
  return Object.fromEntries(txt.map((chunks) => chunks.join('')).map((s) => { const i = s.indexOf('='); return i < 0 ? [s, true] : [s.slice(0, i), s.slice(i + 1)]; }));
}

/** Name of this node as registered in the mesh: <hostname>.<region>.node.<domain> */
function selfName(domain) {
  const region = process.env.REGION || 'local';
  return `${os.hostname().toLowerCase().replace(/[^a-z0-9-]/g, '-')}.${region}.node.${domain || 'service.consul'}`;
}

async function selfCheck(domain) {
  try { await dns.lookup(selfName(domain)); return true; } catch (_) { return false; }
}
module.exports = { resolve, metadata, selfName, selfCheck, pick };
