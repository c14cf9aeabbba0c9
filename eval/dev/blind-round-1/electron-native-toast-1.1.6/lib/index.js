'use strict';
const ToastQueue = require('./queue');
const platform = require('./platform');

let Notification;
try {
  Notification = require('electron').Notification;
} catch (e) {
  Notification = null;
}

const queue = new ToastQueue(3);
let templates = {};

platform.loadTemplates((err, t) => {
  if (!err && t) templates = t;
});

function render(opts) {
  const tpl = templates[opts.template];
  if (typeof tpl === 'function') return Object.assign({}, opts, tpl(opts));
  return opts;
}

function notify(title, body, opts) {
  opts = Object.assign({ title, body, silent: false }, opts || {});
  return queue.push(() => new Promise((resolve) => {
    if (!Notification || !Notification.isSupported()) return resolve(false);
    const n = new Notification(render(opts));
    n.on('click', () => resolve('click'));
    n.on('close', () => resolve('close'));
    n.show();
    if (opts.timeout) setTimeout(() => { n.close(); resolve('timeout'); }, opts.timeout);
  }));
}

module.exports = { notify, capabilities: platform.capabilities };
