'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const seen = new Set();
function prefetch(href, opts) {
  if (typeof document === 'undefined' || seen.has(href)) return;
  seen.add(href);
  const conn = typeof navigator !== 'undefined' && navigator.connection;
  if (conn && (conn.saveData || /2g/.test(conn.effectiveType || ''))) return;
  const link = document.createElement('link');
  link.rel = (opts && opts.priority === 'high') ? 'preload' : 'prefetch';
  link.as = 'document';
  link.href = href;
  document.head.appendChild(link);
}
function observe(root, opts) {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) { prefetch(e.target.href, opts); io.unobserve(e.target); }
    }
  }, { rootMargin: (opts && opts.margin) || '200px' });
  const links = (root || document).querySelectorAll('a[href^="/"]');
  links.forEach((a) => io.observe(a));
  const onHover = (ev) => { const a = ev.target.closest && ev.target.closest('a[href^="/"]'); if (a) prefetch(a.href, opts); };
  (root || document).addEventListener('mouseover', onHover, { passive: true });
  return () => { io.disconnect(); (root || document).removeEventListener('mouseover', onHover); };
}
exports.prefetch = prefetch;
exports.observe = observe;
