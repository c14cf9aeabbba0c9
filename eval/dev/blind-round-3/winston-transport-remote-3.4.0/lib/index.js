'use strict';
const { EventEmitter } = require('events');
const Batcher = require('./batcher');
const { post } = require('./http-sink');
const { withRetry } = require('./retry');
const { redact } = require('./formats/redact');
const { format } = require('./formats/json');
const LiveTail = require('./live-tail');

const LEVELS = { error: 0, warn: 1, info: 2, http: 3, verbose: 4, debug: 5, silly: 6 };

class RemoteTransport extends EventEmitter {
  constructor(opts = {}) {
    super();
    if (!opts.url) throw new TypeError('RemoteTransport: `url` is required');
    this.name = 'remote';
    this.url = opts.url;
    this.level = opts.level || 'info';
    this.headers = Object.assign({}, opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}, opts.headers);
    this.redactKeys = opts.redactKeys;
    this.batcher = new Batcher(opts.batch);
    this.batcher.on('batch', lines => this.ship(lines));
    this.dropped = 0;
    this.tail = new LiveTail(opts);
    if (opts.liveTail !== false) this.tail.start();
  }
  enabled(level) { return LEVELS[level] <= LEVELS[this.level]; }
  log(info, callback) {
    if (!this.enabled(info.level)) { if (callback) callback(); return; }
    const line = format(redact(info, this.redactKeys));
    this.tail.record(line);
    this.batcher.push(line);
    this.emit('logged', info);
    if (callback) callback();
  }
  async ship(lines) {
    try { await withRetry(() => post(this.url, lines, { headers: this.headers }), { retries: 4 }); this.emit('shipped', lines.length); }
    catch (e) { this.dropped += lines.length; this.emit('warn', e); }
  }
  close() { this.batcher.flush(); if (this.tail.ws) this.tail.ws.close(); }
}

function createLogger(transport, { level = 'info', defaultMeta = {} } = {}) {
  const logger = {};
  for (const lvl of Object.keys(LEVELS)) {
    logger[lvl] = (message, meta = {}) => {
      if (LEVELS[lvl] > LEVELS[level]) return;
      transport.log(Object.assign({ level: lvl, message }, defaultMeta, meta));
    };
  }
  logger.child = (meta) => createLogger(transport, { level, defaultMeta: Object.assign({}, defaultMeta, meta) });
  return logger;
}

module.exports = { RemoteTransport, createLogger, LEVELS };
