"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const storage = require("./storage");
const qr = require("./qr");

function formatDate(d, fmt = "YYYY-MM-DD HH:mm") {
  const p = (n) => String(n).padStart(2, "0");
  return fmt.replace("YYYY", d.getFullYear()).replace("MM", p(d.getMonth() + 1)).replace("DD", p(d.getDate()))
    .replace("HH", p(d.getHours())).replace("mm", p(d.getMinutes())).replace("ss", p(d.getSeconds()));
}
function parseQuery(q = typeof location !== "undefined" ? location.search : "") {
  return Object.fromEntries(new URLSearchParams(q));
}
function debounce(fn, ms = 200) { let t; return function (...a) { clearTimeout(t); t = setTimeout(() => fn.apply(this, a), ms); }; }
function throttle(fn, ms = 200) { let last = 0; return function (...a) { const n = Date.now(); if (n - last >= ms) { last = n; fn.apply(this, a); } }; }

exports.formatDate = formatDate;
exports.parseQuery = parseQuery;
exports.debounce = debounce;
exports.throttle = throttle;
exports.storage = storage;
exports.qr = qr;
