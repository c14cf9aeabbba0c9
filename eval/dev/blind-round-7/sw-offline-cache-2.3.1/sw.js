/* global self, caches, fetch, URL */
'use strict';
const params = new URL(self.location).searchParams;
const VERSION = params.get('v') || '1';
const PRECACHE = (params.get('precache') || '').split(',').filter(Boolean);
const CACHE = 'sw-offline-cache-' + VERSION;
const OFFLINE = '/offline.html';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE.concat(OFFLINE).filter((u) => new URL(u, self.location).origin === self.location.origin))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('sw-offline-cache-') && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith(fetch(req).catch(() => caches.match(req).then((r) => r || caches.match(OFFLINE))));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(req).then((cached) => {
    const network = fetch(req).then((res) => { if (res.ok && res.type === 'basic') cache.put(req, res.clone()); return res; }).catch(() => cached);
    return cached || network;
  })));
});
