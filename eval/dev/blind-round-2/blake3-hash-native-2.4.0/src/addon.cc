#include <napi.h>
extern "C" {
#include "blake3.h"
}

static Napi::Value Hash(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto input = info[0].As<Napi::Buffer<uint8_t>>();
  size_t len = info[1].As<Napi::Number>().Uint32Value();
  blake3_hasher hasher;
  blake3_hasher_init(&hasher);
  blake3_hasher_update(&hasher, input.Data(), input.Length());
  auto out = Napi::Buffer<uint8_t>::New(env, len);
  blake3_hasher_finalize(&hasher, out.Data(), len);
  return out;
}

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("hash", Napi::Function::New(env, Hash));
  return exports;
}
NODE_API_MODULE(blake3, Init)
