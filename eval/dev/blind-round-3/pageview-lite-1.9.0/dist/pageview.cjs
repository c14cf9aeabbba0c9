const DEFAULT_ENDPOINT = 'https://collect.pageview-lite.example.com/api/event';
let cfg = { endpoint: DEFAULT_ENDPOINT, domain: null, hashMode: false, trackLocalhost: false, respectDnt: true };

function optedOut() {
  try {
    if (localStorage.getItem('pageview_ignore') === 'true') return true;
  } catch (e) {}
  if (cfg.respectDnt && (navigator.doNotTrack === '1' || window.doNotTrack === '1' || navigator.globalPrivacyControl === true)) return true;
  if (!cfg.trackLocalhost && /^(localhost|127\.|\[::1\]$)/.test(location.hostname)) return true;
  if (navigator.webdriver || window._phantom || window.__nightmare) return true;
  return false;
}

function cleanUrl() {
  const u = new URL(location.href);
  for (const k of [...u.searchParams.keys()]) if (!/^utm_|^ref$/.test(k)) u.searchParams.delete(k);
  return u.origin + u.pathname + (u.search || '') + (cfg.hashMode ? u.hash : '');
}

function send(name, props) {
  if (optedOut()) return;
  const payload = JSON.stringify({
    n: name, u: cleanUrl(), d: cfg.domain || location.hostname,
    r: document.referrer ? new URL(document.referrer).origin : null,
    w: window.innerWidth, p: props ? JSON.stringify(props) : undefined
  });
  if (navigator.sendBeacon && navigator.sendBeacon(cfg.endpoint, new Blob([payload], { type: 'text/plain' }))) return;
  fetch(cfg.endpoint, { method: 'POST', body: payload, keepalive: true, headers: { 'content-type': 'text/plain' } }).catch(() => {});
}

function init(options = {}) {
  cfg = Object.assign({}, cfg, options);
  send('pageview');
  const push = history.pushState;
  history.pushState = function (...a) { push.apply(this, a); send('pageview'); };
  addEventListener('popstate', () => send('pageview'));
  if (cfg.hashMode) addEventListener('hashchange', () => send('pageview'));
  document.addEventListener('click', e => {
    const a = e.target.closest && e.target.closest('a[href]');
    if (a && a.host !== location.host) send('Outbound Link: Click', { url: a.href });
  }, true);
}
const track = (name, props) => send(name, props);
function ignoreThisBrowser(v = true) { try { localStorage.setItem('pageview_ignore', String(v)); } catch (e) {} }
module.exports = { init, track, ignoreThisBrowser };
