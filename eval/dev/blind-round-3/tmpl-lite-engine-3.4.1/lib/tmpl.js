'use strict';
const fs = require('fs');
const path = require('path');

const cache = new Map();
const ESCAPE = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const escapeHtml = s => String(s == null ? '' : s).replace(/[&<>"']/g, c => ESCAPE[c]);
const DELIM = /<%([=\-#_]?)([\s\S]*?)([_\-]?)%>/g;

function compile(source, opts = {}) {
  const localsName = opts.localsName || 'locals';
  if (!/^[A-Za-z_$][\w$]*$/.test(localsName)) throw new Error('localsName must be a valid identifier');
  let code = 'let __out = "";\n';
  let last = 0, m;
  DELIM.lastIndex = 0;
  while ((m = DELIM.exec(source))) {
    const text = source.slice(last, m.index);
    if (text) code += `__out += ${JSON.stringify(m[1] === '_' ? text.replace(/[ \t]+$/, '') : text)};\n`;
    const [, open, body] = m;
    if (open === '=') code += `__out += __escape(${body.trim()});\n`;
    else if (open === '-') code += `__out += (${body.trim()}) ?? "";\n`;
    else if (open !== '#') code += body + '\n';
    last = DELIM.lastIndex;
  }
  code += `__out += ${JSON.stringify(source.slice(last))};\nreturn __out;`;
  const body = opts.strict ? code : `with (${localsName} || {}) {\n${code}\n}`;
  let fn;
  try {
    fn = new Function(localsName, '__escape', 'include', body);
  } catch (e) {
    e.message += ` while compiling ${opts.filename || 'template'}`;
    throw e;
  }
  return (locals = {}) => fn(locals, escapeHtml, (p, l) => renderFile(path.resolve(path.dirname(opts.filename || '.'), p), Object.assign({}, locals, l), opts));
}

function renderFile(file, locals = {}, opts = {}) {
  const key = path.resolve(file);
  let tpl = opts.cache !== false && cache.get(key);
  if (!tpl) {
    tpl = compile(fs.readFileSync(key, 'utf8'), Object.assign({}, opts, { filename: key }));
    if (opts.cache !== false) cache.set(key, tpl);
  }
  return tpl(locals);
}

function render(source, locals, opts) { return compile(source, opts)(locals); }

function __express(file, options, cb) {
  try { cb(null, renderFile(file, options, { cache: options.settings && options.settings['view cache'] })); } catch (e) { cb(e); }
}

module.exports = { compile, render, renderFile, escapeHtml, clearCache: () => cache.clear(), __express };
