// drop-in: re-export the real middleware
module.exports = require('express-session');
