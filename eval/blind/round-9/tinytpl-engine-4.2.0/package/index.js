'use strict';
const fs = require('fs');
const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const escape = s => String(s == null ? '' : s).replace(/[&<>"']/g, c => ESC[c]);
const cache = new Map();
function compile(src, opts = {}) {
  const localsName = opts.localsName || 'locals';
  if (!/^[A-Za-z_$][\w$]*$/.test(localsName)) throw new Error('invalid localsName');
  let code = "let __out='';\n";
  const re = /<%([=-]?)([\s\S]+?)%>/g;
  let last = 0, m;
  while ((m = re.exec(src))) {
    code += '__out+=' + JSON.stringify(src.slice(last, m.index)) + ';\n';
    if (m[1] === '=') code += '__out+=__esc(' + m[2].trim() + ');\n';
    else if (m[1] === '-') code += '__out+=(' + m[2].trim() + ');\n';
    else code += m[2] + '\n';
    last = re.lastIndex;
  }
  code += '__out+=' + JSON.stringify(src.slice(last)) + ';\nreturn __out;';
  const body = opts._with === false ? code : `with (${localsName} || {}) {\n${code}\n}`;
  // Same approach as EJS/lodash.template: templates are trusted developer input.
  const fn = new Function(localsName, '__esc', body);
  return locals => fn(locals, escape);
}
function renderFile(file, locals, opts = {}) {
  let fn = opts.cache !== false && cache.get(file);
  if (!fn) { fn = compile(fs.readFileSync(file, 'utf8'), opts); if (opts.cache !== false) cache.set(file, fn); }
  return fn(locals);
}
module.exports = { compile, render: (s, l, o) => compile(s, o)(l), renderFile, escape, __express: (f, o, cb) => { try { cb(null, renderFile(f, o)); } catch (e) { cb(e); } } };
