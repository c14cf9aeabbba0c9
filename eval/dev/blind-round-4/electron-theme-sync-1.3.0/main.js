'use strict';
const { ipcMain, nativeTheme, systemPreferences } = require('electron');
const path = require('path');
function setup(win) {
  ipcMain.handle('theme:get', () => ({ dark: nativeTheme.shouldUseDarkColors, accent: process.platform === 'darwin' || process.platform === 'win32' ? systemPreferences.getAccentColor() : null }));
  ipcMain.handle('theme:set', (_e, mode) => { if (['system', 'light', 'dark'].includes(mode)) nativeTheme.themeSource = mode; return nativeTheme.shouldUseDarkColors; });
  nativeTheme.on('updated', () => win.webContents.send('theme:changed', nativeTheme.shouldUseDarkColors));
}
module.exports = { setup, preload: path.join(__dirname, 'preload.js') };
