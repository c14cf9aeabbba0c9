exports.Cmd = function Cmd() {
  const opts = {}; const self = {
    opt() { const o = {}; return { name(n) { o.name = n; return this; }, long(l) { o.long = l; opts[l] = o; return this; }, end() { return self; } }; },
    parse(argv) { const r = {}; for (let i = 0; i < argv.length; i++) { const m = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]); if (m && opts[m[1]]) r[opts[m[1]].name] = m[2] !== undefined ? m[2] : true; } return r; }
  }; return self;
};
