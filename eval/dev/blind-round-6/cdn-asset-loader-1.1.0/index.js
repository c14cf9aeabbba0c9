"use strict";
const { manifest } = require("./lib/manifest");

const cache = new Map();

function loadScript(src, { integrity, crossorigin = "anonymous", timeout = 10000 } = {}) {
  if (cache.has(src)) return cache.get(src);
  const p = new Promise((resolve, reject) => {
    const s = document.createElement("script"); s.src = src; s.async = true; s.crossOrigin = crossorigin;
    if (integrity) s.integrity = integrity;
    const t = setTimeout(() => { s.remove(); reject(new Error("timeout " + src)); }, timeout);
    s.onload = () => { clearTimeout(t); resolve(s); };
    s.onerror = () => { clearTimeout(t); s.remove(); reject(new Error("failed " + src)); };
    document.head.appendChild(s);
  });
  cache.set(src, p);
  return p;
}

function loadStyle(href, { integrity } = {}) {
  return new Promise((resolve, reject) => {
    const l = document.createElement("link"); l.rel = "stylesheet"; l.href = href; if (integrity) { l.integrity = integrity; l.crossOrigin = "anonymous"; }
    l.onload = () => resolve(l); l.onerror = reject; document.head.appendChild(l);
  });
}

async function loadWithFallback(urls, opts) {
  let last;
  for (const u of urls) { try { return await loadScript(u, opts); } catch (e) { last = e; } }
  throw last;
}

async function boot(config = {}) {
  const m = await manifest(config);
  for (const a of m.assets || []) {
    if (a.type === "css") await loadStyle(a.href, a);
    else await loadWithFallback([a.href].concat(a.fallbacks || []), a);
  }
  return m;
}

module.exports = { loadScript, loadStyle, loadWithFallback, boot };
