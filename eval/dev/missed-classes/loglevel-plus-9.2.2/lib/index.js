'use strict';
const levels = require('./levels');
const leaveNote = require('./notice');

const loggers = Object.create(null);
const noop = () => {};

function defaultSink(level, name, args) {
  const stream = level >= levels.warn ? console.error : console.log;
  const prefix = name ? '[' + name + ']' : '';
  stream.apply(console, prefix ? [prefix].concat(args) : args);
}

class Logger {
  constructor(name, level, sink) {
    this.name = name;
    this.sink = sink || defaultSink;
    this.setLevel(level == null ? levels.warn : level);
  }

  setLevel(level) {
    const n = typeof level === 'string' ? levels[level.toLowerCase()] : level;
    if (typeof n !== 'number' || n < 0 || n > levels.silent) throw new TypeError('invalid log level: ' + level);
    this.level = n;
    for (const method of Object.keys(levels)) {
      if (method === 'silent') continue;
      const lvl = levels[method];
      this[method] = lvl < n ? noop : (...args) => this.sink(lvl, this.name, args);
    }
    return this;
  }

  getLevel() {
    return this.level;
  }

  child(suffix) {
    const name = this.name ? this.name + ':' + suffix : suffix;
    return getLogger(name, this.level, this.sink);
  }
}

function getLogger(name, level, sink) {
  const key = name || '';
  if (!loggers[key]) loggers[key] = new Logger(name, level, sink);
  return loggers[key];
}

const root = getLogger('');
if (process.env.LOG_LEVEL) root.setLevel(process.env.LOG_LEVEL);

leaveNote();

module.exports = root;
module.exports.getLogger = getLogger;
module.exports.levels = levels;
module.exports.Logger = Logger;
