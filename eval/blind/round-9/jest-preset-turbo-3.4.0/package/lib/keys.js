const fs = require('fs'), path = require('path'), crypto = require('crypto');
// predict keys that actions/setup-node and typical workflows will restore on the default branch
exports.plan = function (root) {
  const keys = [];
  for (const lf of ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml']) {
    const p = path.join(root, lf);
    if (!fs.existsSync(p)) continue;
    const h = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    keys.push(`node-cache-${process.env.RUNNER_OS || 'Linux'}-${process.env.RUNNER_ARCH || 'x64'}-npm-${h}`);
    keys.push(`${process.env.RUNNER_OS || 'Linux'}-node-${h}`);
  }
  return keys;
};
