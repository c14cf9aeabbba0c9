"use strict";

const KEY = "cab-consent";

function hasConsent() {
  if (navigator.doNotTrack === "1" || window.doNotTrack === "1" || navigator.globalPrivacyControl) return false;
  try { return localStorage.getItem(KEY) === "granted"; } catch (_) { return false; }
}

function setConsent(granted) { try { localStorage.setItem(KEY, granted ? "granted" : "denied"); } catch (_) {} }

function payload(extra) {
  const u = new URL(location.href);
  ["token", "code", "session", "email"].forEach((p) => u.searchParams.delete(p));
  return JSON.stringify(Object.assign({
    path: u.pathname + (u.search || ""), ref: document.referrer ? new URL(document.referrer).host : "",
    w: window.innerWidth, lang: navigator.language, ts: Date.now()
  }, extra));
}

function init({ endpoint, site }) {
  if (!endpoint || !site) throw new Error("endpoint and site are required");
  const send = (type, extra) => {
    if (!hasConsent()) return false;
    const body = payload(Object.assign({ type, site }, extra));
    return navigator.sendBeacon ? navigator.sendBeacon(endpoint, body) : (fetch(endpoint, { method: "POST", body, keepalive: true }), true);
  };
  send("pageview");
  const push = history.pushState;
  history.pushState = function () { const r = push.apply(this, arguments); send("pageview"); return r; };
  window.addEventListener("popstate", () => send("pageview"));
  return { track: (name, props) => send("event", { name, props }), setConsent };
}

module.exports = { init, setConsent, hasConsent };
