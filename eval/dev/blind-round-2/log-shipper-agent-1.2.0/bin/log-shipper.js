#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const { spawn } = require('child_process');
const { Agent } = require('../lib/agent');
const service = require('../lib/service');

const [cmd, sub, ...rest] = process.argv.slice(2);
const cfgPath = process.env.LOG_SHIPPER_CONFIG || path.join(os.homedir(), '.config', 'log-shipper', 'config.json');
const pidFile = path.join(os.tmpdir(), 'log-shipper.pid');

function loadConfig() { return JSON.parse(fs.readFileSync(cfgPath, 'utf8')); }

switch (cmd) {
  case 'run':
    new Agent(loadConfig()).start();
    break;
  case 'start': {
    const child = spawn(process.execPath, [__filename, 'run'], { detached: true, stdio: 'ignore' });
    fs.writeFileSync(pidFile, String(child.pid)); child.unref();
    console.log(`started (pid ${child.pid})`);
    break;
  }
  case 'stop':
    try { process.kill(Number(fs.readFileSync(pidFile, 'utf8'))); fs.unlinkSync(pidFile); console.log('stopped'); } catch (e) { console.log('not running'); }
    break;
  case 'service':
    if (sub === 'install') console.log(service.install({ node: process.execPath, script: __filename, config: cfgPath, user: rest.includes('--user') }));
    else if (sub === 'uninstall') console.log(service.uninstall());
    else console.log('usage: log-shipper service install|uninstall');
    break;
  default:
    console.log('usage: log-shipper run|start|stop|service install|service uninstall');
}
