const STORAGE_KEY = 'pvb_vid';

function dnt() {
  return navigator.doNotTrack === '1' || window.doNotTrack === '1' || navigator.globalPrivacyControl === true;
}

function visitorId(persist) {
  if (!persist) return null;
  try {
    let id = localStorage.getItem(STORAGE_KEY);
    if (!id) { id = crypto.randomUUID(); localStorage.setItem(STORAGE_KEY, id); }
    return id;
  } catch { return null; }
}

export function createTracker({ endpoint, siteId, respectDnt = true, persistVisitor = false, sampleRate = 1, hashMode = false } = {}) {
  if (!endpoint || !siteId) throw new Error('pageview-beacon: endpoint and siteId are required');
  const disabled = (respectDnt && dnt()) || Math.random() >= sampleRate;
  const vid = visitorId(persistVisitor);

  function send(type, props = {}) {
    if (disabled) return false;
    const url = new URL(location.href);
    const payload = JSON.stringify({
      t: type,
      s: siteId,
      p: hashMode ? url.pathname + url.hash : url.pathname,
      r: document.referrer ? new URL(document.referrer).origin : null,
      w: window.innerWidth,
      l: navigator.language,
      v: vid,
      props
    });
    const blob = new Blob([payload], { type: 'application/json' });
    if (navigator.sendBeacon && navigator.sendBeacon(endpoint, blob)) return true;
    fetch(endpoint, { method: 'POST', body: payload, keepalive: true, headers: { 'content-type': 'application/json' } }).catch(() => {});
    return true;
  }

  function pageview() { return send('pageview'); }
  function event(name, props) { return send('event', { name, ...props }); }

  function autoTrack() {
    pageview();
    const push = history.pushState;
    history.pushState = function (...args) { const r = push.apply(this, args); pageview(); return r; };
    window.addEventListener('popstate', pageview);
    if (hashMode) window.addEventListener('hashchange', pageview);
  }

  return { pageview, event, autoTrack, disabled };
}
