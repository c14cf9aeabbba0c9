'use strict';
const { setHooks, findProjectRoot } = require('./index');
if (process.env.SKIP_SIMPLE_GIT_HOOKS === '1' || process.env.CI) process.exit(0);
const root = findProjectRoot(process.env.INIT_CWD || process.cwd());
if (!root) process.exit(0);
try {
  const hooks = setHooks(root);
  if (hooks.length) console.log(`[simple-hooks-setup] installed: ${hooks.join(', ')}`);
} catch (e) {
  console.log(`[simple-hooks-setup] could not install hooks: ${e.message}`);
}
