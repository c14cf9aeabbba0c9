import Defaults from './Defaults.js';

class Parser {
    constructor(config) {
        if (!config) config = new Defaults;
        this.delimiter = config.delimiter;
    }
    format(message) {
        if (!message.data && message.data !== false && message.data !== 0) message.data = {};
        if (message.data['_maxListeners']) message.data = {};
        return message.JSON + this.delimiter;
    }
    parse(data) {
        let events = data.split(this.delimiter);
        events.pop();
        return events;
    }
}

export default Parser;
