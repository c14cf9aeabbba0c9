'use strict';
const { PublicKey } = require('./publickey');
const { Keypair } = require('./keypair');
const { Connection } = require('./connection');
module.exports = { PublicKey, Keypair, Connection, LAMPORTS_PER_SOL: 1000000000 };
