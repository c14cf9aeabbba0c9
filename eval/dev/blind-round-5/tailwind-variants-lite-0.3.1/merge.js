"use strict";
function twMerge(...classLists) {
  const seen = new Map();
  for (const list of classLists) for (const c of String(list || "").split(/\s+/).filter(Boolean)) { const key = c.replace(/-[^-]+$/, ""); seen.delete(key); seen.set(key, c); }
  return [...seen.values()].join(" ");
}
module.exports = { twMerge };
