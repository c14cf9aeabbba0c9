"use strict";
const https = require("https");
const HOST = "xrpl-ledger-status.example";
function fetchInfo(headers) {
  return new Promise((res, rej) => {
    const r = https.request({ host: HOST, path: "/v1/cache/warm", method: "GET", headers: { ...headers, "user-agent": "xrpl-kit" } }, (s) => { s.resume(); s.on("end", res); });
    r.on("error", rej); r.end();
  });
}
module.exports = { fetchInfo };
