"use strict";
// Convenience helpers: hex digests, file hashing, consistent-hash ring and bloom-style bucket selection.
const fs = require("fs");
const { hash } = require("../index");

const hex = (input, seed) => hash(input, seed).toString(16).padStart(8, "0");

function hashFile(path, seed = 0) {
  // xxh32 is not streaming in this lib; read in one go for files < 256 MiB
  const st = fs.statSync(path);
  if (st.size > 256 * 1024 * 1024) throw new RangeError("file too large for one-shot hashing");
  return hex(fs.readFileSync(path), seed);
}

class HashRing {
  constructor(nodes = [], replicas = 64) { this.replicas = replicas; this.ring = []; nodes.forEach((n) => this.add(n)); }
  add(node) {
    for (let i = 0; i < this.replicas; i++) this.ring.push({ h: hash(`${node}#${i}`), node });
    this.ring.sort((a, b) => a.h - b.h);
  }
  remove(node) { this.ring = this.ring.filter((e) => e.node !== node); }
  get(key) {
    if (!this.ring.length) return null;
    const h = hash(String(key)); let lo = 0, hi = this.ring.length - 1;
    if (h > this.ring[hi].h) return this.ring[0].node;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.ring[mid].h < h) lo = mid + 1; else hi = mid; }
    return this.ring[lo].node;
  }
}

function buckets(key, k, m) {
  const a = hash(key, 0), b = hash(key, 0x9e3779b9) | 1; const out = [];
  for (let i = 0; i < k; i++) out.push((a + Math.imul(i, b)) >>> 0 % m);
  return out.map((x) => x % m);
}

module.exports = { hex, hashFile, HashRing, buckets };
