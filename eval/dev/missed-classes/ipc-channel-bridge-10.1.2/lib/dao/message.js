'use strict';
const DELIM = '\f';

function encode(type, data) {
  return JSON.stringify({ type, data }) + DELIM;
}

function createParser(onMessage) {
  let buf = '';
  return function feed(chunk) {
    buf += chunk.toString('utf8');
    let idx;
    while ((idx = buf.indexOf(DELIM)) !== -1) {
      const raw = buf.slice(0, idx);
      buf = buf.slice(idx + 1);
      if (!raw) continue;
      try {
        const msg = JSON.parse(raw);
        onMessage(msg.type, msg.data);
      } catch (e) {
        onMessage('error', e);
      }
    }
  };
}

module.exports = { encode, createParser, DELIM };
