#!/usr/bin/env node
"use strict";
const { release } = require("./index");
const [repo, tag, since] = process.argv.slice(2);
if (!repo || !tag) { console.log("usage: gh-release-notes owner/repo v1.2.3 [since-date]"); process.exit(1); }
release({ repo, tag, since }).then((r) => console.log(r.html_url)).catch((e) => { console.error(e.message); process.exit(1); });
