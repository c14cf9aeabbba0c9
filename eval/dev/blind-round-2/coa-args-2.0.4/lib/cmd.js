'use strict';

const Opt = require('./opt');
const Arg = require('./arg');

class Cmd {
    constructor(parent) {
        this._parent = parent;
        this._name = null;
        this._title = null;
        this._opts = [];
        this._args = [];
        this._cmds = [];
        this._act = [];
    }

    name(name) { this._name = name; return this; }
    title(title) { this._title = title; return this; }
    opt() { const o = new Opt(this); this._opts.push(o); return o; }
    arg() { const a = new Arg(this); this._args.push(a); return a; }
    cmd() { const c = new Cmd(this); this._cmds.push(c); return c; }
    act(fn) { this._act.push(fn); return this; }

    _parseArr(argv) {
        const opts = {}, args = {};
        const rest = argv.slice();
        let i = 0;
        while (rest.length) {
            const tok = rest.shift();
            if (tok === '--') break;
            if (tok.startsWith('--')) {
                const [k, v] = tok.slice(2).split('=');
                const o = this._opts.find(x => x._long === k);
                if (!o) throw new Error(`Unknown option: ${tok}`);
                opts[o._name] = o._flag ? true : (v !== undefined ? v : rest.shift());
            } else if (tok.startsWith('-') && tok.length > 1) {
                const o = this._opts.find(x => x._short === tok.slice(1));
                if (!o) throw new Error(`Unknown option: ${tok}`);
                opts[o._name] = o._flag ? true : rest.shift();
            } else {
                const a = this._args[i++];
                if (a) args[a._name] = tok;
            }
        }
        return { opts, args };
    }

    run(argv) {
        const { opts, args } = this._parseArr(argv || process.argv.slice(2));
        return this._act.reduce((p, fn) => p.then(() => fn.call(this, opts, args)), Promise.resolve());
    }
}

module.exports = Cmd;
