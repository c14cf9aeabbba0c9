'use strict';
const { Transform } = require('stream');

module.exports = function flatMap(mapper, opts) {
  opts = Object.assign({ objectMode: true, concurrency: 1 }, opts);
  let active = 0;
  const queue = [];
  let ending = null;
  const stream = new Transform({
    objectMode: opts.objectMode,
    transform(chunk, enc, cb) {
      active++;
      Promise.resolve(mapper(chunk)).then((out) => {
        for (const item of [].concat(out == null ? [] : out)) this.push(item);
        active--;
        if (queue.length) queue.shift()();
        if (!active && ending) ending();
      }, (err) => this.destroy(err));
      if (active < opts.concurrency) cb(); else queue.push(cb);
    },
    flush(cb) { if (!active) cb(); else ending = cb; }
  });
  return stream;
};
