"use strict";
const EventEmitter = require("events");

function camel(s) { return s.replace(/-([a-z])/g, (_, c) => c.toUpperCase()); }

class Option {
  constructor(flags, desc, def) {
    const parts = flags.split(/[ ,|]+/);
    this.short = parts.find((p) => /^-[^-]$/.test(p));
    this.long = parts.find((p) => p.startsWith("--"));
    this.takesValue = /<|\[/.test(flags);
    this.required = /</.test(flags);
    this.name = camel((this.long || this.short).replace(/^-+/, "").replace(/^no-/, ""));
    this.negate = this.long ? this.long.startsWith("--no-") : false;
    this.desc = desc; this.def = def;
  }
  matches(arg) { return arg === this.short || arg === this.long; }
}

class Command extends EventEmitter {
  constructor(name) {
    super();
    this.name = name || ""; this.options = []; this.commands = new Map();
    this._action = null; this._desc = "";
  }
  description(d) { this._desc = d; return this; }
  option(flags, desc, def) { this.options.push(new Option(flags, desc, def)); return this; }
  command(name) { const c = new Command(name); c.parent = this; this.commands.set(name, c); return c; }
  action(fn) { this._action = fn; return this; }
  help() {
    const lines = [`Usage: ${this.name} [options]${this.commands.size ? " <command>" : ""}`, ""];
    if (this._desc) lines.push(this._desc, "");
    for (const o of this.options) lines.push(`  ${[o.short, o.long].filter(Boolean).join(", ").padEnd(24)} ${o.desc || ""}`);
    for (const [n, c] of this.commands) lines.push(`  ${n.padEnd(24)} ${c._desc}`);
    return lines.join("\n");
  }
  parse(argv) {
    const out = {}; const rest = [];
    for (const o of this.options) out[o.name] = o.negate ? true : o.def;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (this.commands.has(a)) return this.commands.get(a).parse(argv.slice(i + 1));
      if (a === "--") { rest.push(...argv.slice(i + 1)); break; }
      let key = a, val;
      if (a.startsWith("--") && a.includes("=")) [key, val] = a.split(/=(.*)/s);
      const o = this.options.find((x) => x.matches(key));
      if (!o) { if (a.startsWith("-")) this.emit("unknown", a); else rest.push(a); continue; }
      if (o.negate) out[o.name] = false;
      else if (o.takesValue) {
        if (val === undefined) val = argv[++i];
        if (val === undefined && o.required) throw new Error(`option ${o.long || o.short} requires a value`);
        out[o.name] = val;
      } else out[o.name] = true;
    }
    if (this._action) this._action(out, rest);
    this.emit("parsed", out, rest);
    return { opts: out, args: rest, command: this.name };
  }
}

module.exports = { Command, Option, program: new Command(require("path").basename(process.argv[1] || "cli")) };
