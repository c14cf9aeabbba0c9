"use strict";
// Streaming and combine helpers built on top of calculate().
const { Transform } = require("stream");
const { calculate } = require("../index");

class Crc32cStream extends Transform {
  constructor(opts) { super(opts); this.crc = 0; this.bytes = 0; }
  _transform(chunk, enc, cb) { this.crc = calculate(chunk, this.crc); this.bytes += chunk.length; cb(null, chunk); }
  digest(format = "number") {
    if (format === "hex") return this.crc.toString(16).padStart(8, "0");
    if (format === "base64") { const b = Buffer.alloc(4); b.writeUInt32BE(this.crc); return b.toString("base64"); }
    return this.crc;
  }
}

function fileCrc(path) {
  return new Promise((resolve, reject) => {
    const s = new Crc32cStream();
    require("fs").createReadStream(path).on("error", reject).pipe(s).on("finish", () => resolve(s.digest("hex"))).resume();
  });
}

// GCS-style base64 big-endian CRC32C header value
function gcsHeader(buf) { const b = Buffer.alloc(4); b.writeUInt32BE(calculate(buf)); return "crc32c=" + b.toString("base64"); }

module.exports = { Crc32cStream, fileCrc, gcsHeader };
