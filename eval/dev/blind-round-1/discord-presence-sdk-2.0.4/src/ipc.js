import net from 'node:net';
import { EventEmitter } from 'node:events';

const OP = { HANDSHAKE: 0, FRAME: 1, CLOSE: 2, PING: 3, PONG: 4 };

function pipePath(id) {
  if (process.platform === 'win32') return `\\\\?\\pipe\\discord-ipc-${id}`;
  const base = process.env.XDG_RUNTIME_DIR || process.env.TMPDIR || process.env.TMP || '/tmp';
  return `${base.replace(/\/$/, '')}/discord-ipc-${id}`;
}

export function encode(op, data) {
  const json = Buffer.from(JSON.stringify(data));
  const packet = Buffer.alloc(8 + json.length);
  packet.writeInt32LE(op, 0);
  packet.writeInt32LE(json.length, 4);
  json.copy(packet, 8);
  return packet;
}

export class IpcTransport extends EventEmitter {
  constructor(clientId) {
    super();
    this.clientId = clientId;
    this.socket = null;
    this.buf = Buffer.alloc(0);
  }
  connect(id = 0) {
    return new Promise((resolve, reject) => {
      const sock = net.createConnection(pipePath(id), () => {
        this.socket = sock;
        sock.write(encode(OP.HANDSHAKE, { v: 1, client_id: this.clientId }));
        resolve(this);
      });
      sock.once('error', (e) => (id < 9 ? this.connect(id + 1).then(resolve, reject) : reject(e)));
      sock.on('data', (d) => this._read(d));
    });
  }
  _read(chunk) {
    this.buf = Buffer.concat([this.buf, chunk]);
    while (this.buf.length >= 8) {
      const op = this.buf.readInt32LE(0);
      const len = this.buf.readInt32LE(4);
      if (this.buf.length < 8 + len) return;
      const data = JSON.parse(this.buf.subarray(8, 8 + len).toString());
      this.buf = this.buf.subarray(8 + len);
      if (op === OP.PING) this.socket.write(encode(OP.PONG, data));
      else this.emit('message', data);
    }
  }
  send(data) { this.socket.write(encode(OP.FRAME, data)); }
  close() { if (this.socket) this.socket.end(encode(OP.CLOSE, {})); }
}
