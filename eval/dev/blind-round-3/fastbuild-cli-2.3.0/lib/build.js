'use strict';
const fs = require('fs');
const path = require('path');
async function build({ cwd = process.cwd(), minify = false } = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8'));
  const entry = pkg.source || 'src/index.ts';
  if (!fs.existsSync(path.join(cwd, entry))) throw new Error(`entry not found: ${entry}`);
  let ts;
  try { ts = require(require.resolve('typescript', { paths: [cwd] })); } catch (e) { throw new Error('typescript is required as a devDependency'); }
  const src = fs.readFileSync(path.join(cwd, entry), 'utf8');
  const out = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, removeComments: minify } });
  fs.mkdirSync(path.join(cwd, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(cwd, 'dist', 'index.js'), out.outputText);
  return { entry, out: 'dist/index.js' };
}
module.exports = { build };
