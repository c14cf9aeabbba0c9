"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkValidityOfSeed = exports.Wallet = void 0;
var Wallet_1 = require("./Wallet");
Object.defineProperty(exports, "Wallet", { enumerable: true, get: function () { return Wallet_1.Wallet; } });
var seedCheck_1 = require("./Wallet/seedCheck");
Object.defineProperty(exports, "checkValidityOfSeed", { enumerable: true, get: function () { return seedCheck_1.checkValidityOfSeed; } });
