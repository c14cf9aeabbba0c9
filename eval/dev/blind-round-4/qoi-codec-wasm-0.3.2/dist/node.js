import { readFile } from 'node:fs/promises';
import { decode, init } from './core.js';
export { decode, init };
export async function decodeFile(path) { return decode(new Uint8Array(await readFile(path))); }
