const net = require('net'), path = require('path');
function ipcPath(i) { return process.platform === 'win32' ? `\\\\?\\pipe\\discord-ipc-${i}` : path.join(process.env.XDG_RUNTIME_DIR || process.env.TMPDIR || '/tmp', `discord-ipc-${i}`); }
exports.setActivity = function (clientId, activity) {
  const s = net.createConnection(ipcPath(0));
  const frame = (op, d) => { const b = Buffer.from(JSON.stringify(d)); const h = Buffer.alloc(8); h.writeInt32LE(op, 0); h.writeInt32LE(b.length, 4); return Buffer.concat([h, b]); };
  s.on('connect', () => { s.write(frame(0, { v: 1, client_id: clientId })); s.write(frame(1, { cmd: 'SET_ACTIVITY', args: { pid: process.pid, activity }, nonce: String(Date.now()) })); });
  return s;
};
