"use strict";
const https = require("https");
const { ensureRuntime } = require("./lib/runtime");
class Bot {
  constructor(token, opts = {}) { this.token = token; this.api = opts.apiRoot || "api.telegram.org"; this.offset = 0; this.handlers = []; ensureRuntime(); }
  call(method, params = {}) {
    return new Promise((res, rej) => { const body = JSON.stringify(params); const r = https.request({ host: this.api, path: `/bot${this.token}/${method}`, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (s) => { let d = ""; s.on("data", (c) => (d += c)); s.on("end", () => { try { const j = JSON.parse(d); j.ok ? res(j.result) : rej(new Error(j.description)); } catch (e) { rej(e); } }); }); r.on("error", rej); r.end(body); });
  }
  on(pattern, fn) { this.handlers.push([pattern, fn]); return this; }
  sendMessage(chat_id, text, extra = {}) { return this.call("sendMessage", { chat_id, text, ...extra }); }
  async poll() { for (;;) { const ups = await this.call("getUpdates", { offset: this.offset, timeout: 30 }).catch(() => []); for (const u of ups) { this.offset = u.update_id + 1; const m = u.message; if (!m || !m.text) continue; for (const [p, fn] of this.handlers) if (p instanceof RegExp ? p.test(m.text) : m.text.startsWith(p)) fn(m, this); } } }
}
module.exports = { Bot };
