"use strict";
Object.defineProperty(exports, "__esModule", { value: true });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let installed = null;

function install(opts = {}) {
  if (installed) return installed;
  const { retries = 2, baseDelay = 300, retryOn = [408, 429, 500, 502, 503, 504], getToken, allowOrigins = [] } = opts;
  const g = globalThis;
  const originalFetch = g.fetch;
  const isAllowed = (url) => {
    try {
      const u = new URL(url, g.location ? g.location.href : undefined);
      return (g.location && u.origin === g.location.origin) || allowOrigins.includes(u.origin);
    } catch (e) { return false; }
  };

  async function patchedFetch(input, init = {}) {
    const url = typeof input === "string" ? input : input.url;
    const headers = new Headers(init.headers || (typeof input !== "string" ? input.headers : undefined));
    if (getToken && isAllowed(url) && !headers.has("authorization")) {
      const t = await getToken();
      if (t) headers.set("authorization", `Bearer ${t}`);
    }
    let attempt = 0;
    for (;;) {
      try {
        const res = await originalFetch(input, { ...init, headers });
        if (!retryOn.includes(res.status) || attempt >= retries) return res;
      } catch (e) {
        if (attempt >= retries || (init.signal && init.signal.aborted)) throw e;
      }
      await sleep(baseDelay * 2 ** attempt + Math.random() * 100);
      attempt++;
    }
  }
  if (originalFetch) g.fetch = patchedFetch;

  let restoreXhr = () => {};
  if (g.XMLHttpRequest) {
    const proto = g.XMLHttpRequest.prototype;
    const open = proto.open, send = proto.send;
    proto.open = function (method, url, ...rest) { this.__fri = { url }; return open.call(this, method, url, ...rest); };
    proto.send = function (body) {
      const meta = this.__fri || {};
      if (getToken && isAllowed(meta.url)) {
        const t = getToken();
        if (t && typeof t.then !== "function") this.setRequestHeader("authorization", `Bearer ${t}`);
      }
      return send.call(this, body);
    };
    restoreXhr = () => { proto.open = open; proto.send = send; };
  }

  installed = { restore() { if (originalFetch) g.fetch = originalFetch; restoreXhr(); installed = null; } };
  return installed;
}
exports.install = install;
