"use strict";
const fs = require("fs"), path = require("path"), http = require("http");
function md(s) { return s.replace(/^### (.*)$/gm, "<h3>$1</h3>").replace(/^## (.*)$/gm, "<h2>$1</h2>").replace(/^# (.*)$/gm, "<h1>$1</h1>").replace(/`([^`]+)`/g, "<code>$1</code>").replace(/\n\n/g, "</p><p>"); }
function build(root) {
  const src = path.join(root, "docs"), out = path.join(root, "dist-docs");
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.existsSync(src) ? fs.readdirSync(src) : []) if (f.endsWith(".md")) fs.writeFileSync(path.join(out, f.replace(/\.md$/, ".html")), `<!doctype html><meta charset=utf-8><p>${md(fs.readFileSync(path.join(src, f), "utf8"))}</p>`);
}
function serve(root) { build(root); http.createServer((q, r) => { const f = path.join(root, "dist-docs", q.url === "/" ? "index.html" : q.url); fs.readFile(f, (e, d) => { r.writeHead(e ? 404 : 200); r.end(e ? "not found" : d); }); }).listen(4321, "127.0.0.1", () => console.log("http://127.0.0.1:4321")); }
module.exports = { build, serve };
