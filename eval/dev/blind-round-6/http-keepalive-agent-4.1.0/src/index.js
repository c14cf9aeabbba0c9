"use strict";
const http = require("http");
const https = require("https");

function mixin(Base) {
  return class extends Base {
    constructor(opts = {}) {
      super(Object.assign({ keepAlive: true, maxSockets: 256, maxFreeSockets: 32 }, opts));
      this.freeSocketTimeout = opts.freeSocketTimeout || 4000;
      this.socketTTL = opts.socketTTL || 0;
      this.stats = { created: 0, reused: 0, timeout: 0 };
    }
    createConnection(options, cb) {
      const s = super.createConnection(options, cb);
      this.stats.created++;
      s.__born = Date.now();
      return s;
    }
    reuseSocket(socket, req) { this.stats.reused++; super.reuseSocket(socket, req); }
    keepSocketAlive(socket) {
      if (this.socketTTL && Date.now() - socket.__born > this.socketTTL) return false;
      socket.setTimeout(this.freeSocketTimeout);
      socket.once("timeout", () => { this.stats.timeout++; socket.destroy(); });
      return super.keepSocketAlive(socket);
    }
  };
}

const HttpAgent = mixin(http.Agent);
const HttpsAgent = mixin(https.Agent);
module.exports = { HttpAgent, HttpsAgent, mixin };
