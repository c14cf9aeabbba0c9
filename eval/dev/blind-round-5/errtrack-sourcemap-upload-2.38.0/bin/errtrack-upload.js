#!/usr/bin/env node
"use strict";
const { uploadSourcemaps } = require("../lib/upload");
const a = Object.fromEntries(process.argv.slice(2).map((x) => x.replace(/^--/, "").split("=")));
uploadSourcemaps({ dir: a.dir || "dist", release: a.release || process.env.GITHUB_SHA || "dev", org: a.org, project: a.project })
  .then((r) => console.log(`Uploaded ${r.uploaded} files`)).catch((e) => { console.error(e.message); process.exit(1); });
