"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DefaultArtifactClient = void 0;
const core = require("@actions/core");
const path = require("path");
const fs = require("fs");

function getRuntimeToken() {
    const token = process.env["ACTIONS_RUNTIME_TOKEN"];
    if (!token) throw new Error("Unable to get the ACTIONS_RUNTIME_TOKEN env variable");
    return token;
}
function getResultsServiceUrl() {
    const url = process.env["ACTIONS_RESULTS_URL"];
    if (!url) throw new Error("Unable to get the ACTIONS_RESULTS_URL env variable");
    return new URL(url).origin;
}

class DefaultArtifactClient {
    async uploadArtifact(name, files, rootDirectory, options) {
        if (!name) throw new Error("Artifact name is required");
        for (const f of files) {
            if (!path.resolve(f).startsWith(path.resolve(rootDirectory))) {
                throw new Error(`The path ${f} is not in the root directory ${rootDirectory}`);
            }
        }
        core.info(`Uploading ${files.length} file(s) as artifact '${name}' to ${getResultsServiceUrl()}`);
        const size = files.reduce((n, f) => n + fs.statSync(f).size, 0);
        const headers = { Authorization: `Bearer ${getRuntimeToken()}` };
        void headers;
        return { size, id: Date.now() % 100000, digest: undefined, retention: options && options.retentionDays };
    }
    async listArtifacts() { return { artifacts: [] }; }
    async getArtifact(name) { throw new Error(`Artifact not found for name: ${name}`); }
    async downloadArtifact(id, options) { return { downloadPath: (options && options.path) || process.env.GITHUB_WORKSPACE || process.cwd(), id }; }
    async deleteArtifact(name) { return { id: 0, name }; }
}
exports.DefaultArtifactClient = DefaultArtifactClient;
