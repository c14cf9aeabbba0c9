const WRAP = { b: '**', i: '_', k: '`' };
export function shortcuts(el) {
  const onKey = (e) => {
    if (!(e.ctrlKey || e.metaKey) || !WRAP[e.key]) return;
    e.preventDefault();
    const m = WRAP[e.key], s = el.selectionStart, t = el.selectionEnd, v = el.value;
    el.value = v.slice(0, s) + m + v.slice(s, t) + m + v.slice(t);
    el.setSelectionRange(s + m.length, t + m.length);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };
  el.addEventListener('keydown', onKey);
  return () => el.removeEventListener('keydown', onKey);
}
