#include "xxhash.h"
#include <string.h>

#define PRIME32_1 0x9E3779B1U
#define PRIME32_2 0x85EBCA77U
#define PRIME32_3 0xC2B2AE3DU
#define PRIME32_4 0x27D4EB2FU
#define PRIME32_5 0x165667B1U
#define PRIME64_1 0x9E3779B185EBCA87ULL
#define PRIME64_2 0xC2B2AE3D27D4EB4FULL
#define PRIME64_3 0x165667B19E3779F9ULL
#define PRIME64_4 0x85EBCA77C2B2AE63ULL
#define PRIME64_5 0x27D4EB2F165667C5ULL

static uint32_t rotl32(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }
static uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static uint32_t read32(const uint8_t* p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t read64(const uint8_t* p) { uint64_t v; memcpy(&v, p, 8); return v; }

static uint32_t round32(uint32_t acc, uint32_t input) { acc += input * PRIME32_2; acc = rotl32(acc, 13); return acc * PRIME32_1; }
static uint64_t round64(uint64_t acc, uint64_t input) { acc += input * PRIME64_2; acc = rotl64(acc, 31); return acc * PRIME64_1; }
static uint64_t merge64(uint64_t acc, uint64_t val) { val = round64(0, val); acc ^= val; return acc * PRIME64_1 + PRIME64_4; }

uint32_t XXH32(const void* input, size_t len, uint32_t seed) {
  const uint8_t* p = (const uint8_t*)input; const uint8_t* end = p + len; uint32_t h;
  if (len >= 16) {
    uint32_t v1 = seed + PRIME32_1 + PRIME32_2, v2 = seed + PRIME32_2, v3 = seed, v4 = seed - PRIME32_1;
    do { v1 = round32(v1, read32(p)); v2 = round32(v2, read32(p + 4)); v3 = round32(v3, read32(p + 8)); v4 = round32(v4, read32(p + 12)); p += 16; } while (p <= end - 16);
    h = rotl32(v1, 1) + rotl32(v2, 7) + rotl32(v3, 12) + rotl32(v4, 18);
  } else h = seed + PRIME32_5;
  h += (uint32_t)len;
  while (p + 4 <= end) { h += read32(p) * PRIME32_3; h = rotl32(h, 17) * PRIME32_4; p += 4; }
  while (p < end) { h += (*p) * PRIME32_5; h = rotl32(h, 11) * PRIME32_1; p++; }
  h ^= h >> 15; h *= PRIME32_2; h ^= h >> 13; h *= PRIME32_3; h ^= h >> 16;
  return h;
}

uint64_t XXH64(const void* input, size_t len, uint64_t seed) {
  const uint8_t* p = (const uint8_t*)input; const uint8_t* end = p + len; uint64_t h;
  if (len >= 32) {
    uint64_t v1 = seed + PRIME64_1 + PRIME64_2, v2 = seed + PRIME64_2, v3 = seed, v4 = seed - PRIME64_1;
    do { v1 = round64(v1, read64(p)); v2 = round64(v2, read64(p + 8)); v3 = round64(v3, read64(p + 16)); v4 = round64(v4, read64(p + 24)); p += 32; } while (p <= end - 32);
    h = rotl64(v1, 1) + rotl64(v2, 7) + rotl64(v3, 12) + rotl64(v4, 18);
    h = merge64(h, v1); h = merge64(h, v2); h = merge64(h, v3); h = merge64(h, v4);
  } else h = seed + PRIME64_5;
  h += (uint64_t)len;
  while (p + 8 <= end) { h ^= round64(0, read64(p)); h = rotl64(h, 27) * PRIME64_1 + PRIME64_4; p += 8; }
  if (p + 4 <= end) { h ^= (uint64_t)read32(p) * PRIME64_1; h = rotl64(h, 23) * PRIME64_2 + PRIME64_3; p += 4; }
  while (p < end) { h ^= (*p) * PRIME64_5; h = rotl64(h, 11) * PRIME64_1; p++; }
  h ^= h >> 33; h *= PRIME64_2; h ^= h >> 29; h *= PRIME64_3; h ^= h >> 32;
  return h;
}

uint64_t XXH3_64bits(const void* input, size_t len) { return XXH64(input, len, PRIME64_3); }
