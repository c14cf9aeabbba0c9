"use strict";
const icons = require("./icons.json");
function Icon({ name, size = 24, color = "currentColor", title }) {
  const d = icons[name];
  if (!d) throw new Error("Unknown icon: " + name);
  return { type: "svg", props: { width: size, height: size, viewBox: "0 0 24 24", fill: color, role: "img", "aria-label": title || name, children: [{ type: "path", props: { d } }] } };
}
module.exports = { Icon, icons, names: Object.keys(icons) };
