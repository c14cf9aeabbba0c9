'use strict';
const fs = require('fs');
const path = require('path');

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ESCAPES[c]);
const cache = new Map();

function tokenize(src, open, close) {
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const start = src.indexOf(open, i);
    if (start === -1) { tokens.push({ type: 'text', value: src.slice(i) }); break; }
    if (start > i) tokens.push({ type: 'text', value: src.slice(i, start) });
    const end = src.indexOf(close, start + open.length);
    if (end === -1) throw new SyntaxError('Unclosed tag at offset ' + start);
    let body = src.slice(start + open.length, end);
    let type = 'code';
    if (body[0] === '=') { type = 'escaped'; body = body.slice(1); }
    else if (body[0] === '-') { type = 'raw'; body = body.slice(1); }
    else if (body[0] === '#') { type = 'comment'; }
    tokens.push({ type, value: body.trim() });
    i = end + close.length;
  }
  return tokens;
}

function compile(src, options = {}) {
  const open = options.open || '<%';
  const close = options.close || '%>';
  const localsName = options.localsName || 'locals';
  let code = 'let __out = "";\n';
  code += options.strict ? '' : 'with (' + localsName + ' || {}) {\n';
  for (const t of tokenize(src, open, close)) {
    if (t.type === 'text') code += '__out += ' + JSON.stringify(t.value) + ';\n';
    else if (t.type === 'escaped') code += '__out += __escape(' + t.value + ');\n';
    else if (t.type === 'raw') code += '__out += ((' + t.value + ') ?? "");\n';
    else if (t.type === 'code') code += t.value + '\n';
  }
  code += options.strict ? '' : '}\n';
  code += 'return __out;';
  let fn;
  try {
    fn = new Function(localsName, '__escape', 'include', code);
  } catch (err) {
    err.message += ' while compiling ' + (options.filename || 'template');
    throw err;
  }
  return function render(locals) {
    const include = (file, extra) => renderFile(path.resolve(path.dirname(options.filename || '.'), file), Object.assign({}, locals, extra), options);
    return fn(locals, escapeHtml, include);
  };
}

function renderFile(file, locals, options = {}) {
  let fn = options.cache !== false && cache.get(file);
  if (!fn) {
    fn = compile(fs.readFileSync(file, 'utf8'), Object.assign({}, options, { filename: file }));
    if (options.cache !== false) cache.set(file, fn);
  }
  return fn(locals);
}

function render(src, locals, options) {
  return compile(src, options)(locals);
}

function __express(file, locals, cb) {
  try { cb(null, renderFile(file, locals, { cache: locals.settings && locals.settings['view cache'] })); }
  catch (err) { cb(err); }
}

module.exports = { compile, render, renderFile, escapeHtml, __express, clearCache: () => cache.clear() };
