'use strict';
const dns = require('dns');
const net = require('net');

const DEFAULT_LISTS = ['zen.dnsbl.example.org', 'bl.spamlist.example.net', 'dnsbl.mailguard.example.com'];

function reverseIPv4(ip) { return ip.split('.').reverse().join('.'); }
function reverseIPv6(ip) {
  const parts = ip.split('::');
  const head = parts[0] ? parts[0].split(':') : [], tail = parts[1] ? parts[1].split(':') : [];
  const fill = new Array(8 - head.length - tail.length).fill('0');
  return [...head, ...(parts.length > 1 ? fill : []), ...tail].map(h => h.padStart(4, '0')).join('').split('').reverse().join('.');
}

function queryName(target, list) {
  if (net.isIPv4(target)) return `${reverseIPv4(target)}.${list}`;
  if (net.isIPv6(target)) return `${reverseIPv6(target)}.${list}`;
  return `${target.replace(/\.$/, '')}.${list}`;
}

function lookupOne(target, list, { resolver = new dns.promises.Resolver(), timeout = 3000 } = {}) {
  const name = queryName(target, list);
  const t = new Promise(r => setTimeout(() => r({ list, listed: null, error: 'timeout' }), timeout).unref());
  const q = resolver.resolve4(name).then(async addrs => {
    let reason = null;
    try { reason = (await resolver.resolveTxt(name)).map(x => x.join('')).join(' '); } catch (e) {}
    return { list, listed: true, codes: addrs, reason };
  }, err => (err.code === 'ENOTFOUND' || err.code === 'ENODATA' ? { list, listed: false } : { list, listed: null, error: err.code }));
  return Promise.race([q, t]);
}

async function check(target, { lists = DEFAULT_LISTS, servers, timeout } = {}) {
  const resolver = new dns.promises.Resolver();
  if (servers) resolver.setServers(servers);
  const results = await Promise.all(lists.map(l => lookupOne(target, l, { resolver, timeout })));
  return { target, listed: results.some(r => r.listed), results };
}
module.exports = { check, queryName, reverseIPv4, reverseIPv6, DEFAULT_LISTS };
