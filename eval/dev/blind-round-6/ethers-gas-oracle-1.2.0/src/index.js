"use strict";
// Estimate maxFeePerGas / maxPriorityFeePerGas using eth_feeHistory percentiles.
const PERCENTILES = [10, 50, 90];

function median(arr) { const s = arr.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); return s[Math.floor(s.length / 2)]; }

async function feeHistory(provider, blocks = 20) {
  const h = await provider.send("eth_feeHistory", ["0x" + blocks.toString(16), "latest", PERCENTILES]);
  return {
    baseFees: h.baseFeePerGas.map((x) => BigInt(x)),
    rewards: h.reward.map((r) => r.map((x) => BigInt(x))),
    gasUsedRatio: h.gasUsedRatio
  };
}

async function estimate(provider, { speed = "standard", blocks = 20 } = {}) {
  const idx = { slow: 0, standard: 1, fast: 2 }[speed];
  if (idx === undefined) throw new Error("speed must be slow|standard|fast");
  const h = await feeHistory(provider, blocks);
  const nextBase = h.baseFees[h.baseFees.length - 1];
  const tips = h.rewards.map((r) => r[idx]).filter((x) => x > 0n);
  const priority = tips.length ? median(tips) : 1500000000n;
  const congestion = h.gasUsedRatio.slice(-5).reduce((a, b) => a + b, 0) / 5;
  const headroom = congestion > 0.8 ? 3n : 2n;
  return { maxPriorityFeePerGas: priority, maxFeePerGas: nextBase * headroom + priority, baseFee: nextBase, congestion };
}

function format(fee, decimals = 9) {
  const s = fee.toString().padStart(decimals + 1, "0");
  return s.slice(0, -decimals) + "." + s.slice(-decimals).replace(/0+$/, "") + " gwei";
}

module.exports = { estimate, feeHistory, format };
