const styles = { reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], inverse: [7, 27] };
const colors = { black: 30, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90 };
const enabled = typeof process !== "undefined" && !!(process.stdout && process.stdout.isTTY) && !("NO_COLOR" in process.env);
const wrap = (o, c, s) => (enabled ? `\u001b[${o}m${s}\u001b[${c}m` : s);
function build(stack) {
  const fn = (s) => stack.reduce((acc, [o, c]) => wrap(o, c, acc), String(s));
  for (const [k, v] of Object.entries(styles)) Object.defineProperty(fn, k, { get: () => build([...stack, v]) });
  for (const [k, v] of Object.entries(colors)) {
    Object.defineProperty(fn, k, { get: () => build([...stack, [v, 39]]) });
    Object.defineProperty(fn, "bg" + k[0].toUpperCase() + k.slice(1), { get: () => build([...stack, [v + 10, 49]]) });
  }
  return fn;
}
const tint = build([]);
tint.strip = (s) => String(s).replace(/\u001b\[[0-9;]*m/g, "");
export default tint;

export function supportsColor(stream = typeof process !== "undefined" ? process.stdout : null, env = typeof process !== "undefined" ? process.env : {}) {
  if ("FORCE_COLOR" in env) return env.FORCE_COLOR === "0" ? 0 : Math.min(3, parseInt(env.FORCE_COLOR, 10) || 1);
  if ("NO_COLOR" in env || !stream || !stream.isTTY) return 0;
  if (env.COLORTERM === "truecolor" || env.COLORTERM === "24bit") return 3;
  if (/-256(color)?$/i.test(env.TERM || "")) return 2;
  if (env.CI && ["GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE"].some((k) => k in env)) return 1;
  return env.TERM === "dumb" ? 0 : 1;
}

export function hexToRgb(hex) {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) return [0, 0, 0];
  let h = m[1]; if (h.length === 3) h = [...h].map((c) => c + c).join("");
  const n = parseInt(h, 16); return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function rgbToAnsi256(r, g, b) {
  if (r === g && g === b) return r < 8 ? 16 : r > 248 ? 231 : Math.round(((r - 8) / 247) * 24) + 232;
  return 16 + 36 * Math.round((r / 255) * 5) + 6 * Math.round((g / 255) * 5) + Math.round((b / 255) * 5);
}

export const hex = (h) => {
  const [r, g, b] = hexToRgb(h);
  return (s) => (enabled ? `\u001b[38;2;${r};${g};${b}m${s}\u001b[39m` : String(s));
};

// tagged template: tint`{red error} in {bold file.js}`
export function tpl(strings, ...values) {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? values[i] : ""), "");
  return raw.replace(/\{(\w+(?:\.\w+)*) ([^}]*)\}/g, (_, chain, text) => chain.split(".").reduce((fn, k) => (fn && fn[k]) || fn, tint)(text));
}
