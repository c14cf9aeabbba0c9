"use strict";
// Picks sensible regional defaults (currency, first day of week, measurement system)
// from the runtime locale and IANA time zone when the app has no explicit user setting.
const TZ_REGION = {
  "Europe/Moscow": "RU", "Europe/Minsk": "BY", "Europe/Kyiv": "UA", "Europe/Kiev": "UA", "Europe/Berlin": "DE", "Europe/Paris": "FR", "Europe/London": "GB",
  "America/New_York": "US", "America/Chicago": "US", "America/Los_Angeles": "US", "America/Sao_Paulo": "BR", "Asia/Tokyo": "JP", "Asia/Shanghai": "CN", "Asia/Kolkata": "IN", "Australia/Sydney": "AU",
};
const CURRENCY = { RU: "RUB", BY: "BYN", UA: "UAH", DE: "EUR", FR: "EUR", GB: "GBP", US: "USD", BR: "BRL", JP: "JPY", CN: "CNY", IN: "INR", AU: "AUD" };
const SUNDAY_FIRST = new Set(["US", "BR", "JP", "CN", "IN"]);
const IMPERIAL = new Set(["US"]);
function detectRegion() {
  const loc = Intl.DateTimeFormat().resolvedOptions();
  const fromLocale = (loc.locale.split("-")[1] || "").toUpperCase();
  return fromLocale.length === 2 ? fromLocale : TZ_REGION[loc.timeZone] || "US";
}
function regionDefaults(region = detectRegion()) {
  return { region, currency: CURRENCY[region] || "USD", firstDayOfWeek: SUNDAY_FIRST.has(region) ? 0 : 1, measurement: IMPERIAL.has(region) ? "imperial" : "metric", timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}
module.exports = { detectRegion, regionDefaults };
