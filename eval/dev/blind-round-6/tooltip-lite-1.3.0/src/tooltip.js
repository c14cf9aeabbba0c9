"use strict";
const { watch } = require("./env");

const DEFAULTS = { placement: "top", offset: 8, delay: 120, className: "tt-lite" };

function place(tip, target, placement, offset) {
  const r = target.getBoundingClientRect(); const t = tip.getBoundingClientRect();
  const pos = {
    top: [r.top - t.height - offset, r.left + (r.width - t.width) / 2],
    bottom: [r.bottom + offset, r.left + (r.width - t.width) / 2],
    left: [r.top + (r.height - t.height) / 2, r.left - t.width - offset],
    right: [r.top + (r.height - t.height) / 2, r.right + offset]
  };
  let [top, left] = pos[placement] || pos.top;
  if (top < 0 && placement === "top") [top, left] = pos.bottom;
  left = Math.max(4, Math.min(left, window.innerWidth - t.width - 4));
  tip.style.top = top + window.scrollY + "px"; tip.style.left = left + window.scrollX + "px";
}

let uid = 0;
function tooltip(target, text, opts = {}) {
  const o = Object.assign({}, DEFAULTS, opts);
  const tip = document.createElement("div");
  tip.className = o.className; tip.role = "tooltip"; tip.id = "tt-lite-" + ++uid; tip.textContent = text;
  tip.style.cssText = "position:absolute;pointer-events:none;opacity:0;transition:opacity .12s";
  target.setAttribute("aria-describedby", tip.id);
  let timer;
  const show = () => { timer = setTimeout(() => { document.body.appendChild(tip); place(tip, target, o.placement, o.offset); tip.style.opacity = "1"; }, o.delay); };
  const hide = () => { clearTimeout(timer); tip.style.opacity = "0"; tip.remove(); };
  target.addEventListener("mouseenter", show); target.addEventListener("focus", show);
  target.addEventListener("mouseleave", hide); target.addEventListener("blur", hide);
  document.addEventListener("keydown", (e) => e.key === "Escape" && hide());
  watch();
  return { destroy() { hide(); target.removeEventListener("mouseenter", show); target.removeEventListener("mouseleave", hide); }, update(t) { tip.textContent = t; } };
}

module.exports = { tooltip, place };
