"use strict";
// Rotating UA pools for scrapers/test harnesses: avoids repeating the same UA within a window.
const { randomUserAgent, weightedPick } = require("./index");
const agents = require("../data/agents.json");

class UARotator {
  constructor({ window = 3, filter = {}, seed } = {}) {
    this.window = window; this.filter = filter; this.recent = [];
    this.rnd = seed === undefined ? Math.random : mulberry32(seed);
  }
  next() {
    const pool = agents.filter((a) => (!this.filter.device || a.device === this.filter.device) && !this.recent.includes(a.ua));
    const pick = pool.length ? weightedPick(pool, this.rnd).ua : randomUserAgent(this.filter);
    this.recent.push(pick); if (this.recent.length > this.window) this.recent.shift();
    return pick;
  }
}

function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bumpChrome(ua, major) {
  return ua.replace(/Chrome\/\d+(\.\d+){3}/, `Chrome/${major}.0.0.0`);
}

function parseBasic(ua) {
  const browser = /Firefox\/(\d+)/.exec(ua) ? "Firefox" : /Edg\/(\d+)/.exec(ua) ? "Edge" : /Chrome\/(\d+)/.exec(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Other";
  const os = /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) && !/iPhone|iPad/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Linux/.test(ua) ? "Linux" : "Other";
  return { browser, os, mobile: /Mobile/.test(ua) };
}

module.exports = { UARotator, mulberry32, bumpChrome, parseBasic };
