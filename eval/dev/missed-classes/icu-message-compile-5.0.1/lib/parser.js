'use strict';

function parse(src) {
  let i = 0;
  function text(stopAtHash) {
    let out = '';
    while (i < src.length) {
      const c = src[i];
      if (c === '{' || c === '}' || (stopAtHash && c === '#')) break;
      if (c === "'" && src[i + 1] === "'") { out += "'"; i += 2; continue; }
      out += c;
      i++;
    }
    return out;
  }
  function ws() { while (/\s/.test(src[i])) i++; }
  function ident() {
    ws();
    const start = i;
    while (i < src.length && /[\w-]/.test(src[i])) i++;
    return src.slice(start, i);
  }
  function message(inPlural) {
    const parts = [];
    while (i < src.length && src[i] !== '}') {
      if (src[i] === '{') parts.push(arg());
      else if (inPlural && src[i] === '#') { parts.push({ type: 'octothorpe' }); i++; }
      else parts.push(text(inPlural));
    }
    return parts;
  }
  function arg() {
    i++;
    const name = ident();
    ws();
    if (src[i] === '}') { i++; return { type: 'argument', name }; }
    i++;
    const kind = ident();
    ws();
    if (src[i] === ',') i++;
    const cases = {};
    let offset = 0;
    for (;;) {
      ws();
      if (src[i] === '}') { i++; break; }
      let key = ident();
      if (key === 'offset' && src[i] === ':') { i++; offset = Number(ident()); continue; }
      if (src[i] === '=') { i++; key = '=' + ident(); }
      ws();
      if (src[i] !== '{') throw new SyntaxError('Expected { at ' + i);
      i++;
      cases[key] = message(kind !== 'select');
      i++;
    }
    return { type: kind, name, cases, offset };
  }
  const ast = message(false);
  if (i < src.length) throw new SyntaxError('Unexpected } at ' + i);
  return ast;
}

module.exports = { parse };
