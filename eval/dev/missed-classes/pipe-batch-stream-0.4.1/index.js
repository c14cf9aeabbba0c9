'use strict';
var Transform = require('stream').Transform;
var inherits = require('util').inherits;

function BatchStream(opts) {
  if (!(this instanceof BatchStream)) return new BatchStream(opts);
  opts = opts || {};
  Transform.call(this, { objectMode: true, highWaterMark: opts.highWaterMark || 16 });
  this.size = opts.size || 100;
  this.maxWait = opts.maxWait || 0;
  this._batch = [];
  this._timer = null;
}
inherits(BatchStream, Transform);

BatchStream.prototype._flushBatch = function () {
  if (this._timer) { clearTimeout(this._timer); this._timer = null; }
  if (!this._batch.length) return;
  var out = this._batch;
  this._batch = [];
  this.push(out);
};

BatchStream.prototype._transform = function (item, enc, cb) {
  var self = this;
  this._batch.push(item);
  if (this._batch.length >= this.size) this._flushBatch();
  else if (this.maxWait && !this._timer) {
    this._timer = setTimeout(function () { self._flushBatch(); }, this.maxWait);
  }
  cb();
};

BatchStream.prototype._flush = function (cb) {
  this._flushBatch();
  cb();
};

module.exports = BatchStream;
