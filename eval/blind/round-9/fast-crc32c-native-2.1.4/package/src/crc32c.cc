#include <napi.h>
#include <nmmintrin.h>
static Napi::Value Calculate(const Napi::CallbackInfo& info) {
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  uint32_t crc = info.Length() > 1 ? info[1].As<Napi::Number>().Uint32Value() : 0;
  crc = ~crc; for (size_t i = 0; i < buf.Length(); i++) crc = _mm_crc32_u8(crc, buf[i]);
  return Napi::Number::New(info.Env(), ~crc);
}
static Napi::Object Init(Napi::Env env, Napi::Object exports) { exports.Set("calculate", Napi::Function::New(env, Calculate)); return exports; }
NODE_API_MODULE(crc32c, Init)
