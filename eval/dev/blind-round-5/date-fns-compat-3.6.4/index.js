"use strict";
const pad = (n, l = 2) => String(n).padStart(l, "0");
function format(d, pattern) {
  d = new Date(d);
  const map = { yyyy: d.getFullYear(), MM: pad(d.getMonth() + 1), dd: pad(d.getDate()), HH: pad(d.getHours()), mm: pad(d.getMinutes()), ss: pad(d.getSeconds()) };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (t) => map[t]);
}
function addDays(d, n) { const x = new Date(d); x.setDate(x.getDate() + n); return x; }
function differenceInDays(a, b) { return Math.round((new Date(a) - new Date(b)) / 864e5); }
module.exports = { format, addDays, differenceInDays };
