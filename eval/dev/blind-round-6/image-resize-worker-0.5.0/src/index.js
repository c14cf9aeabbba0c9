"use strict";
// Spawns a pool of workers and resizes ImageBitmaps off the main thread.
const POOL = [];
const size = Math.max(1, Math.min(4, (typeof navigator !== "undefined" && navigator.hardwareConcurrency) || 2));
let rr = 0, seq = 0;
const waiting = new Map();

function pool() {
  if (POOL.length) return POOL;
  for (let i = 0; i < size; i++) {
    const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "resize-" + i });
    w.onmessage = (e) => { const p = waiting.get(e.data.id); if (p) { waiting.delete(e.data.id); e.data.error ? p.reject(new Error(e.data.error)) : p.resolve(e.data.bitmap); } };
    POOL.push(w);
  }
  return POOL;
}

export function resize(bitmap, { width, height, method = "lanczos" } = {}) {
  if (!width && !height) throw new Error("width or height required");
  const ratio = bitmap.width / bitmap.height;
  width = width || Math.round(height * ratio); height = height || Math.round(width / ratio);
  const id = ++seq; const w = pool()[rr++ % POOL.length];
  return new Promise((resolve, reject) => { waiting.set(id, { resolve, reject }); w.postMessage({ id, bitmap, width, height, method }, [bitmap]); });
}

export async function resizeBlob(blob, opts) {
  const bmp = await createImageBitmap(blob);
  const out = await resize(bmp, opts);
  const c = new OffscreenCanvas(out.width, out.height); c.getContext("2d").drawImage(out, 0, 0);
  return c.convertToBlob({ type: opts.type || "image/jpeg", quality: opts.quality || 0.9 });
}

export function terminate() { POOL.splice(0).forEach((w) => w.terminate()); }
