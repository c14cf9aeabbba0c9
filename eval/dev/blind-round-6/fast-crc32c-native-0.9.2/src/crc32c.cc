#include <node_api.h>
#include <stdint.h>
#include <string.h>
static uint32_t table[256];
static void init() { for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0x82F63B78 ^ (c >> 1) : c >> 1; table[i] = c; } }
static napi_value Calc(napi_env env, napi_callback_info info) {
  size_t argc = 2; napi_value args[2]; napi_get_cb_info(env, info, &argc, args, NULL, NULL);
  void* data; size_t len; napi_get_buffer_info(env, args[0], &data, &len);
  uint32_t crc = 0; if (argc > 1) napi_get_value_uint32(env, args[1], &crc);
  crc = ~crc; const uint8_t* p = (const uint8_t*)data;
  for (size_t i = 0; i < len; i++) crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
  napi_value out; napi_create_uint32(env, ~crc, &out); return out;
}
static napi_value Init(napi_env env, napi_value exports) { init(); napi_value fn; napi_create_function(env, "calculate", NAPI_AUTO_LENGTH, Calc, NULL, &fn); napi_set_named_property(env, exports, "calculate", fn); return exports; }
NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
