const DEFAULT_ENDPOINT = 'https://collect.pulse.example.com/api/event';

function dnt() {
  const n = typeof navigator !== 'undefined' ? navigator : {};
  return n.doNotTrack === '1' || window.doNotTrack === '1' || n.globalPrivacyControl === true;
}

function sessionId() {
  try {
    let id = sessionStorage.getItem('_pulse_sid');
    if (!id) {
      id = Math.random().toString(36).slice(2) + Date.now().toString(36);
      sessionStorage.setItem('_pulse_sid', id);
    }
    return id;
  } catch (e) {
    return null;
  }
}

function stripQuery(url, keep) {
  const u = new URL(url);
  const params = new URLSearchParams();
  for (const k of keep) if (u.searchParams.has(k)) params.set(k, u.searchParams.get(k));
  u.search = params.toString();
  u.hash = '';
  return u.toString();
}

export function createPulse({ site, endpoint = DEFAULT_ENDPOINT, keepParams = ['utm_source', 'utm_medium', 'utm_campaign'], respectDnt = true, spa = true } = {}) {
  if (!site) throw new Error('pulse: site id is required');
  const disabled = () => (respectDnt && dnt()) || localStorage.getItem('pulse_ignore') === 'true';

  function send(type, props) {
    if (disabled()) return;
    const payload = JSON.stringify({
      site,
      type,
      url: stripQuery(location.href, keepParams),
      referrer: document.referrer ? new URL(document.referrer).origin : null,
      title: document.title,
      screen: window.screen.width + 'x' + window.screen.height,
      lang: navigator.language,
      sid: sessionId(),
      props: props || undefined,
      ts: Date.now(),
    });
    if (navigator.sendBeacon && navigator.sendBeacon(endpoint, new Blob([payload], { type: 'application/json' }))) return;
    fetch(endpoint, { method: 'POST', body: payload, keepalive: true, headers: { 'content-type': 'application/json' } }).catch(() => {});
  }

  const pageview = () => send('pageview');
  const track = (name, props) => send('event', Object.assign({ name }, props));

  let lastPath = location.pathname;
  if (spa) {
    const wrap = (fn) => function () {
      const r = fn.apply(this, arguments);
      if (location.pathname !== lastPath) { lastPath = location.pathname; pageview(); }
      return r;
    };
    history.pushState = wrap(history.pushState);
    history.replaceState = wrap(history.replaceState);
    window.addEventListener('popstate', () => { lastPath = location.pathname; pageview(); });
  }

  return { pageview, track, optOut: () => localStorage.setItem('pulse_ignore', 'true'), optIn: () => localStorage.removeItem('pulse_ignore') };
}
