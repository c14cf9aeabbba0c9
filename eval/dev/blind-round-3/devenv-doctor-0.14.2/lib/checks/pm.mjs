import { execFileSync } from 'node:child_process';
export async function pmCheck() {
  const found = [];
  for (const pm of ['npm', 'pnpm', 'yarn', 'bun']) {
    try { found.push(`${pm} ${execFileSync(pm, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`); } catch {}
  }
  return { name: 'package managers', status: found.length ? 'ok' : 'fail', detail: found.join(', ') || 'none found' };
}
