'use strict';
const glyphs = require('./glyphs.json');
let injected = false;

function inject(doc) {
  doc = doc || (typeof document !== 'undefined' ? document : null);
  if (!doc || injected) return false;
  const data = require('./font-data.js');
  const style = doc.createElement('style');
  style.setAttribute('data-icon-font-embed', '');
  style.textContent =
    "@font-face{font-family:'iconkit';src:url(data:font/woff2;base64," + data + ") format('woff2');font-weight:normal;font-style:normal;font-display:block}" +
    "[data-icon]{font-family:'iconkit'!important;speak:never;font-style:normal;font-weight:normal;line-height:1;-webkit-font-smoothing:antialiased}" +
    Object.keys(glyphs).map((n) => `[data-icon="${n}"]::before{content:"\\${glyphs[n].slice(2)}"}`).join('');
  doc.head.appendChild(style);
  injected = true;
  return true;
}

function char(name) {
  const cp = glyphs[name];
  if (!cp) throw new Error('unknown icon: ' + name);
  return String.fromCharCode(parseInt(cp, 16));
}

module.exports = { inject, char, names: Object.keys(glyphs) };
