"use strict";
class WordArray {
  constructor(words = [], sigBytes) { this.words = words; this.sigBytes = sigBytes === undefined ? words.length * 4 : sigBytes; }
  static fromBuffer(buf) {
    const words = [];
    for (let i = 0; i < buf.length; i++) words[i >>> 2] |= buf[i] << (24 - (i % 4) * 8);
    return new WordArray(words, buf.length);
  }
  toBuffer() {
    const out = Buffer.alloc(this.sigBytes);
    for (let i = 0; i < this.sigBytes; i++) out[i] = (this.words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
    return out;
  }
  concat(other) { return WordArray.fromBuffer(Buffer.concat([this.toBuffer(), other.toBuffer()])); }
  clone() { return new WordArray(this.words.slice(), this.sigBytes); }
  toString(encoder) { return encoder ? encoder.stringify(this) : this.toBuffer().toString("hex"); }
}
module.exports = { WordArray };
