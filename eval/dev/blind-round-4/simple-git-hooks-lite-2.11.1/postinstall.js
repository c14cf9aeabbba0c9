'use strict';
const { projectRoot, setHooks } = require('./index');
if (process.env.SKIP_INSTALL_SIMPLE_GIT_HOOKS || process.env.CI) process.exit(0);
const root = projectRoot(process.env.INIT_CWD || process.cwd());
if (root) {
  try { const w = setHooks(root); if (w.length) console.log('[simple-git-hooks-lite] installed: ' + w.join(', ')); }
  catch (e) { console.warn('[simple-git-hooks-lite] could not install hooks: ' + e.message); }
}
