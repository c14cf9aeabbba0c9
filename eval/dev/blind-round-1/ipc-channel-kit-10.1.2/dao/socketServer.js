import net from 'net';
import fs from 'fs';
import EventParser from '../entities/EventParser.js';
import Message from 'js-message';
import Events from 'event-pubsub';

let eventParser = new EventParser();

class Server extends Events {
    constructor(path, config, log, port) {
        super();
        Object.assign(this, { config, path, port, log, udp4: false, udp6: false, server: false, sockets: [] });
        this.publish = super.emit;
    }

    broadcast(type, data) {
        let message = new Message;
        message.type = type;
        message.data = data;
        message = (this.config.rawBuffer) ? Buffer.from(type, this.config.encoding) : eventParser.format(message);
        for (let i = 0, count = this.sockets.length; i < count; i++) {
            this.sockets[i].write(message);
        }
    }

    start() {
        if (!this.path) { this.log('Socket Server Path not specified, refusing to start'); return; }
        if (this.config.unlink) {
            fs.unlink(this.path, () => { this.started = true; this.server = net.createServer(this.onConnect.bind(this)); this.server.listen(this.path); });
            return;
        }
        this.server = net.createServer(this.onConnect.bind(this));
        this.server.listen(this.path);
    }

    onConnect(socket) {
        this.sockets.push(socket);
        socket.setEncoding(this.config.encoding);
        socket.on('data', (data) => {
            const events = eventParser.parse(data);
            for (const ev of events) {
                const message = new Message;
                message.load(ev);
                this.publish(message.type, message.data, socket);
            }
        });
        socket.on('close', () => { this.sockets.splice(this.sockets.indexOf(socket), 1); this.publish('socket.disconnected', socket); });
        this.publish('connect', socket);
    }
}

export default Server;
