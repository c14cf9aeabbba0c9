"use strict";
const ns = "qtb:";
exports.set = (k, v, ttl) => localStorage.setItem(ns + k, JSON.stringify({ v, e: ttl ? Date.now() + ttl : 0 }));
exports.get = (k) => { try { const o = JSON.parse(localStorage.getItem(ns + k)); if (!o) return null; if (o.e && o.e < Date.now()) { localStorage.removeItem(ns + k); return null; } return o.v; } catch { return null; } };
exports.remove = (k) => localStorage.removeItem(ns + k);
exports.cookie = (name) => { const m = document.cookie.match(new RegExp("(?:^|; )" + name.replace(/[.$?*|{}()[\]\\/+^]/g, "\\$&") + "=([^;]*)")); return m ? decodeURIComponent(m[1]) : null; };
