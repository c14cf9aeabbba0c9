module.exports = {
    'server': require('./WebSocketServer'),
    'client': require('./WebSocketClient'),
    'frame': require('./WebSocketFrame'),
    'version': require('./version')
};
