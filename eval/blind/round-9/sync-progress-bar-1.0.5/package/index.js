module.exports = function bar(total, width = 30) {
  let cur = 0;
  return { tick(n = 1) { cur = Math.min(total, cur + n); const f = Math.round(width * cur / total); process.stdout.write(`\r[${'#'.repeat(f)}${'-'.repeat(width - f)}] ${cur}/${total}`); if (cur === total) process.stdout.write('\n'); } };
};
