#!/usr/bin/env node
'use strict';
const { program } = require('commander');
const lib = require('../lib');

program.name('sshcm').version('2.2.0');
program.command('list').description('list Host entries').action(() => lib.listHosts().forEach((h) => console.log(`${h.Host}\t${h.HostName || ''}\t${h.User || ''}`)));
program.command('add <alias> <hostname>').option('-u, --user <user>').option('-p, --port <port>').option('-i, --identity <file>')
  .action((alias, hostname, o) => { lib.addHost(alias, { HostName: hostname, User: o.user, Port: o.port, IdentityFile: o.identity }); console.log(`added ${alias}`); });
program.command('remove <alias>').action((alias) => { lib.removeHost(alias); console.log(`removed ${alias}`); });
program.command('authorize <pubkeyFile>').description('append a public key to ~/.ssh/authorized_keys').action((f) => console.log(lib.authorizeLocal(f)));
program.command('copy-id <host>').option('-i, --identity <file>', 'public key', '~/.ssh/id_ed25519.pub').description('install your public key on a remote host (like ssh-copy-id)')
  .action((host, o) => lib.copyId(host, o.identity));
program.parse();
