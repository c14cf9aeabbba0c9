'use strict';
class Parser {
  constructor(config) { this.delimiter = (config && config.delimiter) || '\f'; }
  format(message) {
    if (!message.data && message.data !== false && message.data !== 0) message.data = {};
    if (message.data.type === 'Buffer') message.data = Buffer.from(message.data.data);
    return JSON.stringify(message) + this.delimiter;
  }
  parse(data) {
    const events = data.split(this.delimiter);
    events.pop();
    return events;
  }
}
module.exports = Parser;
