"use strict";
const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(s) { return String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ESC[c]); }

function compile(src, { localsName = "it", strict = true } = {}) {
  if (!/^[A-Za-z_$][\w$]*$/.test(localsName)) throw new Error("invalid localsName");
  let code = "let __o = '';\n";
  let cursor = 0;
  const re = /<%([=-]?)([\s\S]+?)%>/g; let m;
  while ((m = re.exec(src))) {
    code += "__o += " + JSON.stringify(src.slice(cursor, m.index)) + ";\n";
    const [, mode, body] = m;
    if (mode === "=") code += `__o += __esc(${body.trim()});\n`;
    else if (mode === "-") code += `__o += (${body.trim()});\n`;
    else code += body.trim() + "\n";
    cursor = m.index + m[0].length;
  }
  code += "__o += " + JSON.stringify(src.slice(cursor)) + ";\nreturn __o;";
  const fn = new Function(localsName, "__esc", (strict ? '"use strict";\n' : "") + code);
  return (data) => fn(data || {}, escapeHtml);
}

const cache = new Map();
function render(src, data, opts) {
  let fn = cache.get(src);
  if (!fn) { fn = compile(src, opts); if (cache.size > 500) cache.clear(); cache.set(src, fn); }
  return fn(data);
}

module.exports = { compile, render, escapeHtml };

// Partials and layouts on top of compile().
function createEnv({ partials = {}, filters = {} } = {}) {
  const compiled = {};
  const env = {
    partial(name, data) {
      if (!partials[name]) throw new Error(`unknown partial: ${name}`);
      compiled[name] = compiled[name] || compile(partials[name]);
      return compiled[name](Object.assign({}, data, { include: env.partial, f: filters }));
    },
    render(src, data) { return render(src, Object.assign({}, data, { include: env.partial, f: filters })); },
    layout(layoutSrc, bodySrc, data) { const body = env.render(bodySrc, data); return env.render(layoutSrc, Object.assign({}, data, { body })); }
  };
  return env;
}

const builtinFilters = {
  upper: (s) => String(s).toUpperCase(),
  lower: (s) => String(s).toLowerCase(),
  truncate: (s, n = 80) => (String(s).length > n ? String(s).slice(0, n - 1) + "…" : String(s)),
  date: (d, locale = "en-GB") => new Date(d).toLocaleDateString(locale),
  json: (v) => JSON.stringify(v)
};

module.exports.createEnv = createEnv;
module.exports.builtinFilters = builtinFilters;
