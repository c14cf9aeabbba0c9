'use strict';
const fs = require('fs');
const path = require('path');

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ESC[c]);
const cache = new Map();

function compile(source, { filename, localsName = 'it', strict = true } = {}) {
  let code = 'let __out = "";\n';
  const re = /<%([=\-#]?)([\s\S]+?)-?%>/g;
  let last = 0, m;
  while ((m = re.exec(source))) {
    code += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    const [, tag, body] = m;
    if (tag === '=') code += `__out += __esc(${body.trim()});\n`;
    else if (tag === '-') code += `__out += (${body.trim()});\n`;
    else if (tag === '#') { /* comment */ }
    else code += body + '\n';
    last = re.lastIndex;
  }
  code += `__out += ${JSON.stringify(source.slice(last))};\nreturn __out;`;
  if (!strict) code = `with (${localsName} || {}) {\n${code}\n}`;
  let fn;
  try {
    // Templates are trusted developer code, compiled once and cached (same model as EJS/lodash.template).
    fn = new Function(localsName, '__esc', '__include', code);
  } catch (err) {
    err.message = `${filename || 'template'}: ${err.message}`;
    throw err;
  }
  return (locals = {}) => fn(locals, escape, (name, l) => renderFile(path.resolve(path.dirname(filename || '.'), name), { ...locals, ...l }));
}

function renderFile(file, locals, opts = {}) {
  let tpl = opts.cache !== false && cache.get(file);
  if (!tpl) {
    tpl = compile(fs.readFileSync(file, 'utf8'), { ...opts, filename: file });
    if (opts.cache !== false) cache.set(file, tpl);
  }
  return tpl(locals);
}

function render(source, locals, opts) {
  return compile(source, opts)(locals);
}

// Express view-engine adapter: app.engine('tpl', require('tiny-tmpl-engine').__express)
function __express(file, options, cb) {
  try { cb(null, renderFile(file, options, { cache: options.settings && options.settings['view cache'] })); }
  catch (e) { cb(e); }
}

module.exports = { compile, render, renderFile, escape, __express, clearCache: () => cache.clear() };
