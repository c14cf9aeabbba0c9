#include <napi.h>
#include "vec_config.h"

static Napi::Value Version(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), SQLITE_VEC_VERSION);
}

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("version", Napi::String::New(env, SQLITE_VEC_VERSION));
  exports.Set("path", Napi::String::New(env, ""));
  exports.Set("getVersion", Napi::Function::New(env, Version));
  return exports;
}

NODE_API_MODULE(sqlite_vec, Init)
