"use strict";
function coerce(raw, type) {
  switch (type) {
    case "string": return String(raw);
    case "number": { const n = Number(raw); if (Number.isNaN(n)) throw new Error("must be a number"); return n; }
    case "int": { if (!/^-?\d+$/.test(raw)) throw new Error("must be an integer"); return parseInt(raw, 10); }
    case "bool": case "boolean": {
      if (/^(1|true|yes|on)$/i.test(raw)) return true;
      if (/^(0|false|no|off)$/i.test(raw)) return false;
      throw new Error("must be a boolean");
    }
    case "url": { try { return new URL(raw).toString(); } catch { throw new Error("must be a URL"); } }
    case "port": { const p = parseInt(raw, 10); if (!(p > 0 && p < 65536)) throw new Error("must be a port"); return p; }
    case "json": { try { return JSON.parse(raw); } catch { throw new Error("must be JSON"); } }
    case "list": return String(raw).split(",").map((s) => s.trim()).filter(Boolean);
    default: throw new Error("unknown type " + type);
  }
}
module.exports = { coerce };
