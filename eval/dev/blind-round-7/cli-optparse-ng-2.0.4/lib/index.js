'use strict';
class Command {
  constructor(name) { this._name = name; this._opts = []; this._args = []; this._subs = new Map(); this._act = null; }
  opt(name, { short, type = 'string', def, desc = '' } = {}) { this._opts.push({ name, short, type, def, desc }); return this; }
  arg(name, { required = false } = {}) { this._args.push({ name, required }); return this; }
  cmd(name) { const c = new Command(name); this._subs.set(name, c); return c; }
  act(fn) { this._act = fn; return this; }
  help() {
    const lines = [`Usage: ${this._name} [options] ${this._args.map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`)).join(' ')}`];
    for (const o of this._opts) lines.push(`  ${o.short ? '-' + o.short + ', ' : '    '}--${o.name}${o.type === 'boolean' ? '' : ' <' + o.type + '>'}  ${o.desc}`);
    if (this._subs.size) lines.push('Commands: ' + [...this._subs.keys()].join(', '));
    return lines.join('\n');
  }
  parse(argv = process.argv.slice(2)) {
    if (argv.length && this._subs.has(argv[0])) return this._subs.get(argv[0]).parse(argv.slice(1));
    const opts = {}; const args = [];
    for (const o of this._opts) if (o.def !== undefined) opts[o.name] = o.def;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      const spec = a.startsWith('--') ? this._opts.find((o) => o.name === a.slice(2).split('=')[0]) : a.startsWith('-') ? this._opts.find((o) => o.short === a.slice(1)) : null;
      if (!spec) { args.push(a); continue; }
      if (spec.type === 'boolean') opts[spec.name] = true;
      else { const v = a.includes('=') ? a.split('=').slice(1).join('=') : argv[++i]; opts[spec.name] = spec.type === 'number' ? Number(v) : v; }
    }
    const named = {};
    this._args.forEach((d, i) => { if (d.required && args[i] === undefined) throw new Error(`missing argument <${d.name}>`); named[d.name] = args[i]; });
    return this._act ? this._act(opts, named, args) : { opts, args: named };
  }
}
module.exports = (name) => new Command(name);
module.exports.Command = Command;
