"use strict";
const { EventEmitter } = require("events");
const { diagnostics } = require("./ice");

const DEFAULT_ICE = [{ urls: "stun:stun.example.org:3478" }];

class Presence extends EventEmitter {
  constructor({ room, user, signal, iceServers = DEFAULT_ICE }) {
    super();
    this.room = room; this.user = user; this.signal = signal; this.iceServers = iceServers;
    this.peers = new Map(); this.state = {};
    signal.on("message", (m) => this._onSignal(m));
    signal.send({ type: "join", room, from: user.id });
    diagnostics(iceServers);
  }
  _pc(id, initiator) {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    pc.onicecandidate = (e) => e.candidate && this.signal.send({ type: "ice", to: id, from: this.user.id, c: e.candidate });
    const setup = (ch) => {
      ch.onmessage = (e) => { const msg = JSON.parse(e.data); this.state[id] = msg; this.emit("update", id, msg); };
      ch.onclose = () => { this.peers.delete(id); delete this.state[id]; this.emit("leave", id); };
      this.peers.set(id, { pc, ch });
    };
    if (initiator) setup(pc.createDataChannel("presence"));
    else pc.ondatachannel = (e) => setup(e.channel);
    return pc;
  }
  async _onSignal(m) {
    if (m.from === this.user.id) return;
    if (m.type === "join") { const pc = this._pc(m.from, true); const o = await pc.createOffer(); await pc.setLocalDescription(o); this.signal.send({ type: "offer", to: m.from, from: this.user.id, sdp: o }); }
    else if (m.type === "offer") { const pc = this._pc(m.from, false); await pc.setRemoteDescription(m.sdp); const a = await pc.createAnswer(); await pc.setLocalDescription(a); this.signal.send({ type: "answer", to: m.from, from: this.user.id, sdp: a }); }
    else if (m.type === "answer") await this.peers.get(m.from)?.pc.setRemoteDescription(m.sdp);
    else if (m.type === "ice") await this.peers.get(m.from)?.pc.addIceCandidate(m.c);
  }
  update(partial) {
    const msg = JSON.stringify(Object.assign({ id: this.user.id, name: this.user.name, t: Date.now() }, partial));
    for (const { ch } of this.peers.values()) if (ch.readyState === "open") ch.send(msg);
  }
  trackCursor(el = document) {
    let raf = 0;
    el.addEventListener("pointermove", (e) => { cancelAnimationFrame(raf); raf = requestAnimationFrame(() => this.update({ x: e.clientX, y: e.clientY })); });
  }
  leave() { for (const { pc } of this.peers.values()) pc.close(); this.peers.clear(); this.signal.send({ type: "leave", room: this.room, from: this.user.id }); }
}

module.exports = { Presence };
