#include <napi.h>
#include "xxhash.h"

static Napi::Value Hash32(const Napi::CallbackInfo& info) {
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  uint32_t seed = info.Length() > 1 ? info[1].As<Napi::Number>().Uint32Value() : 0;
  return Napi::Number::New(info.Env(), XXH32(buf.Data(), buf.Length(), seed));
}

static Napi::Value Hash64(const Napi::CallbackInfo& info) {
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  uint64_t seed = info.Length() > 1 ? info[1].As<Napi::BigInt>().Uint64Value(nullptr) : 0;
  return Napi::BigInt::New(info.Env(), static_cast<uint64_t>(XXH64(buf.Data(), buf.Length(), seed)));
}

static Napi::Value Hash3(const Napi::CallbackInfo& info) {
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  return Napi::BigInt::New(info.Env(), static_cast<uint64_t>(XXH3_64bits(buf.Data(), buf.Length())));
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("xxh32", Napi::Function::New(env, Hash32));
  exports.Set("xxh64", Napi::Function::New(env, Hash64));
  exports.Set("xxh3", Napi::Function::New(env, Hash3));
  return exports;
}

NODE_API_MODULE(xxhash, Init)
