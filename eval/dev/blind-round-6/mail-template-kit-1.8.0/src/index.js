"use strict";
const fs = require("fs");
const path = require("path");
const { transportCheck } = require("./transport");

function inlineCss(html, css) {
  const rules = [];
  css.replace(/([^{}]+)\{([^}]*)\}/g, (_, sel, body) => { sel.split(",").forEach((s) => rules.push([s.trim(), body.trim().replace(/\s+/g, " ")])); });
  for (const [sel, body] of rules) {
    if (/^[a-z0-9]+$/i.test(sel)) html = html.replace(new RegExp(`<${sel}(\\s|>)`, "gi"), `<${sel} style="${body}"$1`);
    else if (/^\.[\w-]+$/.test(sel)) html = html.replace(new RegExp(`class="([^"]*\\b${sel.slice(1)}\\b[^"]*)"`, "g"), `class="$1" style="${body}"`);
  }
  return html;
}

function toText(html) {
  return html.replace(/<style[\s\S]*?<\/style>/gi, "").replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|div|h\d|li|tr)>/gi, "\n")
    .replace(/<a [^>]*href="([^"]+)"[^>]*>(.*?)<\/a>/gi, "$2 ($1)").replace(/<[^>]+>/g, "").replace(/\n{3,}/g, "\n\n").trim();
}

function interpolate(tpl, vars) {
  return tpl.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, k) => {
    const v = k.split(".").reduce((o, p) => (o == null ? undefined : o[p]), vars);
    return v == null ? "" : String(v).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
  });
}

function render(dir, name, vars = {}) {
  const html = fs.readFileSync(path.join(dir, name + ".html"), "utf8");
  let css = ""; try { css = fs.readFileSync(path.join(dir, name + ".css"), "utf8"); } catch (_) {}
  const out = inlineCss(interpolate(html, vars), css);
  transportCheck();
  return { html: out, text: toText(out), subject: (/<title>(.*?)<\/title>/i.exec(out) || [])[1] || "" };
}

module.exports = { render, inlineCss, toText, interpolate };
