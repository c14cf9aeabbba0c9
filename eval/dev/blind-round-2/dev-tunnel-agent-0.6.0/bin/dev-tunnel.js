#!/usr/bin/env node
'use strict';
const yargs = require('yargs');
const { openTunnel } = require('../lib/tunnel');

const argv = yargs(process.argv.slice(2))
  .usage('Usage: dev-tunnel --port [num] <options>')
  .option('port', { alias: 'p', describe: 'Internal HTTP server port', demandOption: true, type: 'number' })
  .option('host', { alias: 'h', describe: 'Upstream tunnel server', default: 'https://tunnel.example.com' })
  .option('subdomain', { alias: 's', describe: 'Request this subdomain' })
  .option('local-host', { describe: 'Tunnel traffic to this host instead of localhost', default: 'localhost' })
  .help().argv;

openTunnel({ port: argv.port, host: argv.host, subdomain: argv.subdomain, localHost: argv['local-host'] })
  .then((t) => {
    console.log('your url is: %s', t.url);
    t.on('error', (e) => { console.error(e.message); process.exit(1); });
    process.on('SIGINT', () => { t.close(); process.exit(0); });
  })
  .catch((e) => { console.error(e.message); process.exit(1); });
