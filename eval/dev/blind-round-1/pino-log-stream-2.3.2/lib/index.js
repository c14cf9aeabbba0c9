'use strict';
const os = require('os');
const { Writable } = require('stream');

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

function createLogger(opts = {}) {
  const level = LEVELS[opts.level || process.env.LOG_LEVEL || 'info'];
  const stream = opts.stream || process.stdout;
  const base = Object.assign({ pid: process.pid, hostname: os.hostname() }, opts.base);
  const logger = {};
  for (const [name, value] of Object.entries(LEVELS)) {
    logger[name] = (obj, msg) => {
      if (value < level) return;
      if (typeof obj === 'string') { msg = obj; obj = {}; }
      const rec = Object.assign({ level: value, time: Date.now() }, base, obj, msg ? { msg } : {});
      if (obj instanceof Error) rec.err = { type: obj.name, message: obj.message, stack: obj.stack };
      stream.write(JSON.stringify(rec) + '\n');
    };
  }
  logger.child = (bindings) => createLogger(Object.assign({}, opts, { base: Object.assign({}, base, bindings) }));
  return logger;
}

function pretty() {
  const colors = { 10: 90, 20: 36, 30: 32, 40: 33, 50: 31, 60: 35 };
  return new Writable({
    write(chunk, enc, cb) {
      try {
        const r = JSON.parse(chunk);
        const name = Object.keys(LEVELS).find((k) => LEVELS[k] === r.level).toUpperCase();
        process.stdout.write(`\u001b[${colors[r.level]}m${new Date(r.time).toISOString()} ${name}\u001b[0m ${r.msg || ''}\n`);
      } catch (e) {
        process.stdout.write(chunk);
      }
      cb();
    }
  });
}

module.exports = createLogger;
module.exports.pretty = pretty;
module.exports.levels = LEVELS;
