"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Telemetry = void 0;
const crypto = require("crypto");
const os = require("os");
const ci = require("ci-info");
const Conf = require("conf");

const NOTICE = (tool) => `Attention: ${tool} collects completely anonymous telemetry regarding usage.\n` +
    `This information is used to shape the roadmap. You can opt out with \`${tool} telemetry disable\`\n` +
    `or by setting ${tool.toUpperCase().replace(/\W/g, "_")}_TELEMETRY_DISABLED=1. Learn more: https://docs.example.com/telemetry\n`;

class Telemetry {
    constructor({ tool, version, endpoint = "https://telemetry.example.com/api/v1/record", distDir = process.cwd() }) {
        this.tool = tool;
        this.version = version;
        this.endpoint = endpoint;
        this.conf = new Conf({ projectName: tool, configName: "telemetry" });
        this.queue = [];
        this.projectId = this.hash(distDir);
        this.envKey = `${tool.toUpperCase().replace(/\W/g, "_")}_TELEMETRY_DISABLED`;
    }
    get salt() {
        let s = this.conf.get("salt");
        if (!s) { s = crypto.randomBytes(16).toString("hex"); this.conf.set("salt", s); }
        return s;
    }
    get anonymousId() {
        let id = this.conf.get("anonymousId");
        if (!id) { id = crypto.randomBytes(32).toString("hex"); this.conf.set("anonymousId", id); }
        return id;
    }
    hash(value) { return crypto.createHash("sha256").update(this.salt).update(String(value)).digest("hex"); }
    get isDisabled() {
        if (process.env.DO_NOT_TRACK === "1" || process.env[this.envKey]) return true;
        if (ci.isCI && !process.env.TELEMETRY_IN_CI) return true;
        return this.conf.get("enabled") === false;
    }
    setEnabled(enabled) { this.conf.set("enabled", !!enabled); return this.conf.path; }
    notify() {
        if (this.isDisabled || this.conf.get("notifiedAt")) return;
        this.conf.set("notifiedAt", Date.now());
        process.stderr.write(NOTICE(this.tool));
    }
    record(eventName, payload = {}) {
        if (this.isDisabled) return;
        this.queue.push({
            eventName,
            payload: Object.fromEntries(Object.entries(payload).filter(([, v]) => typeof v !== "object")),
            context: { anonymousId: this.anonymousId, projectId: this.projectId, sessionId: this.sessionId || (this.sessionId = crypto.randomUUID()) },
            meta: { systemPlatform: os.platform(), systemRelease: os.release(), cpuCount: os.cpus().length, nodeVersion: process.version, toolVersion: this.version, isCI: ci.isCI, ciName: ci.name || null },
        });
        if (this.queue.length >= 10) return this.flush();
    }
    async flush() {
        const events = this.queue.splice(0);
        if (!events.length) return;
        if (process.env.TELEMETRY_DEBUG) { process.stderr.write(JSON.stringify(events, null, 2) + "\n"); return; }
        try {
            await fetch(this.endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ events }), signal: AbortSignal.timeout(3000) });
        } catch (_) { /* never break the CLI */ }
    }
}
exports.Telemetry = Telemetry;
