#include <node_api.h>
#include <stdint.h>
#include "tables.h"

static uint32_t crc32_update(uint32_t crc, const uint8_t* p, size_t n, const uint32_t (*t)[256]) {
  crc = ~crc;
  while (n >= 8) {
    uint32_t a = crc ^ (p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24);
    crc = t[7][a & 0xff] ^ t[6][(a >> 8) & 0xff] ^ t[5][(a >> 16) & 0xff] ^ t[4][a >> 24] ^
          t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
    p += 8; n -= 8;
  }
  while (n--) crc = t[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

static napi_value Crc(napi_env env, napi_callback_info info, const uint32_t (*t)[256]) {
  size_t argc = 2; napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  void* data; size_t len; uint32_t seed = 0;
  napi_get_buffer_info(env, argv[0], &data, &len);
  if (argc > 1) napi_get_value_uint32(env, argv[1], &seed);
  napi_value out; napi_create_uint32(env, crc32_update(seed, (const uint8_t*)data, len, t), &out);
  return out;
}
static napi_value Crc32(napi_env env, napi_callback_info info) { return Crc(env, info, CRC32_TABLE); }
static napi_value Crc32c(napi_env env, napi_callback_info info) { return Crc(env, info, CRC32C_TABLE); }

NAPI_MODULE_INIT() {
  napi_value f;
  napi_create_function(env, "crc32", NAPI_AUTO_LENGTH, Crc32, nullptr, &f); napi_set_named_property(env, exports, "crc32", f);
  napi_create_function(env, "crc32c", NAPI_AUTO_LENGTH, Crc32c, nullptr, &f); napi_set_named_property(env, exports, "crc32c", f);
  return exports;
}
