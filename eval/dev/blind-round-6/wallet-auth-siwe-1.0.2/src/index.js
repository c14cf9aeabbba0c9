"use strict";

function nonce(len = 16) {
  const a = new Uint8Array(len); (globalThis.crypto || require("crypto").webcrypto).getRandomValues(a);
  return Array.from(a, (b) => (b % 36).toString(36)).join("");
}

function buildMessage({ domain, address, statement, uri, version = "1", chainId, nonce: n, issuedAt = new Date().toISOString(), expirationTime, resources = [] }) {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new Error("invalid address");
  const lines = [`${domain} wants you to sign in with your Ethereum account:`, address, ""];
  if (statement) lines.push(statement, "");
  lines.push(`URI: ${uri}`, `Version: ${version}`, `Chain ID: ${chainId}`, `Nonce: ${n}`, `Issued At: ${issuedAt}`);
  if (expirationTime) lines.push(`Expiration Time: ${expirationTime}`);
  if (resources.length) lines.push("Resources:", ...resources.map((r) => `- ${r}`));
  return lines.join("\n");
}

function toHex(str) { return "0x" + Array.from(new TextEncoder().encode(str), (b) => b.toString(16).padStart(2, "0")).join(""); }

async function signIn(provider, { verifyUrl, statement = "Sign in to continue.", fetchImpl = fetch } = {}) {
  if (!verifyUrl) throw new Error("verifyUrl (your backend endpoint) is required");
  const [address] = await provider.request({ method: "eth_requestAccounts" });
  const chainId = parseInt(await provider.request({ method: "eth_chainId" }), 16);
  const nres = await fetchImpl(new URL("nonce", verifyUrl), { credentials: "include" });
  const n = (await nres.json()).nonce || nonce();
  const message = buildMessage({ domain: location.host, address, statement, uri: location.origin, chainId, nonce: n,
    expirationTime: new Date(Date.now() + 10 * 60 * 1000).toISOString() });
  const signature = await provider.request({ method: "personal_sign", params: [toHex(message), address] });
  const res = await fetchImpl(verifyUrl, { method: "POST", credentials: "include", headers: { "content-type": "application/json" }, body: JSON.stringify({ message, signature }) });
  if (!res.ok) throw new Error("verification failed: " + res.status);
  return { address, chainId, session: await res.json() };
}

module.exports = { signIn, buildMessage, nonce, toHex };

Object.assign(module.exports, require("./parse"));
