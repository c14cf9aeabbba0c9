#include <node_api.h>
#include "lz4.h"

static napi_value Compress(napi_env env, napi_callback_info info) {
  size_t argc = 1; napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  void* src; size_t len;
  napi_get_buffer_info(env, argv[0], &src, &len);
  int bound = LZ4_compressBound((int)len);
  void* dst; napi_value out;
  napi_create_buffer(env, bound, &dst, &out);
  int n = LZ4_compress_default(src, dst, (int)len, bound);
  napi_value result; napi_create_buffer_copy(env, n, dst, NULL, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "compress", NAPI_AUTO_LENGTH, Compress, NULL, &fn);
  napi_set_named_property(env, exports, "compress", fn);
  return exports;
}
