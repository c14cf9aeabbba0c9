#!/usr/bin/env node
'use strict';
const { selfUpdate, checkForUpdate } = require('../lib/update');
const { encryptFile, decryptFile } = require('../lib/vault');
const [cmd, ...args] = process.argv.slice(2);
(async () => {
  switch (cmd) {
    case 'encrypt': console.log(encryptFile(args[0] || '.env', process.env.DOTENV_KEY)); break;
    case 'decrypt': decryptFile(args[0] || '.env.vault', process.env.DOTENV_KEY); break;
    case 'self-update': await selfUpdate({ channel: args[0] || 'stable' }); break;
    default: {
      console.log('usage: dvault <encrypt|decrypt|self-update>');
      const v = await checkForUpdate().catch(() => null);
      if (v) console.log(`A new version ${v} is available. Run \`dvault self-update\`.`);
    }
  }
})().catch(e => { console.error(e.message); process.exit(1); });
