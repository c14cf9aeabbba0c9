'use strict';
// Generates the typed client into node_modules/.quarry/client from the consumer's schema,
// same approach as Prisma's `prisma generate` postinstall hook.
const fs = require('fs'), path = require('path');
const root = process.env.INIT_CWD || process.cwd();
const schemaPath = [path.join(root, 'quarry', 'schema.quarry'), path.join(root, 'schema.quarry')].find(p => fs.existsSync(p));
const outDir = path.join(root, 'node_modules', '.quarry', 'client');
fs.mkdirSync(outDir, { recursive: true });
if (!schemaPath) {
  fs.writeFileSync(path.join(outDir, 'index.js'), "module.exports = new Proxy({}, { get() { throw new Error('No schema found. Create schema.quarry and run npx quarry generate'); } });\n");
  console.log('quarry: no schema found, generated a stub client');
  process.exit(0);
}
const models = [...fs.readFileSync(schemaPath, 'utf8').matchAll(/model\s+(\w+)\s*\{([^}]*)\}/g)].map(m => ({ name: m[1], fields: m[2].trim().split(/\n+/).map(l => l.trim().split(/\s+/)[0]).filter(Boolean) }));
fs.writeFileSync(path.join(outDir, 'index.js'), `const { makeClient } = require(${JSON.stringify(path.join(__dirname, '..', 'runtime'))});\nmodule.exports = { QuarryClient: function () { return makeClient(${JSON.stringify(models)}); } };\n`);
fs.writeFileSync(path.join(outDir, 'index.d.ts'), models.map(m => `export interface ${m.name} { ${m.fields.map(f => `${f}: unknown;`).join(' ')} }`).join('\n') + '\nexport declare class QuarryClient { constructor(); [k: string]: any }\n');
console.log(`quarry: generated client for ${models.length} model(s) in node_modules/.quarry/client`);
