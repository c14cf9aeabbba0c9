"use strict";
const { JsonRpcProvider, FallbackProvider } = require("ethers");
function createProvider(urls, opts = {}) {
  const list = (Array.isArray(urls) ? urls : [urls]).map((u, i) => ({ provider: new JsonRpcProvider(u, opts.network, { staticNetwork: true }), priority: i + 1, weight: 1, stallTimeout: opts.stallTimeout || 1500 }));
  return list.length === 1 ? list[0].provider : new FallbackProvider(list, opts.network, { quorum: opts.quorum || 1 });
}
module.exports = { createProvider };
