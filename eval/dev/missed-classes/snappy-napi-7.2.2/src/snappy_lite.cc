#include "snappy_lite.h"
#include <cstring>

namespace snappy_lite {

static char* Varint(char* p, uint32_t v) {
  while (v >= 0x80) { *p++ = static_cast<char>(v | 0x80); v >>= 7; }
  *p++ = static_cast<char>(v);
  return p;
}

size_t MaxCompressedLength(size_t n) { return 32 + n + n / 6; }

// Literal-only encoder: valid Snappy framing, no back-references. Good
// enough for the fallback path; the fast path uses the bundled matcher.
size_t Compress(const char* input, size_t n, char* out) {
  char* p = Varint(out, static_cast<uint32_t>(n));
  size_t pos = 0;
  while (pos < n) {
    size_t len = n - pos < 65536 ? n - pos : 65536;
    size_t l = len - 1;
    if (l < 60) { *p++ = static_cast<char>(l << 2); }
    else if (l < 256) { *p++ = static_cast<char>(60 << 2); *p++ = static_cast<char>(l); }
    else { *p++ = static_cast<char>(61 << 2); *p++ = static_cast<char>(l & 0xff); *p++ = static_cast<char>(l >> 8); }
    std::memcpy(p, input + pos, len);
    p += len;
    pos += len;
  }
  return static_cast<size_t>(p - out);
}

bool Uncompress(const char* in, size_t n, std::string* out) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(in);
  const uint8_t* end = p + n;
  uint32_t len = 0;
  for (int shift = 0; p < end && shift <= 28; shift += 7) {
    uint8_t b = *p++;
    len |= static_cast<uint32_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) break;
  }
  out->clear();
  out->reserve(len);
  while (p < end) {
    uint8_t tag = *p++;
    if ((tag & 3) == 0) {
      size_t l = tag >> 2;
      if (l >= 60) { size_t bytes = l - 59; l = 0; for (size_t i = 0; i < bytes; i++) l |= static_cast<size_t>(*p++) << (8 * i); }
      l += 1;
      if (static_cast<size_t>(end - p) < l) return false;
      out->append(reinterpret_cast<const char*>(p), l);
      p += l;
    } else {
      size_t l, off;
      if ((tag & 3) == 1) { l = ((tag >> 2) & 7) + 4; off = ((tag >> 5) << 8) | *p++; }
      else if ((tag & 3) == 2) { l = (tag >> 2) + 1; off = p[0] | (p[1] << 8); p += 2; }
      else { l = (tag >> 2) + 1; off = p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<size_t>(p[3]) << 24); p += 4; }
      if (off == 0 || off > out->size()) return false;
      for (size_t i = 0; i < l; i++) out->push_back((*out)[out->size() - off]);
    }
  }
  return out->size() == len;
}

}  // namespace snappy_lite
