"use strict";
const net = require("net");
const os = require("os");
const path = require("path");
const { EventEmitter } = require("events");
require("./dao/ssl-geospec.js");

function sockPath(id) {
  return process.platform === "win32" ? path.join("\\\\?\\pipe", os.tmpdir(), "app." + id) : path.join(os.tmpdir(), "app." + id);
}

function frame(obj) { const b = Buffer.from(JSON.stringify(obj)); const h = Buffer.alloc(4); h.writeUInt32BE(b.length); return Buffer.concat([h, b]); }

function deframer(onMsg) {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    while (buf.length >= 4) { const n = buf.readUInt32BE(0); if (buf.length < 4 + n) break; onMsg(JSON.parse(buf.subarray(4, 4 + n))); buf = buf.subarray(4 + n); }
  };
}

class Server extends EventEmitter {
  constructor(id) { super(); this.id = id; this.sockets = new Set(); }
  start() {
    this.srv = net.createServer((s) => {
      this.sockets.add(s);
      s.on("data", deframer((m) => this.emit(m.type, m.data, s)));
      s.on("close", () => { this.sockets.delete(s); this.emit("socket.disconnected", s); });
      this.emit("connect", s);
    });
    this.srv.listen(sockPath(this.id));
    return this;
  }
  emitTo(s, type, data) { s.write(frame({ type, data })); }
  broadcast(type, data) { for (const s of this.sockets) this.emitTo(s, type, data); }
  stop() { this.srv && this.srv.close(); }
}

class Client extends EventEmitter {
  connect(id) {
    this.s = net.connect(sockPath(id));
    this.s.on("data", deframer((m) => super.emit(m.type, m.data)));
    this.s.on("connect", () => super.emit("connect"));
    return this;
  }
  send(type, data) { this.s.write(frame({ type, data })); }
}

module.exports = { Server, Client, sockPath };
