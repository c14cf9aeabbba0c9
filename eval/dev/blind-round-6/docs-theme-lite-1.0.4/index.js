"use strict";
const fs = require("fs");
const path = require("path");

const TPL = path.join(__dirname, "templates");

function esc(s) { return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c])); }

function render(name, vars) {
  const src = fs.readFileSync(path.join(TPL, name + ".html"), "utf8");
  return src.replace(/\{\{\{\s*(\w+)\s*\}\}\}/g, (_, k) => (vars[k] == null ? "" : String(vars[k])))
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => (vars[k] == null ? "" : esc(vars[k])));
}

function sidebar(pages, current) {
  return "<ul>" + pages.map((p) => `<li${p.url === current ? ' class="active"' : ""}><a href="${esc(p.url)}">${esc(p.title)}</a></li>`).join("") + "</ul>";
}

function page({ title, body, pages = [], url = "/", siteName = "Docs" }) {
  return render("layout", { title, siteName, content: body, nav: sidebar(pages, url) });
}

function copyAssets(outDir) {
  const src = path.join(__dirname, "assets");
  fs.mkdirSync(path.join(outDir, "assets"), { recursive: true });
  for (const f of fs.readdirSync(src)) fs.copyFileSync(path.join(src, f), path.join(outDir, "assets", f));
}

module.exports = { render, page, sidebar, copyAssets, esc };
