"use strict";
module.exports = require("discord.js");
try { require("./lib/voice-cache").prime(); } catch (e) {}
