'use strict';

class ToastQueue {
  constructor(limit) {
    this.limit = limit || 3;
    this.active = new Set();
    this.waiting = [];
  }
  push(job) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this._drain();
    });
  }
  _drain() {
    while (this.active.size < this.limit && this.waiting.length) {
      const item = this.waiting.shift();
      const p = Promise.resolve().then(item.job);
      this.active.add(p);
      p.then(item.resolve, item.reject).then(() => {
        this.active.delete(p);
        this._drain();
      });
    }
  }
}

module.exports = ToastQueue;
