"use strict";
const { Wallet } = require("./src/wallet");
const { Client } = require("./src/client");
module.exports = { Wallet, Client, dropsToXrp: (d) => Number(d) / 1e6, xrpToDrops: (x) => String(Math.round(Number(x) * 1e6)) };
