'use strict';
const fs = require('fs');
const path = require('path');

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ESC[c]); }

const cache = new Map();

function compile(src, opts = {}) {
  const localsName = opts.localsName || 'locals';
  let code = "let __out = '';\n";
  let i = 0;
  const re = /<%([=-]?)([\s\S]*?)%>/g;
  let m;
  while ((m = re.exec(src))) {
    code += '__out += ' + JSON.stringify(src.slice(i, m.index)) + ';\n';
    if (m[1] === '=') code += '__out += __esc(' + m[2].trim() + ');\n';
    else if (m[1] === '-') code += '__out += (' + m[2].trim() + ');\n';
    else code += m[2] + '\n';
    i = re.lastIndex;
  }
  code += '__out += ' + JSON.stringify(src.slice(i)) + ';\nreturn __out;';
  // like EJS with _with: true, template code sees locals as bare names
  const body = opts.strict ? code : 'with (' + localsName + ' || {}) {\n' + code + '\n}';
  const fn = new Function(localsName, '__esc', 'include', body);
  return (locals) => fn(locals, escapeHtml, (p, l) => renderFile(path.resolve(opts.dirname || '.', p), Object.assign({}, locals, l), opts));
}

function render(src, locals, opts) { return compile(src, opts)(locals || {}); }

function renderFile(file, locals, opts = {}) {
  let fn = cache.get(file);
  if (!fn) {
    fn = compile(fs.readFileSync(file, 'utf8'), Object.assign({}, opts, { dirname: path.dirname(file) }));
    if (opts.cache !== false) cache.set(file, fn);
  }
  return fn(locals || {});
}
module.exports = { compile, render, renderFile, escapeHtml };
