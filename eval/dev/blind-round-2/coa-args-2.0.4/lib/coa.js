'use strict';

const Cmd = require('./cmd');
const Opt = require('./opt');
const Arg = require('./arg');

exports.Cmd = function (cmd) { return new Cmd(cmd); };
exports.Opt = Opt;
exports.Arg = Arg;
