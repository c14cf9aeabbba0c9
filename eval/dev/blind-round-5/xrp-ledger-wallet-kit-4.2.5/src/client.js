"use strict";
const WebSocket = require("ws");
class Client {
  constructor(url = "wss://xrplcluster.com") { this.url = url; this.id = 0; this.pending = new Map(); }
  connect() { return new Promise((res, rej) => { this.ws = new WebSocket(this.url); this.ws.on("open", res); this.ws.on("error", rej); this.ws.on("message", (m) => { const d = JSON.parse(m); const p = this.pending.get(d.id); if (p) { this.pending.delete(d.id); d.status === "success" ? p.res(d) : p.rej(d); } }); }); }
  request(req) { const id = ++this.id; return new Promise((res, rej) => { this.pending.set(id, { res, rej }); this.ws.send(JSON.stringify({ id, ...req })); }); }
  async getXrpBalance(account) { const r = await this.request({ command: "account_info", account, ledger_index: "validated" }); return Number(r.result.account_data.Balance) / 1e6; }
  disconnect() { this.ws && this.ws.close(); }
}
module.exports = { Client };
