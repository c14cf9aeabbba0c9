#!/usr/bin/env node
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

const BEGIN = '# >>> shell-path-setup >>>';
const END = '# <<< shell-path-setup <<<';

function profileFor(shell) {
  const home = os.homedir();
  if (shell.endsWith('zsh')) return path.join(home, '.zshrc');
  if (shell.endsWith('fish')) return path.join(home, '.config', 'fish', 'config.fish');
  return path.join(home, process.platform === 'darwin' ? '.bash_profile' : '.bashrc');
}

function block(shell, dir) {
  const line = shell.endsWith('fish') ? `fish_add_path -g ${JSON.stringify(dir)}` : `export PATH=${JSON.stringify(dir)}:"$PATH"`;
  return `${BEGIN}\n# added by shell-path-setup on ${new Date().toISOString().slice(0, 10)}; remove with: shell-path-setup --uninstall\n${line}\n${END}\n`;
}

function strip(text) {
  const re = new RegExp(`\\n?${BEGIN}[\\s\\S]*?${END}\\n?`, 'g');
  return text.replace(re, '\n');
}

function ask(q) {
  if (!process.stdin.isTTY) return Promise.resolve(false);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((res) => rl.question(q, (a) => { rl.close(); res(/^y(es)?$/i.test(a.trim())); }));
}

async function main() {
  const args = process.argv.slice(2);
  const shell = process.env.SHELL || 'bash';
  const file = profileFor(shell);
  const dir = path.resolve(args.find((a) => !a.startsWith('-')) || path.join(os.homedir(), '.local', 'bin'));
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';

  if (args.includes('--uninstall')) {
    if (!current.includes(BEGIN)) return console.log(`nothing to remove in ${file}`);
    fs.writeFileSync(file, strip(current));
    return console.log(`removed shell-path-setup block from ${file}`);
  }

  const next = strip(current).replace(/\n*$/, '\n') + '\n' + block(shell, dir);
  console.log(`This will add ${dir} to PATH in ${file}:\n\n${block(shell, dir)}`);
  const yes = args.includes('--yes') || (await ask('Proceed? [y/N] '));
  if (!yes) return console.log('aborted, nothing changed (run with --yes to skip the prompt)');
  if (current) fs.copyFileSync(file, `${file}.bak-${Date.now()}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next);
  console.log(`updated ${file} (backup saved). Open a new terminal or run: source ${file}`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });
