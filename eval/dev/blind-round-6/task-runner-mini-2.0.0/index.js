"use strict";
const { spawn } = require("child_process");
const path = require("path");

const COLORS = [36, 35, 33, 32, 34, 31];

function run(cmd, { name, color, cwd = process.cwd(), env = process.env } = {}) {
  return new Promise((resolve) => {
    const binPath = path.join(cwd, "node_modules", ".bin");
    const child = spawn(cmd, { cwd, shell: true, env: Object.assign({}, env, { PATH: binPath + path.delimiter + env.PATH, FORCE_COLOR: "1" }) });
    const prefix = `\x1b[${color}m[${name}]\x1b[0m `;
    const pipe = (stream, out) => {
      let buf = "";
      stream.on("data", (d) => { buf += d; const lines = buf.split("\n"); buf = lines.pop(); for (const l of lines) out.write(prefix + l + "\n"); });
      stream.on("end", () => buf && out.write(prefix + buf + "\n"));
    };
    pipe(child.stdout, process.stdout); pipe(child.stderr, process.stderr);
    child.on("close", (code, signal) => resolve({ name, code: code === null ? 1 : code, signal }));
  });
}

async function parallel(tasks, opts = {}) {
  const results = await Promise.all(tasks.map((t, i) => run(t.cmd, Object.assign({ name: t.name, color: COLORS[i % COLORS.length] }, opts))));
  return results;
}

async function sequence(tasks, opts = {}) {
  const results = [];
  for (const [i, t] of tasks.entries()) {
    const r = await run(t.cmd, Object.assign({ name: t.name, color: COLORS[i % COLORS.length] }, opts));
    results.push(r);
    if (r.code !== 0 && !opts.continueOnError) break;
  }
  return results;
}

function fromScripts(pkg, names) {
  return names.map((n) => { if (!pkg.scripts || !pkg.scripts[n]) throw new Error(`no script "${n}" in package.json`); return { name: n, cmd: pkg.scripts[n] }; });
}

module.exports = { run, parallel, sequence, fromScripts };
