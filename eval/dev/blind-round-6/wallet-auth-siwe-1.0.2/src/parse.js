"use strict";
// Parse and validate an EIP-4361 message (used by the backend verifier and for display).
const FIELDS = { "URI": "uri", "Version": "version", "Chain ID": "chainId", "Nonce": "nonce", "Issued At": "issuedAt", "Expiration Time": "expirationTime", "Not Before": "notBefore", "Request ID": "requestId" };

function parseMessage(text) {
  const lines = text.split("\n");
  const head = /^(\S+) wants you to sign in with your Ethereum account:$/.exec(lines[0]);
  if (!head) throw new Error("not a SIWE message");
  const out = { domain: head[1], address: lines[1], resources: [] };
  let i = 2;
  if (lines[i] === "" && lines[i + 1] && !lines[i + 1].includes(": ")) { out.statement = lines[i + 1]; i += 3; } else i += 1;
  for (; i < lines.length; i++) {
    if (lines[i] === "Resources:") { out.resources = lines.slice(i + 1).map((l) => l.replace(/^- /, "")); break; }
    const m = /^([^:]+): (.*)$/.exec(lines[i]); if (m && FIELDS[m[1]]) out[FIELDS[m[1]]] = m[2];
  }
  out.chainId = Number(out.chainId);
  return out;
}

function validateFields(msg, { domain, now = new Date() } = {}) {
  const errs = [];
  if (!/^0x[0-9a-fA-F]{40}$/.test(msg.address)) errs.push("address");
  if (domain && msg.domain !== domain) errs.push("domain mismatch");
  if (msg.version !== "1") errs.push("version");
  if (!msg.nonce || msg.nonce.length < 8) errs.push("nonce");
  if (msg.expirationTime && new Date(msg.expirationTime) < now) errs.push("expired");
  if (msg.notBefore && new Date(msg.notBefore) > now) errs.push("not yet valid");
  return errs;
}

module.exports = { parseMessage, validateFields };
