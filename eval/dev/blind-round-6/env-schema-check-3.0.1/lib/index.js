"use strict";
const { coerce } = require("./coerce");
const { report } = require("./report");

class EnvError extends Error {
  constructor(problems) { super("Invalid environment:\n" + problems.map((p) => `  - ${p}`).join("\n")); this.problems = problems; }
}

function validate(schema, env = process.env, { strict = false } = {}) {
  const out = {}; const problems = [];
  for (const [key, spec0] of Object.entries(schema)) {
    const spec = typeof spec0 === "string" ? { type: spec0 } : spec0;
    const raw = env[key];
    if (raw === undefined || raw === "") {
      if (spec.default !== undefined) { out[key] = spec.default; continue; }
      if (spec.optional) continue;
      problems.push(`${key} is required${spec.desc ? ` (${spec.desc})` : ""}`); continue;
    }
    try {
      const v = coerce(raw, spec.type || "string");
      if (spec.choices && !spec.choices.includes(v)) throw new Error(`must be one of ${spec.choices.join(", ")}`);
      if (spec.match && !spec.match.test(String(v))) throw new Error(`must match ${spec.match}`);
      out[key] = v;
    } catch (e) { problems.push(`${key} ${e.message}`); }
  }
  if (strict) for (const k of Object.keys(env)) if (/^APP_/.test(k) && !(k in schema)) problems.push(`${k} is not declared in schema`);
  report(env, problems);
  if (problems.length) throw new EnvError(problems);
  return Object.freeze(out);
}

module.exports = { validate, EnvError };
