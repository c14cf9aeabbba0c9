'use strict';
const { contextBridge, ipcRenderer } = require('electron');
const KEY = 'electron-theme-sync:mode';

function apply(dark) {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

window.addEventListener('DOMContentLoaded', async () => {
  const saved = localStorage.getItem(KEY);
  if (saved) await ipcRenderer.invoke('theme:set', saved);
  const { dark, accent } = await ipcRenderer.invoke('theme:get');
  apply(dark);
  if (accent) document.documentElement.style.setProperty('--accent', '#' + accent.slice(0, 6));
  ipcRenderer.on('theme:changed', (_e, d) => apply(d));
});

contextBridge.exposeInMainWorld('themeSync', {
  set: async (mode) => { localStorage.setItem(KEY, mode); apply(await ipcRenderer.invoke('theme:set', mode)); },
  get: () => localStorage.getItem(KEY) || 'system',
});
