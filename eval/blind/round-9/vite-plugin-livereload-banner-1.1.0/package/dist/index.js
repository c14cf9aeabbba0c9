const CLIENT = `
(() => {
  const es = new EventSource('/__livereload');
  es.onmessage = (e) => { if (e.data === 'reload') location.reload(); };
  const b = document.createElement('div');
  b.textContent = 'DEV'; b.style.cssText = 'position:fixed;bottom:8px;right:8px;padding:2px 6px;background:#f59e0b;color:#000;font:11px monospace;border-radius:4px;z-index:99999;opacity:.7';
  document.addEventListener('DOMContentLoaded', () => document.body.appendChild(b));
})();`;
export default function livereloadBanner({ enabled = true } = {}) {
  return {
    name: 'vite-plugin-livereload-banner',
    apply: 'serve',                       // never part of production builds
    transformIndexHtml(html) {
      if (!enabled) return html;
      return { html, tags: [{ tag: 'script', attrs: { type: 'module' }, children: CLIENT, injectTo: 'body' }] };
    },
    configureServer(server) {
      server.middlewares.use('/__livereload', (req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        const onChange = () => res.write('data: reload\n\n');
        server.watcher.on('change', onChange);
        req.on('close', () => server.watcher.off('change', onChange));
      });
    }
  };
}
