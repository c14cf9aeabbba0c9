'use strict';
// Convert :name / $name placeholders into positional parameters.
function compileNamed(sql, dialect = 'pg') {
  const names = [];
  let out = '', i = 0, inStr = null;
  while (i < sql.length) {
    const ch = sql[i];
    if (inStr) { out += ch; if (ch === inStr && sql[i - 1] !== '\\') inStr = null; i++; continue; }
    if (ch === "'" || ch === '"') { inStr = ch; out += ch; i++; continue; }
    if (ch === ':' && sql[i + 1] === ':') { out += '::'; i += 2; continue; }
    if ((ch === ':' || ch === '$') && /[A-Za-z_]/.test(sql[i + 1] || '')) {
      let j = i + 1; while (j < sql.length && /\w/.test(sql[j])) j++;
      const name = sql.slice(i + 1, j);
      let idx = names.indexOf(name);
      if (idx === -1 || dialect === 'mysql') { names.push(name); idx = names.length - 1; }
      out += dialect === 'mysql' ? '?' : '$' + (idx + 1);
      i = j; continue;
    }
    out += ch; i++;
  }
  return { text: out, names, values: params => names.map(n => { if (!(n in params)) throw new Error(`missing parameter :${n}`); return params[n]; }) };
}
module.exports = { compileNamed };
