"use strict";
const dgram = require("dgram");
const { EventEmitter } = require("events");

const MDNS_ADDR = "224.0.0.251", MDNS_PORT = 5353;

function encodeName(name) {
  const parts = name.replace(/\.$/, "").split(".");
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p)])), Buffer.from([0])]);
}

function query(name, type = 12) {
  const h = Buffer.alloc(12); h.writeUInt16BE(1, 4);
  const q = Buffer.alloc(4); q.writeUInt16BE(type, 0); q.writeUInt16BE(1, 2);
  return Buffer.concat([h, encodeName(name), q]);
}

function readName(buf, off) {
  const labels = []; let jumped = false, end = off;
  while (buf[off] !== 0) {
    if ((buf[off] & 0xc0) === 0xc0) { if (!jumped) end = off + 2; off = buf.readUInt16BE(off) & 0x3fff; jumped = true; continue; }
    labels.push(buf.toString("utf8", off + 1, off + 1 + buf[off])); off += buf[off] + 1;
  }
  return { name: labels.join("."), next: jumped ? end : off + 1 };
}

function parse(buf) {
  const qd = buf.readUInt16BE(4), an = buf.readUInt16BE(6) + buf.readUInt16BE(8) + buf.readUInt16BE(10);
  let off = 12; const records = [];
  for (let i = 0; i < qd; i++) off = readName(buf, off).next + 4;
  for (let i = 0; i < an && off < buf.length; i++) {
    const n = readName(buf, off); off = n.next;
    const type = buf.readUInt16BE(off), len = buf.readUInt16BE(off + 8); const rd = off + 10;
    let data = null;
    if (type === 12) data = readName(buf, rd).name;
    else if (type === 1) data = [...buf.subarray(rd, rd + 4)].join(".");
    else if (type === 33) data = { port: buf.readUInt16BE(rd + 4), target: readName(buf, rd + 6).name };
    else if (type === 16) data = buf.toString("utf8", rd + 1, rd + 1 + buf[rd]);
    records.push({ name: n.name, type, data }); off = rd + len;
  }
  return records;
}

class Browser extends EventEmitter {
  constructor(serviceType = "_http._tcp.local") { super(); this.type = serviceType; this.found = new Map(); }
  start(intervalMs = 5000) {
    this.sock = dgram.createSocket({ type: "udp4", reuseAddr: true });
    this.sock.on("message", (m, rinfo) => {
      let recs; try { recs = parse(m); } catch { return; }
      for (const r of recs) if (r.type === 12 && r.name === this.type && !this.found.has(r.data)) { this.found.set(r.data, rinfo.address); this.emit("up", { name: r.data, address: rinfo.address, records: recs }); }
    });
    this.sock.bind(MDNS_PORT, () => { try { this.sock.addMembership(MDNS_ADDR); } catch (_) {} this._ask(); });
    this.timer = setInterval(() => this._ask(), intervalMs);
    return this;
  }
  _ask() { const q = query(this.type); this.sock.send(q, 0, q.length, MDNS_PORT, MDNS_ADDR); }
  stop() { clearInterval(this.timer); this.sock && this.sock.close(); }
}

module.exports = { Browser, query, parse, encodeName };
