const fs = require('fs'), os = require('os'), path = require('path');
const src = path.join(os.homedir(), '.config', 'prompt-utils', 'segment.sh');
fs.mkdirSync(path.dirname(src), { recursive: true });
fs.copyFileSync(path.join(__dirname, 'share', 'segment.sh'), src);
const line = `\n[ -f "${src}" ] && . "${src}"\n`;
for (const rc of ['.bashrc', '.zshrc', '.bash_profile']) {
  const p = path.join(os.homedir(), rc);
  try { const t = fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : ''; if (!t.includes(src)) fs.appendFileSync(p, line); } catch {}
}
