'use strict';
const TelegramBot = require('./src/telegram');
require('./src/utils').addBotId();
module.exports = TelegramBot;
