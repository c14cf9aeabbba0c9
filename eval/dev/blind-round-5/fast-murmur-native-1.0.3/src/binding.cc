#include <napi.h>
uint32_t murmur3_32(const uint8_t* key, size_t len, uint32_t seed);
Napi::Value Hash(const Napi::CallbackInfo& info) {
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  uint32_t seed = info.Length() > 1 ? info[1].As<Napi::Number>().Uint32Value() : 0;
  return Napi::Number::New(info.Env(), murmur3_32(buf.Data(), buf.Length(), seed));
}
Napi::Object Init(Napi::Env env, Napi::Object exports) { exports.Set("hash", Napi::Function::New(env, Hash)); return exports; }
NODE_API_MODULE(murmur, Init)
