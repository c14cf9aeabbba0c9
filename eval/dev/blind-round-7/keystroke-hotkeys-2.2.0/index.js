'use strict';
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const bindings = [];
let scope = 'all';
let seq = [];
let seqTimer = null;
let installed = false;

function normalize(combo) {
  const parts = combo.toLowerCase().split('+').map((s) => s.trim());
  const key = parts.pop();
  const mods = new Set(parts.map((m) => (m === 'mod' ? (isMac ? 'meta' : 'ctrl') : m === 'cmd' ? 'meta' : m === 'option' ? 'alt' : m)));
  return { key: key === 'space' ? ' ' : key === 'esc' ? 'escape' : key, ctrl: mods.has('ctrl'), alt: mods.has('alt'), shift: mods.has('shift'), meta: mods.has('meta') };
}

function matches(c, e) {
  return c.key === e.key.toLowerCase() && c.ctrl === e.ctrlKey && c.alt === e.altKey && c.meta === e.metaKey && (c.shift === e.shiftKey || c.key.length === 1 && !/[a-z0-9]/.test(c.key));
}

function editable(t) {
  return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}

function onKeyDown(e) {
  for (const b of bindings) {
    if (b.scope !== 'all' && b.scope !== scope) continue;
    if (editable(e.target) && !b.allowInInputs) continue;
    const step = b.steps[seq.filter((s) => s.b === b).length];
    if (!step || !matches(step, e)) continue;
    if (b.steps.length === 1 || seq.filter((s) => s.b === b).length + 1 === b.steps.length) {
      seq = [];
      if (b.handler(e) === false) { e.preventDefault(); e.stopPropagation(); }
      return;
    }
    seq.push({ b });
    clearTimeout(seqTimer);
    seqTimer = setTimeout(() => { seq = []; }, 1000);
    return;
  }
  seq = [];
}

function install(target) {
  if (installed || typeof document === 'undefined') return;
  (target || document).addEventListener('keydown', onKeyDown);
  installed = true;
}

function hotkey(combo, handler, opts = {}) {
  install(opts.target);
  const b = { steps: combo.split(/\s+/).map(normalize), handler, scope: opts.scope || 'all', allowInInputs: !!opts.allowInInputs };
  bindings.push(b);
  return () => { const i = bindings.indexOf(b); if (i >= 0) bindings.splice(i, 1); };
}

hotkey.setScope = (s) => { scope = s; };
hotkey.getScope = () => scope;
hotkey.unbindAll = () => { bindings.length = 0; };
module.exports = hotkey;
