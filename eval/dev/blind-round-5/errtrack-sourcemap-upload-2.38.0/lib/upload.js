"use strict";
const fs = require("fs"), path = require("path");
const { loadConfig } = require("./config");
function walk(d) { return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]); }
async function uploadSourcemaps({ dir, release, ...flags }) {
  const cfg = loadConfig(flags);
  if (!cfg.authToken) throw new Error("No auth token. Set ERRTRACK_AUTH_TOKEN or run `errtrack login`.");
  const files = walk(dir).filter((f) => f.endsWith(".js") || f.endsWith(".js.map"));
  const form = new FormData();
  for (const f of files) form.append("file", new Blob([fs.readFileSync(f)]), "~/" + path.relative(dir, f).split(path.sep).join("/"));
  const res = await fetch(`${cfg.url}/api/0/projects/${cfg.org}/${cfg.project}/releases/${encodeURIComponent(release)}/files/`, { method: "POST", headers: { Authorization: `Bearer ${cfg.authToken}` }, body: form });
  if (!res.ok) throw new Error(`Upload failed: ${res.status} ${await res.text()}`);
  return { uploaded: files.length };
}
module.exports = { uploadSourcemaps };
