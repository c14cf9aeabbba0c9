#include <napi.h>
#include <nmmintrin.h>
static Napi::Value Calc(const Napi::CallbackInfo& info) {
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  uint32_t crc = ~info[1].As<Napi::Number>().Uint32Value();
  for (size_t i = 0; i < buf.Length(); i++) crc = _mm_crc32_u8(crc, buf.Data()[i]);
  return Napi::Number::New(info.Env(), ~crc);
}
static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("calculate", Napi::Function::New(env, Calc));
  return exports;
}
NODE_API_MODULE(crc32c, Init)
