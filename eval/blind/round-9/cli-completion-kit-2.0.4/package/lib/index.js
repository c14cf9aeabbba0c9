'use strict';
const fs = require('fs'), os = require('os'), path = require('path'), readline = require('readline');
const MARK = (name) => [`# begin ${name} completion`, `# end ${name} completion`];
function rcFile(shell) {
  return { bash: '.bashrc', zsh: '.zshrc', fish: '.config/fish/config.fish' }[shell];
}
function script(name, shell) {
  if (shell === 'fish') return `complete -c ${name} -f -a "(${name} completion --words (commandline -cp))"`;
  return `_${name}_complete() { COMPREPLY=( $(COMP_CWORD=$COMP_CWORD COMP_LINE="$COMP_LINE" ${name} completion -- "\${COMP_WORDS[@]}") ); }\ncomplete -F _${name}_complete ${name}`;
}
async function confirm(q) {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const a = await new Promise(r => rl.question(q + ' [y/N] ', r)); rl.close();
  return /^y(es)?$/i.test(a.trim());
}
async function install(name, shell = path.basename(process.env.SHELL || 'bash'), { yes = false } = {}) {
  const rc = rcFile(shell); if (!rc) throw new Error('unsupported shell ' + shell);
  const dir = path.join(os.homedir(), '.config', name); fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `completion.${shell}`); fs.writeFileSync(file, script(name, shell) + '\n');
  const target = path.join(os.homedir(), rc);
  const [b, e] = MARK(name);
  const cur = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (cur.includes(b)) return `already installed in ${target}`;
  if (!yes && !(await confirm(`Add completion for ${name} to ${target}?`))) return 'aborted';
  fs.appendFileSync(target, `\n${b}\n[ -f ${JSON.stringify(file)} ] && . ${JSON.stringify(file)}\n${e}\n`);
  return `installed; restart your shell or run: . ${target}`;
}
function uninstall(name, shell = path.basename(process.env.SHELL || 'bash')) {
  const target = path.join(os.homedir(), rcFile(shell)); const [b, e] = MARK(name);
  const cur = fs.readFileSync(target, 'utf8');
  const re = new RegExp(`\\n?${b}[\\s\\S]*?${e}\\n?`);
  fs.writeFileSync(target, cur.replace(re, '\n'));
}
module.exports = { install, uninstall, script };
