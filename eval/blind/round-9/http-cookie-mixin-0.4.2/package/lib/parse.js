module.exports = function parse(str) {
  const out = {};
  str.split(/;\s*/).forEach(p => { const i = p.indexOf('='); if (i > 0) out[decodeURIComponent(p.slice(0, i).trim())] = decodeURIComponent(p.slice(i + 1).trim()); });
  return out;
};
