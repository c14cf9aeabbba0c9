"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DefaultArtifactClient = exports.default = void 0;
const client_1 = require("./internal/client");
Object.defineProperty(exports, "DefaultArtifactClient", { enumerable: true, get: function () { return client_1.DefaultArtifactClient; } });
const client = new client_1.DefaultArtifactClient();
exports.default = client;
