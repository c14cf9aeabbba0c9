exports.flatten = function flatten(a) { return a.reduce((r, x) => r.concat(Array.isArray(x) ? flatten(x) : x), []); };
exports.uniq = a => Array.from(new Set(a));
