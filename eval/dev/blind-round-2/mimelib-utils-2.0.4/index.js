'use strict';
const path = require('path');
const db = require('./lib/db.json');

const extensions = Object.create(null);
const types = Object.create(null);

Object.keys(db).forEach((type) => {
  const exts = db[type].extensions || [];
  extensions[type] = exts;
  exts.forEach((ext) => { if (!types[ext]) types[ext] = type; });
});

function lookup(p) {
  if (!p || typeof p !== 'string') return false;
  const ext = path.extname('x.' + p).toLowerCase().slice(1);
  return types[ext] || false;
}

function extension(type) {
  if (!type || typeof type !== 'string') return false;
  const m = /^\s*([^;\s]*)(?:;|\s|$)/.exec(type);
  const exts = m && extensions[m[1].toLowerCase()];
  return exts && exts.length ? exts[0] : false;
}

function contentType(str) {
  if (!str || typeof str !== 'string') return false;
  let mime = str.indexOf('/') === -1 ? lookup(str) : str;
  if (!mime) return false;
  if (mime.indexOf('charset') === -1 && /^text\/|json$/.test(mime)) mime += '; charset=utf-8';
  return mime;
}

module.exports = { lookup, extension, contentType, types, extensions };
