"use strict";
// Generate editor theme JSON and highlight.js CSS from a compact palette definition.
function tokenColors(p) {
  return [
    { scope: ["comment", "punctuation.definition.comment"], settings: { foreground: p.comment, fontStyle: "italic" } },
    { scope: ["string", "string.template"], settings: { foreground: p.string } },
    { scope: ["keyword", "storage.type", "storage.modifier"], settings: { foreground: p.keyword } },
    { scope: ["constant.numeric", "constant.language"], settings: { foreground: p.number } },
    { scope: ["entity.name.function", "support.function"], settings: { foreground: p.func } },
    { scope: ["entity.name.type", "support.class"], settings: { foreground: p.type } },
    { scope: ["variable.parameter"], settings: { foreground: p.param, fontStyle: "italic" } }
  ];
}

function editorTheme(name, type, p) {
  return {
    name, type,
    colors: { "editor.background": p.bg, "editor.foreground": p.fg, "editorCursor.foreground": p.keyword, "editor.selectionBackground": p.selection,
      "editorLineNumber.foreground": p.comment, "statusBar.background": p.bg, "activityBar.background": p.bg },
    tokenColors: tokenColors(p)
  };
}

function hljsCss(prefix, p) {
  const map = { comment: p.comment, string: p.string, keyword: p.keyword, number: p.number, title: p.func, type: p.type, params: p.param };
  return [`.${prefix} .hljs{background:${p.bg};color:${p.fg}}`].concat(Object.entries(map).map(([k, v]) => `.${prefix} .hljs-${k}{color:${v}}`)).join("\n");
}

module.exports = { editorTheme, hljsCss, tokenColors };
