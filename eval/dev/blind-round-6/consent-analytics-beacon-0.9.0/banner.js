"use strict";
// Minimal, accessible consent banner that drives setConsent().
const { setConsent, hasConsent } = require("./index");

function showBanner({ text = "We use privacy-friendly analytics to improve this site.", policyUrl = "/privacy", onChange } = {}) {
  try { if (localStorage.getItem("cab-consent")) return null; } catch (_) { return null; }
  const el = document.createElement("div");
  el.setAttribute("role", "dialog"); el.setAttribute("aria-live", "polite"); el.setAttribute("aria-label", "Analytics consent");
  el.style.cssText = "position:fixed;left:16px;right:16px;bottom:16px;max-width:560px;margin:auto;padding:14px 16px;background:#fff;border:1px solid #ddd;border-radius:10px;box-shadow:0 4px 16px #0002;font:14px system-ui;z-index:9999";
  const p = document.createElement("p"); p.style.margin = "0 0 10px";
  p.append(text + " "); const a = document.createElement("a"); a.href = policyUrl; a.textContent = "Privacy policy"; p.append(a);
  const yes = document.createElement("button"); yes.textContent = "Allow";
  const no = document.createElement("button"); no.textContent = "Decline"; no.style.marginLeft = "8px";
  const close = (granted) => { setConsent(granted); el.remove(); if (onChange) onChange(hasConsent()); };
  yes.onclick = () => close(true); no.onclick = () => close(false);
  el.append(p, yes, no); document.body.appendChild(el); yes.focus();
  return el;
}

module.exports = { showBanner };
