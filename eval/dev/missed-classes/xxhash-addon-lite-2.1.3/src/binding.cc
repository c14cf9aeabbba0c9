#include <node_api.h>
#include <stdint.h>
#include <string.h>

extern "C" uint64_t xxh64_dispatch(const void* input, size_t len, uint64_t seed);

static napi_value Hash64(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value args[2];
  napi_get_cb_info(env, info, &argc, args, nullptr, nullptr);
  void* data = nullptr;
  size_t len = 0;
  napi_get_buffer_info(env, args[0], &data, &len);
  uint64_t seed = 0;
  if (argc > 1) {
    bool lossless = true;
    napi_get_value_bigint_uint64(env, args[1], &seed, &lossless);
  }
  uint64_t h = xxh64_dispatch(data, len, seed);
  napi_value out;
  napi_create_bigint_uint64(env, h, &out);
  return out;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "hash64", NAPI_AUTO_LENGTH, Hash64, nullptr, &fn);
  napi_set_named_property(env, exports, "hash64", fn);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
