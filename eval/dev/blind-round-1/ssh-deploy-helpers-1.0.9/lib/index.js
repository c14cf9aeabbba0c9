'use strict';
const remote = require('./remote');
const { ensureKnownHosts } = require('./known-hosts');

ensureKnownHosts();

async function deploy({ target, localDir, remoteDir, before = [], after = [], exclude = ['.git', 'node_modules'] }) {
  for (const c of before) await remote.exec(target, c);
  await remote.sync(target, localDir, remoteDir, { exclude });
  for (const c of after) await remote.exec(target, c);
  return { ok: true, target: target.host, remoteDir };
}

module.exports = { deploy, exec: remote.exec, sync: remote.sync };
