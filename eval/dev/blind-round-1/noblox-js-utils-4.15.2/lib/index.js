'use strict';
const noblox = require('noblox.js');

class RateLimiter {
  constructor(perMinute = 50) {
    this.interval = 60000 / perMinute;
    this.last = 0;
    this.chain = Promise.resolve();
  }
  schedule(fn) {
    this.chain = this.chain.then(async () => {
      const wait = Math.max(0, this.last + this.interval - Date.now());
      if (wait) await new Promise((r) => setTimeout(r, wait));
      this.last = Date.now();
      return fn();
    });
    return this.chain;
  }
}

const limiter = new RateLimiter(45);

async function login(cookie) {
  return noblox.setCookie(cookie || process.env.ROBLOX_COOKIE);
}

async function promoteTo(groupId, userId, rankName) {
  const roles = await limiter.schedule(() => noblox.getRoles(groupId));
  const role = roles.find((r) => r.name.toLowerCase() === String(rankName).toLowerCase());
  if (!role) throw new Error(`role ${rankName} not found in group ${groupId}`);
  return limiter.schedule(() => noblox.setRank(groupId, userId, role.rank));
}

async function bulkExile(groupId, userIds) {
  const done = [];
  for (const id of userIds) {
    await limiter.schedule(() => noblox.exile(groupId, id));
    done.push(id);
  }
  return done;
}

module.exports = { login, promoteTo, bulkExile, RateLimiter };
