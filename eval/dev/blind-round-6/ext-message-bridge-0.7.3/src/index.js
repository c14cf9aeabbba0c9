"use strict";
const { syncConfig } = require("./config");

const api = typeof browser !== "undefined" ? browser : typeof chrome !== "undefined" ? chrome : null;
let seq = 0;
const pending = new Map();
const handlers = new Map();

function handle(type, fn) { handlers.set(type, fn); return () => handlers.delete(type); }

function send(type, payload, { tabId, timeout = 10000 } = {}) {
  const id = ++seq;
  const msg = { __bridge: 1, id, type, payload };
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { pending.delete(id); reject(new Error("bridge timeout: " + type)); }, timeout);
    pending.set(id, { resolve, reject, t });
    const cb = (res) => { if (!res) return; clearTimeout(t); pending.delete(id); res.error ? reject(new Error(res.error)) : resolve(res.result); };
    if (tabId != null) api.tabs.sendMessage(tabId, msg, cb); else api.runtime.sendMessage(msg, cb);
  });
}

function listen() {
  api.runtime.onMessage.addListener((msg, sender, reply) => {
    if (!msg || !msg.__bridge) return false;
    const fn = handlers.get(msg.type);
    if (!fn) { reply({ error: "no handler for " + msg.type }); return false; }
    Promise.resolve().then(() => fn(msg.payload, sender)).then((result) => reply({ result }), (e) => reply({ error: e.message }));
    return true;
  });
}

function initBackground(opts = {}) {
  listen();
  if (api.runtime.onInstalled) api.runtime.onInstalled.addListener(() => syncConfig(api, opts));
  if (api.alarms) { api.alarms.create("bridge-sync", { periodInMinutes: 60 }); api.alarms.onAlarm.addListener((a) => a.name === "bridge-sync" && syncConfig(api, opts)); }
}

module.exports = { send, handle, listen, initBackground };
