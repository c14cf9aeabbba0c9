"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Network = exports.LocalWallet = void 0;
var local_wallet_1 = require("./clients/modules/local-wallet");
Object.defineProperty(exports, "LocalWallet", { enumerable: true, get: function () { return local_wallet_1.default; } });
var constants_1 = require("./clients/constants");
Object.defineProperty(exports, "Network", { enumerable: true, get: function () { return constants_1.Network; } });
