'use strict';
const dns = require('dns').promises;
const crypto = require('crypto');
async function mx(domain) { try { return (await dns.resolveMx(domain)).sort((a, b) => a.priority - b.priority); } catch { return []; } }
async function txt(name) { try { return (await dns.resolveTxt(name)).map(r => r.join('')); } catch { return []; } }
async function check(domain) {
  const [records, root, dmarc] = await Promise.all([mx(domain), txt(domain), txt('_dmarc.' + domain)]);
  return { domain, hasMx: records.length > 0, mx: records, spf: root.find(r => r.startsWith('v=spf1')) || null, dmarc: dmarc.find(r => r.startsWith('v=DMARC1')) || null };
}
/** Ownership verification: the user publishes `_verify.<domain> TXT "token=<hex>"`. */
function challenge(domain, secret) { return 'token=' + crypto.createHmac('sha256', secret).update(domain.toLowerCase()).digest('hex').slice(0, 32); }
async function verifyOwnership(domain, secret) { const want = challenge(domain, secret); return (await txt('_verify.' + domain)).includes(want); }
module.exports = { check, mx, txt, challenge, verifyOwnership };
