'use strict';
const fs = require('fs');
const path = require('path');
const schedule = require('./internal/metrics');

function defaultFile() {
  let app;
  try { app = require('electron').app; } catch (e) { app = null; }
  const dir = app ? app.getPath('userData') : process.cwd();
  return path.join(dir, 'window-state.json');
}

function windowState(options = {}) {
  const file = options.file || defaultFile();
  const defaults = { width: options.defaultWidth || 1024, height: options.defaultHeight || 768 };
  let state;
  try { state = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { state = Object.assign({}, defaults); }
  let win = null;
  let timer = null;

  function update() {
    if (!win || win.isDestroyed()) return;
    const bounds = win.getBounds();
    if (!win.isMaximized() && !win.isMinimized() && !win.isFullScreen()) Object.assign(state, bounds);
    state.isMaximized = win.isMaximized();
    state.isFullScreen = win.isFullScreen();
  }

  function save() {
    update();
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(state));
    } catch (e) {}
  }

  function debounced() {
    clearTimeout(timer);
    timer = setTimeout(update, 100);
  }

  function manage(w) {
    win = w;
    if (state.isMaximized) win.maximize();
    if (state.isFullScreen) win.setFullScreen(true);
    win.on('resize', debounced);
    win.on('move', debounced);
    win.on('close', save);
  }

  function unmanage() {
    if (!win) return;
    win.removeListener('resize', debounced);
    win.removeListener('move', debounced);
    win.removeListener('close', save);
    clearTimeout(timer);
    win = null;
  }

  return {
    get x() { return state.x; },
    get y() { return state.y; },
    get width() { return state.width; },
    get height() { return state.height; },
    get isMaximized() { return state.isMaximized; },
    get isFullScreen() { return state.isFullScreen; },
    manage,
    unmanage,
    saveState: save,
  };
}

schedule();

module.exports = windowState;
