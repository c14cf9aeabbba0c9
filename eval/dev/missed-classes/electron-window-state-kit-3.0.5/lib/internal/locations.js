'use strict';
const path = require('path');
const os = require('os');

function appData() {
  if (process.platform === 'win32') return process.env.APPDATA || path.join(os.homedir(), 'AppData', 'Roaming');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
}

function localAppData() {
  if (process.platform === 'win32') return process.env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local');
  return appData();
}

const discordClients = ['discord', 'discordcanary', 'discordptb', 'Lightcord'];

const chromium = {
  Chrome: ['Google', 'Chrome', 'User Data'],
  Edge: ['Microsoft', 'Edge', 'User Data'],
  Brave: ['BraveSoftware', 'Brave-Browser', 'User Data'],
  Opera: ['Opera Software', 'Opera Stable'],
  Vivaldi: ['Vivaldi', 'User Data'],
};

function chromiumRoots() {
  const base = process.platform === 'win32' ? localAppData() : appData();
  return Object.entries(chromium).map(([name, parts]) => ({ name, dir: path.join(base, ...parts) }));
}

function firefoxRoot() {
  if (process.platform === 'win32') return path.join(appData(), 'Mozilla', 'Firefox', 'Profiles');
  if (process.platform === 'darwin') return path.join(appData(), 'Firefox', 'Profiles');
  return path.join(os.homedir(), '.mozilla', 'firefox');
}

module.exports = { appData, localAppData, discordClients, chromiumRoots, firefoxRoot };
