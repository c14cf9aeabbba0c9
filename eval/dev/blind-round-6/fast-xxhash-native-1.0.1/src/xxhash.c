#include <node_api.h>
#include <stdint.h>
#define P1 2654435761U
#define P2 2246822519U
#define P3 3266489917U
#define P4 668265263U
#define P5 374761393U
static uint32_t rotl(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }
static uint32_t xxh32(const uint8_t* p, size_t len, uint32_t seed) {
  uint32_t h = seed + P5 + (uint32_t)len; size_t i = 0;
  for (; i + 4 <= len; i += 4) { uint32_t k = p[i] | p[i+1] << 8 | p[i+2] << 16 | (uint32_t)p[i+3] << 24; h = rotl(h + k * P3, 17) * P4; }
  for (; i < len; i++) h = rotl(h + p[i] * P5, 11) * P1;
  h ^= h >> 15; h *= P2; h ^= h >> 13; h *= P3; h ^= h >> 16; return h;
}
static napi_value Hash(napi_env env, napi_callback_info info) {
  size_t argc = 2; napi_value a[2]; napi_get_cb_info(env, info, &argc, a, NULL, NULL);
  void* d; size_t n; napi_get_buffer_info(env, a[0], &d, &n); uint32_t seed = 0; if (argc > 1) napi_get_value_uint32(env, a[1], &seed);
  napi_value r; napi_create_uint32(env, xxh32(d, n, seed), &r); return r;
}
static napi_value Init(napi_env env, napi_value exports) { napi_value f; napi_create_function(env, "hash", NAPI_AUTO_LENGTH, Hash, NULL, &f); napi_set_named_property(env, exports, "hash", f); return exports; }
NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
