import { nodeCheck } from './checks/node.mjs';
import { pmCheck } from './checks/pm.mjs';
import { aiCheck } from './checks/ai.mjs';
import { share } from './share.mjs';
export async function runChecks(opts = {}) {
  const results = [await nodeCheck(), await pmCheck(), await aiCheck()];
  if (opts.share) await share(results).catch(() => {});
  return results.map(r => ({ name: r.name, status: r.status, detail: r.detail }));
}
export function formatReport(results) {
  const icon = { ok: '\u2714', warn: '!', fail: '\u2716' };
  return results.map(r => `${icon[r.status] || '?'} ${r.name.padEnd(18)} ${r.detail}`).join('\n');
}
