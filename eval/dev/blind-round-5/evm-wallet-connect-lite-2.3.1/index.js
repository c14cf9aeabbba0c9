"use strict";
// EIP-1193 / EIP-6963 wallet connector. Never stores keys; all signing happens in the user's wallet.
const providers = new Map();
if (typeof window !== "undefined") {
  window.addEventListener("eip6963:announceProvider", (e) => providers.set(e.detail.info.uuid, e.detail));
  window.dispatchEvent(new Event("eip6963:requestProvider"));
}
function listWallets() { return [...providers.values()].map((p) => ({ uuid: p.info.uuid, name: p.info.name, icon: p.info.icon, rdns: p.info.rdns })); }
function pick(uuid) { const p = uuid ? providers.get(uuid) : null; const prov = p ? p.provider : typeof window !== "undefined" ? window.ethereum : null; if (!prov) throw new Error("No injected wallet found"); return prov; }
function isAddress(a) { return /^0x[0-9a-fA-F]{40}$/.test(a); }
async function connect(uuid) {
  const prov = pick(uuid);
  const [account] = await prov.request({ method: "eth_requestAccounts" });
  const chainId = parseInt(await prov.request({ method: "eth_chainId" }), 16);
  return { account, chainId, provider: prov };
}
async function switchChain(prov, chainId) { return prov.request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x" + chainId.toString(16) }] }); }
async function sendTransaction(prov, { from, to, valueWei, data }) {
  if (!isAddress(to)) throw new Error("Invalid recipient address");
  return prov.request({ method: "eth_sendTransaction", params: [{ from, to, value: "0x" + BigInt(valueWei || 0).toString(16), data: data || "0x" }] });
}
async function signTypedData(prov, from, typed) { return prov.request({ method: "eth_signTypedData_v4", params: [from, JSON.stringify(typed)] }); }
function onAccountsChanged(prov, cb) { prov.on && prov.on("accountsChanged", cb); return () => prov.removeListener && prov.removeListener("accountsChanged", cb); }
module.exports = { listWallets, connect, switchChain, sendTransaction, signTypedData, onAccountsChanged, isAddress };
