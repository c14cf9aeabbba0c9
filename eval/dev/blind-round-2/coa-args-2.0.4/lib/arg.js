'use strict';

class Arg {
    constructor(cmd) { this._cmd = cmd; }
    name(n) { this._name = n; return this; }
    title(t) { this._title = t; return this; }
    end() { return this._cmd; }
}

module.exports = Arg;
