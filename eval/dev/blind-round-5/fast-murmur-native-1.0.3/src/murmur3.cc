#include <cstdint>
#include <cstring>
static inline uint32_t rotl32(uint32_t x, int8_t r) { return (x << r) | (x >> (32 - r)); }
uint32_t murmur3_32(const uint8_t* key, size_t len, uint32_t seed) {
  uint32_t h = seed; const uint32_t c1 = 0xcc9e2d51, c2 = 0x1b873593;
  size_t i = 0;
  for (; i + 4 <= len; i += 4) { uint32_t k; memcpy(&k, key + i, 4); k *= c1; k = rotl32(k, 15); k *= c2; h ^= k; h = rotl32(h, 13); h = h * 5 + 0xe6546b64; }
  uint32_t k = 0;
  switch (len & 3) { case 3: k ^= key[i + 2] << 16; case 2: k ^= key[i + 1] << 8; case 1: k ^= key[i]; k *= c1; k = rotl32(k, 15); k *= c2; h ^= k; }
  h ^= len; h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16;
  return h;
}
