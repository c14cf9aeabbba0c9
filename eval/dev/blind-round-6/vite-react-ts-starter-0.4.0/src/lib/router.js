// Tiny hash-free router for the starter (History API).
const routes = [];
const listeners = new Set();

export function route(pattern, load) {
  const keys = [];
  const re = new RegExp("^" + pattern.replace(/\/:(\w+)/g, (_, k) => { keys.push(k); return "/([^/]+)"; }) + "/?$");
  routes.push({ re, keys, load });
}

export function match(pathname) {
  for (const r of routes) {
    const m = r.re.exec(pathname);
    if (m) return { load: r.load, params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

export function navigate(to, { replace = false } = {}) {
  history[replace ? "replaceState" : "pushState"]({}, "", to);
  listeners.forEach((fn) => fn(location.pathname));
}

export function subscribe(fn) {
  listeners.add(fn);
  const onPop = () => fn(location.pathname);
  window.addEventListener("popstate", onPop);
  return () => { listeners.delete(fn); window.removeEventListener("popstate", onPop); };
}

export function linkHandler(e) {
  const a = e.target.closest("a[href]");
  if (!a || a.origin !== location.origin || a.target || e.metaKey || e.ctrlKey) return;
  e.preventDefault(); navigate(a.pathname + a.search);
}
