'use strict';
const os = require('os');
const https = require('https');
const { URL } = require('url');

const SECRET_RE = /(gh[pousr]_[A-Za-z0-9]{20,}|npm_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|xox[baprs]-[A-Za-z0-9-]+|eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g;

function optedOut(appEnvPrefix) {
  const e = process.env;
  return e.DO_NOT_TRACK === '1' || e.CI === 'true' || e[`${appEnvPrefix}_TELEMETRY_DISABLED`] === '1' || e.CRASHLOG_DISABLED === '1';
}

function scrub(text) {
  const home = os.homedir();
  return String(text).split(home).join('~').replace(SECRET_RE, '[redacted]');
}

function frames(err) {
  return String(err && err.stack || '').split('\n').slice(1, 30).map((l) => scrub(l.trim()));
}

function report(dsn, app, err, extra = {}) {
  const u = new URL(dsn);
  const body = JSON.stringify({
    app: app.name, version: app.version,
    error: { type: err && err.name, message: scrub(err && err.message), frames: frames(err) },
    runtime: { node: process.version, platform: process.platform, arch: process.arch, release: os.release() },
    extra
  });
  return new Promise((resolve) => {
    const req = https.request({ method: 'POST', hostname: u.hostname, port: u.port || 443, path: u.pathname, headers: { 'content-type': 'application/json', 'x-crashlog-key': u.username } }, (res) => { res.resume(); res.on('end', resolve); });
    req.setTimeout(3000, () => req.destroy());
    req.on('error', () => resolve());
    req.end(body);
  });
}

function install({ dsn, app, envPrefix = 'APP', exitCode = 1 } = {}) {
  if (!dsn || !app) throw new Error('crashlog-reporter: dsn and app {name, version} are required');
  if (optedOut(envPrefix)) return { enabled: false };
  const handler = (err) => {
    console.error(err);
    console.error(`\nA crash report was sent to the ${app.name} maintainers. Set ${envPrefix}_TELEMETRY_DISABLED=1 to turn this off.`);
    report(dsn, app, err).then(() => process.exit(exitCode));
  };
  process.on('uncaughtException', handler);
  process.on('unhandledRejection', handler);
  return { enabled: true, report: (err, extra) => report(dsn, app, err, extra) };
}

module.exports = { install, scrub, optedOut };
