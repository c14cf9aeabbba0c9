#!/usr/bin/env node
'use strict';
const { query, system, propagation, TYPES } = require('../lib');

const HELP = `usage: dns-probe <name> [type] [@server ...] [--json] [--system] [--propagation]
types: ${TYPES.join(', ')}`;

async function main(argv) {
  if (!argv.length || argv.includes('-h') || argv.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  const json = argv.includes('--json');
  const servers = argv.filter((a) => a.startsWith('@')).map((a) => a.slice(1));
  const [name, type = 'A'] = argv.filter((a) => !a.startsWith('@') && !a.startsWith('--'));
  let result;
  if (argv.includes('--system')) result = await system(name);
  else if (argv.includes('--propagation')) result = await propagation(name, type);
  else result = await query(name, type, { servers });
  if (json) {
    console.log(JSON.stringify(result, null, 2));
  } else if (result.answers) {
    console.log(`;; ${result.name} ${result.type} via ${(result.servers || ['system']).join(',')} in ${result.ms || 0}ms`);
    for (const a of result.answers) console.log(typeof a === 'string' ? a : JSON.stringify(a));
  } else if (result.error) {
    console.error(`;; ${name} ${type}: ${result.error}`);
    return 1;
  } else {
    for (const [label, r] of Object.entries(result)) console.log(`${label.padEnd(12)} ${r.error || JSON.stringify(r.answers)}`);
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
