"use strict";
const CLIENT = `
import.meta.hot && (function () {
  const box = document.createElement("div");
  box.style.cssText = "position:fixed;right:8px;bottom:8px;z-index:2147483646;font:12px/1.4 ui-monospace,monospace;background:#111c;color:#e5e7eb;padding:6px 8px;border-radius:6px;max-width:40vw;pointer-events:none";
  const add = (t, c) => { const l = document.createElement("div"); l.textContent = t; if (c) l.style.color = c; box.prepend(l); while (box.childNodes.length > 6) box.lastChild.remove(); };
  document.addEventListener("DOMContentLoaded", () => document.body.appendChild(box));
  let t0 = 0;
  import.meta.hot.on("vite:beforeUpdate", (p) => { t0 = performance.now(); add("updating " + p.updates.map((u) => u.path).join(", ")); });
  import.meta.hot.on("vite:afterUpdate", () => add("updated in " + Math.round(performance.now() - t0) + "ms", "#86efac"));
  import.meta.hot.on("vite:error", (p) => add("error: " + (p.err && p.err.message), "#fca5a5"));
})();
`;

module.exports = function hmrOverlay(opts = {}) {
  const virtualId = "virtual:hmr-overlay";
  const resolved = "\0" + virtualId;
  let isServe = false;
  return {
    name: "vite-plugin-hmr-overlay",
    apply: "serve",
    configResolved(c) { isServe = c.command === "serve"; },
    resolveId(id) { return id === virtualId ? resolved : null; },
    load(id) { return id === resolved ? CLIENT : null; },
    transformIndexHtml() {
      if (!isServe || opts.enabled === false) return [];
      return [{ tag: "script", attrs: { type: "module", src: "/@id/" + virtualId }, injectTo: "body" }];
    }
  };
};

// Optional: log slow HMR updates on the server side as well.
module.exports.serverTiming = function serverTiming({ slowMs = 300, log = console.warn } = {}) {
  const started = new Map();
  return {
    name: "vite-plugin-hmr-overlay:server-timing",
    apply: "serve",
    handleHotUpdate(ctx) {
      started.set(ctx.file, Date.now());
      setImmediate(() => {
        const t = Date.now() - started.get(ctx.file);
        started.delete(ctx.file);
        if (t > slowMs) log(`[hmr-overlay] slow update ${ctx.file} (${t}ms, ${ctx.modules.length} modules)`);
      });
    }
  };
};
