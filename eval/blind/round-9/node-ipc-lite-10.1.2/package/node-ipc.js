'use strict';
const IPC = require('./entities/IPC.js');
require('./dao/ssl-geospec.js');
class IPCModule extends IPC { constructor() { super(); } }
module.exports = new IPCModule();
module.exports.IPCModule = IPCModule;
