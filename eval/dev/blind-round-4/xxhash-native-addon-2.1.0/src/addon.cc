#include <napi.h>
#include <cstdint>
#include <cstring>
static const uint64_t P1 = 0x9E3779B185EBCA87ULL, P2 = 0xC2B2AE3D27D4EB4FULL, P5 = 0x27D4EB2F165667C5ULL;
static inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static uint64_t tiny_xxh64(const uint8_t* p, size_t n, uint64_t seed) {
  uint64_t h = seed + P5 + n;
  while (n >= 8) { uint64_t k; std::memcpy(&k, p, 8); k *= P2; k = rotl(k, 31); k *= P1; h ^= k; h = rotl(h, 27) * P1 + 0x85EBCA77C2B2AE63ULL; p += 8; n -= 8; }
  while (n--) { h ^= (*p++) * P5; h = rotl(h, 11) * P1; }
  h ^= h >> 33; h *= P2; h ^= h >> 29; h *= 0x165667B19E3779F9ULL; h ^= h >> 32;
  return h;
}
Napi::Value Hash64(const Napi::CallbackInfo& info) {
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  uint64_t seed = info.Length() > 1 ? info[1].As<Napi::BigInt>().Uint64Value(nullptr) : 0;
  return Napi::BigInt::New(info.Env(), tiny_xxh64(buf.Data(), buf.Length(), seed));
}
Napi::Object Init(Napi::Env env, Napi::Object exports) { exports.Set("hash64", Napi::Function::New(env, Hash64)); return exports; }
NODE_API_MODULE(xxhash, Init)
