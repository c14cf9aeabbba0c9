#include <napi.h>
#include <cstdint>
#include <cstring>

static uint32_t DecodeFixed32(const char* ptr) {
  uint32_t r;
  std::memcpy(&r, ptr, sizeof(r));
  return r;
}

uint32_t Hash(const char* data, size_t n, uint32_t seed) {
  const uint32_t m = 0xc6a4a793;
  const uint32_t r = 24;
  const char* limit = data + n;
  uint32_t h = seed ^ (n * m);
  while (data + 4 <= limit) {
    uint32_t w = DecodeFixed32(data);
    data += 4;
    h += w;
    h *= m;
    h ^= (h >> 16);
  }
  switch (limit - data) {
    case 3: h += static_cast<uint8_t>(data[2]) << 16;  // fallthrough
    case 2: h += static_cast<uint8_t>(data[1]) << 8;   // fallthrough
    case 1: h += static_cast<uint8_t>(data[0]); h *= m; h ^= (h >> r); break;
  }
  return h;
}

Napi::Value HashJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsBuffer()) {
    Napi::TypeError::New(env, "expected a Buffer").ThrowAsJavaScriptException();
    return env.Null();
  }
  auto buf = info[0].As<Napi::Buffer<char>>();
  uint32_t seed = info.Length() > 1 ? info[1].As<Napi::Number>().Uint32Value() : 0xbc9f1d34;
  return Napi::Number::New(env, Hash(buf.Data(), buf.Length(), seed));
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("hash", Napi::Function::New(env, HashJs));
  return exports;
}

NODE_API_MODULE(lhash, Init)
