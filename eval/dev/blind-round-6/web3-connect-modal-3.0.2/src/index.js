"use strict";
const { Session } = require("./session");

const WALLETS = [
  { id: "injected", name: "Browser Wallet", detect: () => typeof window !== "undefined" && !!window.ethereum },
  { id: "coinbase", name: "Coinbase Wallet", detect: () => !!(window.ethereum && window.ethereum.isCoinbaseWallet) },
  { id: "metamask", name: "MetaMask", detect: () => !!(window.ethereum && window.ethereum.isMetaMask) }
];

const CSS = ".w3cm-back{position:fixed;inset:0;background:#0008;display:flex;align-items:center;justify-content:center;z-index:9999}" +
  ".w3cm{background:#fff;border-radius:14px;min-width:320px;padding:20px;font:14px system-ui}.w3cm button{display:block;width:100%;margin:6px 0;padding:10px;border-radius:8px;border:1px solid #ddd;background:#fafafa;cursor:pointer}";

class ConnectModal {
  constructor(opts = {}) { this.opts = opts; this.session = null; this._listeners = {}; }
  on(ev, fn) { (this._listeners[ev] = this._listeners[ev] || []).push(fn); return this; }
  _emit(ev, ...a) { (this._listeners[ev] || []).forEach((f) => f(...a)); }
  open() {
    if (!document.getElementById("w3cm-css")) { const s = document.createElement("style"); s.id = "w3cm-css"; s.textContent = CSS; document.head.appendChild(s); }
    const back = document.createElement("div"); back.className = "w3cm-back";
    const box = document.createElement("div"); box.className = "w3cm"; box.innerHTML = "<h3>Connect a wallet</h3>";
    for (const w of WALLETS.filter((x) => x.detect())) {
      const b = document.createElement("button"); b.textContent = w.name;
      b.onclick = () => this.connect(w.id).finally(() => back.remove());
      box.appendChild(b);
    }
    back.onclick = (e) => e.target === back && back.remove();
    back.appendChild(box); document.body.appendChild(back);
  }
  async connect() {
    const provider = window.ethereum;
    const [account] = await provider.request({ method: "eth_requestAccounts" });
    const chainId = parseInt(await provider.request({ method: "eth_chainId" }), 16);
    this.session = new Session(provider, account, chainId, this.opts);
    provider.on && provider.on("accountsChanged", (a) => this._emit("accountsChanged", a));
    provider.on && provider.on("chainChanged", (c) => this._emit("chainChanged", parseInt(c, 16)));
    this._emit("connect", { account, chainId });
    this.session.init();
    return this.session;
  }
  async disconnect() { this.session = null; this._emit("disconnect"); }
}

module.exports = { ConnectModal, WALLETS };
