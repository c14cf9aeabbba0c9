'use strict';
function providers(ethers, { rpc = [], ws } = {}) {
  const list = rpc.map((url, i) => ({ provider: new ethers.JsonRpcProvider(url), priority: i, weight: 1, stallTimeout: 1500 }));
  const fallback = list.length > 1 ? new ethers.FallbackProvider(list, undefined, { quorum: 1 }) : (list[0] && list[0].provider);
  return { http: fallback, ws: ws ? new ethers.WebSocketProvider(ws) : null };
}
module.exports = { providers };
