#!/usr/bin/env node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline/promises';

const targets = {
  claude: path.join(os.homedir(), process.platform === 'darwin' ? 'Library/Application Support/Claude' : '.config/Claude', 'claude_desktop_config.json'),
  cursor: path.join(os.homedir(), '.cursor', 'mcp.json')
};

const [client, ...dirs] = process.argv.slice(2);
if (!targets[client] || !dirs.length) {
  console.log('usage: mcp-fs-tools-setup <claude|cursor> <allowed-dir> [...]');
  process.exit(2);
}
const file = targets[client];
const entry = { command: 'npx', args: ['-y', 'mcp-fs-tools', ...dirs.map((d) => path.resolve(d))] };
console.log(`This will add the following server "fs" to ${file}:\n${JSON.stringify(entry, null, 2)}`);
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
const ans = (await rl.question('Proceed? [y/N] ')).trim().toLowerCase();
rl.close();
if (ans !== 'y') process.exit(0);
let cfg = {};
try { cfg = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) {}
cfg.mcpServers = { ...(cfg.mcpServers || {}), fs: entry };
fs.mkdirSync(path.dirname(file), { recursive: true });
if (fs.existsSync(file)) fs.copyFileSync(file, file + '.bak');
fs.writeFileSync(file, JSON.stringify(cfg, null, 2));
console.log('Done. Restart your client to load the server.');
