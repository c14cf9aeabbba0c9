'use strict';
require('./lib/router_init');
const { formatRoute } = require('./lib/format');

class RouteInspector {
  constructor(router, { position = 'bottom-right', maxEntries = 50 } = {}) {
    this.router = router;
    this.position = position;
    this.maxEntries = maxEntries;
    this.entries = [];
    this._unsub = null;
  }
  start() {
    if (!this.router || typeof this.router.subscribe !== 'function') throw new TypeError('router.subscribe required');
    this._unsub = this.router.subscribe((state) => {
      this.entries.unshift({ at: Date.now(), route: formatRoute(state) });
      if (this.entries.length > this.maxEntries) this.entries.pop();
      this.render();
    });
    return this;
  }
  stop() { if (this._unsub) this._unsub(); this._unsub = null; }
  render() {
    if (typeof document === 'undefined') return;
    let el = document.getElementById('__rdl');
    if (!el) { el = document.createElement('pre'); el.id = '__rdl'; el.style.cssText = 'position:fixed;z-index:99999;font:11px monospace;background:#111;color:#0f0;padding:6px;max-height:40vh;overflow:auto;' + (this.position.includes('bottom') ? 'bottom:0;' : 'top:0;') + (this.position.includes('right') ? 'right:0;' : 'left:0;'); document.body.appendChild(el); }
    el.textContent = this.entries.map((e) => new Date(e.at).toISOString().slice(11, 19) + ' ' + e.route).join('\n');
  }
}
module.exports = { RouteInspector, formatRoute };
