"use strict";
// The WebAssembly module is inlined as base64 so the package works in bundlers without
// extra loader configuration (same approach as many wasm-pack "--target nodejs/bundler" outputs).
const WASM_BASE64 = "AGFzbQEAAAABBwFgAn9/AX8DAgEABwsBB2NvbWJpbmUAAAoMAQoAIABBEHQgAXIL";
let inst = null;
function wasm() {
  if (inst) return inst;
  const bytes = typeof Buffer !== "undefined" ? Buffer.from(WASM_BASE64, "base64") : Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));
  inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
  return inst;
}
function adler32(data) {
  const buf = typeof data === "string" ? new TextEncoder().encode(data) : data;
  let a = 1, b = 0;
  for (let i = 0; i < buf.length; i++) { a = (a + buf[i]) % 65521; b = (b + a) % 65521; }
  return wasm().combine(b, a) >>> 0;
}
module.exports = { adler32 };
