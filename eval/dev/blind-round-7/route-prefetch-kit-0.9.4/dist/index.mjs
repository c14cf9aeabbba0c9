const seen = new Set();
export function prefetch(href) {
  if (typeof document === 'undefined' || seen.has(href)) return;
  seen.add(href);
  const link = document.createElement('link');
  link.rel = 'prefetch';
  link.href = href;
  document.head.appendChild(link);
}
export function observe(root) {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const io = new IntersectionObserver((es) => es.forEach((e) => { if (e.isIntersecting) { prefetch(e.target.href); io.unobserve(e.target); } }));
  (root || document).querySelectorAll('a[href^="/"]').forEach((a) => io.observe(a));
  return () => io.disconnect();
}
