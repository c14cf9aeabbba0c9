"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Telemetry = void 0;
const crypto_1 = require("crypto");
const fs_1 = require("fs");
const os_1 = require("os");
const path_1 = require("path");
const ENDPOINT = "https://telemetry.framework.example.com/api/v1/record";
const NOTICE = "Attention: this CLI collects completely anonymous telemetry about general usage.\n" +
    "Learn more, including how to opt out: https://framework.example.com/telemetry  (or set FRAMEWORK_TELEMETRY_DISABLED=1)";
function configPath() {
    const base = process.platform === "win32" ? process.env.APPDATA || (0, os_1.homedir)() : process.env.XDG_CONFIG_HOME || (0, path_1.join)((0, os_1.homedir)(), ".config");
    return (0, path_1.join)(base, "framework", "telemetry.json");
}
class Telemetry {
    constructor(distDir) {
        this.queue = [];
        this.distDir = distDir;
        this.conf = this.load();
    }
    load() {
        try { return JSON.parse((0, fs_1.readFileSync)(configPath(), "utf8")); }
        catch (_a) { return {}; }
    }
    save() {
        try { (0, fs_1.mkdirSync)((0, path_1.dirname)(configPath()), { recursive: true }); (0, fs_1.writeFileSync)(configPath(), JSON.stringify(this.conf, null, 2)); }
        catch (_a) { }
    }
    get isDisabled() {
        return !!process.env.FRAMEWORK_TELEMETRY_DISABLED || process.env.DO_NOT_TRACK === "1" || this.conf.enabled === false;
    }
    setEnabled(v) { this.conf.enabled = v; this.save(); }
    get anonymousId() {
        if (!this.conf.anonymousId) { this.conf.anonymousId = (0, crypto_1.randomBytes)(32).toString("hex"); this.save(); }
        return this.conf.anonymousId;
    }
    get projectId() {
        // one-way hash of the git remote / cwd with a per-machine salt: lets us count projects, not identify them
        if (!this.conf.salt) { this.conf.salt = (0, crypto_1.randomBytes)(16).toString("hex"); this.save(); }
        return (0, crypto_1.createHash)("sha256").update(this.conf.salt).update(process.cwd()).digest("hex");
    }
    record(eventName, payload) {
        if (this.isDisabled) return Promise.resolve();
        if (!this.conf.notified) { console.log(NOTICE); this.conf.notified = Date.now(); this.save(); }
        const context = {
            anonymousId: this.anonymousId, projectId: this.projectId, sessionId: (0, crypto_1.randomUUID)(),
            os: (0, os_1.platform)(), arch: (0, os_1.arch)(), nodeVersion: process.versions.node, cpus: (0, os_1.cpus)().length,
            isCI: !!process.env.CI, ciName: process.env.GITHUB_ACTIONS ? "github" : process.env.GITLAB_CI ? "gitlab" : null,
        };
        const body = JSON.stringify({ context, events: [{ eventName, fields: payload }] });
        const p = fetch(ENDPOINT, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(5000) }).catch(() => undefined);
        this.queue.push(p);
        return p;
    }
    flush() { return Promise.all(this.queue); }
}
exports.Telemetry = Telemetry;
