'use strict';
const fs = require('fs');
const path = require('path');

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ESC[c]);
const cache = new Map();

function compile(src, { localsName = 'locals', filename = 'template' } = {}) {
  if (!/^[A-Za-z_$][\w$]*$/.test(localsName)) throw new Error('invalid localsName');
  const re = /<%([=-]?)([\s\S]+?)%>/g;
  let code = 'let __out = "";\nwith (' + localsName + ') {\n';
  let last = 0, m;
  while ((m = re.exec(src))) {
    code += '__out += ' + JSON.stringify(src.slice(last, m.index)) + ';\n';
    if (m[1] === '=') code += '__out += __esc(' + m[2].trim() + ');\n';
    else if (m[1] === '-') code += '__out += (' + m[2].trim() + ') ?? "";\n';
    else code += m[2] + '\n';
    last = re.lastIndex;
  }
  code += '__out += ' + JSON.stringify(src.slice(last)) + ';\n}\nreturn __out;\n//# sourceURL=' + filename.replace(/\s/g, '_');
  let fn;
  try {
    fn = new Function(localsName, '__esc', code);
  } catch (e) {
    e.message = `${filename}: ${e.message}`;
    throw e;
  }
  return (locals = {}) => fn(locals, escapeHtml);
}

function renderFile(file, locals, opts = {}) {
  const full = path.resolve(file);
  let tpl = opts.cache !== false && cache.get(full);
  if (!tpl) {
    tpl = compile(fs.readFileSync(full, 'utf8'), { ...opts, filename: path.basename(full) });
    if (opts.cache !== false) cache.set(full, tpl);
  }
  return tpl(locals);
}

module.exports = { compile, render: (src, locals, opts) => compile(src, opts)(locals), renderFile, escapeHtml, clearCache: () => cache.clear() };
