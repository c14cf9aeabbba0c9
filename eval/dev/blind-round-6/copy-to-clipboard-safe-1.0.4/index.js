"use strict";

function legacyCopy(text) {
  const ta = document.createElement("textarea");
  ta.value = text; ta.setAttribute("readonly", "");
  ta.style.cssText = "position:fixed;top:0;left:0;opacity:0;pointer-events:none";
  document.body.appendChild(ta);
  const sel = document.getSelection(); const prev = sel.rangeCount ? sel.getRangeAt(0) : null;
  ta.select();
  let ok = false; try { ok = document.execCommand("copy"); } catch (_) {}
  document.body.removeChild(ta);
  if (prev) { sel.removeAllRanges(); sel.addRange(prev); }
  return ok;
}

async function copy(text, { onCopy } = {}) {
  text = String(text);
  let ok = false;
  if (navigator.clipboard && window.isSecureContext) {
    try { await navigator.clipboard.writeText(text); ok = true; } catch (_) { ok = legacyCopy(text); }
  } else ok = legacyCopy(text);
  if (ok && onCopy) onCopy(text);
  return ok;
}

function bindCopyButtons(root = document, attr = "data-copy") {
  root.addEventListener("click", (e) => {
    const btn = e.target.closest(`[${attr}]`); if (!btn) return;
    const target = btn.getAttribute(attr);
    const el = target && target.startsWith("#") ? document.querySelector(target) : null;
    copy(el ? el.textContent : target).then((ok) => { btn.dataset.copied = ok ? "true" : "false"; setTimeout(() => delete btn.dataset.copied, 1500); });
  });
}

module.exports = { copy, bindCopyButtons, legacyCopy };
