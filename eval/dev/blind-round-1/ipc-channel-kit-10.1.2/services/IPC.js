import Defaults from '../entities/Defaults.js';
import Server from '../dao/socketServer.js';
import util from 'util';

class IPC {
    constructor() {
        this.config = new Defaults;
        this.of = {};
        this.server = false;
    }
    get connectTo() { return connect; }
    get serve() { return serve; }
    log(...args) {
        if (this.config.silent) return;
        for (let i = 0, count = args.length; i < count; i++) {
            if (typeof args[i] !== 'object') continue;
            args[i] = util.inspect(args[i], { depth: this.config.logDepth, colors: this.config.logInColor });
        }
        console.log(args.join(' '));
    }
}

function serve(path, callback) {
    if (typeof path === 'function') { callback = path; path = false; }
    if (!path) path = this.config.socketRoot + this.config.appspace + this.config.id;
    this.server = new Server(path, this.config, this.log);
    if (callback) this.server.on('start', callback);
}

function connect(id, path, callback) {
    if (typeof path === 'function') { callback = path; path = false; }
    if (!path) path = this.config.socketRoot + this.config.appspace + id;
    this.log('requested connection to ', id, path);
    if (callback) callback();
}

export default IPC;
