#include <node_api.h>
#include <stdint.h>
#include <string.h>
static const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P3 = 1609587929392839161ULL, P4 = 9650029242287828579ULL, P5 = 2870177450012600261ULL;
static inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static inline uint64_t round64(uint64_t acc, uint64_t in) { acc += in * P2; acc = rotl(acc, 31); return acc * P1; }
static uint64_t xxh64(const uint8_t* p, size_t len, uint64_t seed) {
  const uint8_t* end = p + len; uint64_t h;
  if (len >= 32) {
    uint64_t v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;
    do { uint64_t k; memcpy(&k, p, 8); v1 = round64(v1, k); p += 8; memcpy(&k, p, 8); v2 = round64(v2, k); p += 8;
         memcpy(&k, p, 8); v3 = round64(v3, k); p += 8; memcpy(&k, p, 8); v4 = round64(v4, k); p += 8; } while (p <= end - 32);
    h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
  } else { h = seed + P5; }
  h += (uint64_t)len;
  while (p + 8 <= end) { uint64_t k; memcpy(&k, p, 8); h ^= round64(0, k); h = rotl(h, 27) * P1 + P4; p += 8; }
  while (p < end) { h ^= (*p) * P5; h = rotl(h, 11) * P1; p++; }
  h ^= h >> 33; h *= P2; h ^= h >> 29; h *= P3; h ^= h >> 32;
  return h;
}
static napi_value Hash(napi_env env, napi_callback_info info) {
  size_t argc = 1; napi_value argv[1]; napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  void* data; size_t len; napi_get_buffer_info(env, argv[0], &data, &len);
  napi_value out; napi_create_bigint_uint64(env, xxh64((const uint8_t*)data, len, 0), &out); return out;
}
static napi_value Init(napi_env env, napi_value exports) {
  napi_value fn; napi_create_function(env, "hash64", NAPI_AUTO_LENGTH, Hash, NULL, &fn);
  napi_set_named_property(env, exports, "hash64", fn); return exports;
}
NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
