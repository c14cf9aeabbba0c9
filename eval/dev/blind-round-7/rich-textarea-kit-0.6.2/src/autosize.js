export function autosize(el, { maxRows = 20 } = {}) {
  const style = getComputedStyle(el);
  const line = parseFloat(style.lineHeight) || 18;
  const pad = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  const fit = () => {
    el.style.height = 'auto';
    el.style.height = Math.min(el.scrollHeight, line * maxRows + pad) + 'px';
    el.style.overflowY = el.scrollHeight > line * maxRows + pad ? 'auto' : 'hidden';
  };
  el.addEventListener('input', fit);
  fit();
  return () => el.removeEventListener('input', fit);
}
