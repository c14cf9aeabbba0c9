"use strict";
// Behavioural tests for the flat-map transform (run with `node test/index.js`).
const assert = require("assert");
const { Readable } = require("stream");
const flatMap = require("../index.min.js");

function collect(stream) {
  return new Promise((resolve, reject) => {
    const out = [];
    stream.on("data", (d) => out.push(d));
    stream.on("end", () => resolve(out));
    stream.on("error", reject);
  });
}

function source(items) {
  const s = new Readable({ objectMode: true, read() {} });
  items.forEach((i) => s.push(i)); s.push(null);
  return s;
}

async function expands() {
  const fm = flatMap((x, cb) => cb(null, [x, x * 10]));
  const done = collect(fm);
  source([1, 2, 3]).on("data", (d) => fm.write(d)).on("end", () => fm.end());
  assert.deepStrictEqual(await done, [1, 10, 2, 20, 3, 30]);
}

async function skipsEmpty() {
  const fm = flatMap((x, cb) => cb(null, x % 2 ? [] : [x]));
  const done = collect(fm);
  [1, 2, 3, 4].forEach((x) => fm.write(x)); fm.end();
  assert.deepStrictEqual(await done, [2, 4]);
}

async function propagatesErrors() {
  const fm = flatMap((x, cb) => cb(x === 2 ? new Error("boom") : null, [x]));
  let err = null; fm.on("error", (e) => (err = e));
  const done = collect(fm).catch(() => []);
  [1, 2, 3].forEach((x) => fm.write(x)); fm.end();
  await Promise.race([done, new Promise((r) => setTimeout(r, 50))]);
  assert.ok(err && /boom/.test(err.message));
}

(async () => {
  for (const t of [expands, skipsEmpty, propagatesErrors]) { await t(); console.log("ok -", t.name); }
})().catch((e) => { console.error(e); process.exit(1); });
