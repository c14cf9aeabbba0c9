import { WASM_BASE64 } from './wasm.js';

function b64ToBytes(b64) {
  if (typeof Buffer !== 'undefined') return new Uint8Array(Buffer.from(b64, 'base64'));
  const s = atob(b64); const u = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

let instance;
export async function init() {
  if (instance) return instance;
  const { instance: inst } = await WebAssembly.instantiate(b64ToBytes(WASM_BASE64), {
    env: { abort(code) { throw new Error('qoi-codec-wasm: abort ' + code); } },
  });
  instance = inst;
  return inst;
}

export async function decode(bytes) {
  const inst = await init();
  const mem = new Uint8Array(inst.exports.memory.buffer);
  if (bytes.length > mem.length - 1024) inst.exports.memory.grow(Math.ceil((bytes.length + 1024 - mem.length) / 65536));
  const view = new Uint8Array(inst.exports.memory.buffer);
  view.set(bytes, 1024);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== 'qoif') throw new Error('not a QOI image');
  const dv = new DataView(bytes.buffer, bytes.byteOffset);
  const width = dv.getUint32(4), height = dv.getUint32(8), channels = bytes[12];
  const end = inst.exports.decode(1024, bytes.length);
  return { width, height, channels, pixels: new Uint8Array(inst.exports.memory.buffer, 1024 + bytes.length, end - 1024 - bytes.length) };
}
