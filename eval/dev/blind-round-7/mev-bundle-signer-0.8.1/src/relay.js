'use strict';
const { id } = require('ethers');

async function rpc(url, authSigner, method, params) {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
  const signature = `${await authSigner.getAddress()}:${await authSigner.signMessage(id(body))}`;
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Flashbots-Signature': signature }, body });
  const j = await res.json();
  if (j.error) throw new Error(j.error.message);
  return j.result;
}
module.exports = { rpc };
