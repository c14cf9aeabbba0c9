'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const FILE = path.join(os.homedir(), '.cliph_history.json');
function load() { try { return JSON.parse(fs.readFileSync(FILE, 'utf8')); } catch (e) { return []; } }
function add(text) { const h = load().filter(x => x.text !== text); h.unshift({ text, at: Date.now() }); fs.writeFileSync(FILE, JSON.stringify(h.slice(0, 500))); }
function search(q) { const re = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'); return load().filter(x => re.test(x.text)); }
module.exports = { load, add, search, FILE };
