import { decode, init } from './core.js';
export { decode, init };
export async function decodeUrl(url) { const r = await fetch(url); return decode(new Uint8Array(await r.arrayBuffer())); }
