#include <napi.h>
#include "snappy_lite.h"

static Napi::Value CompressSync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsBuffer()) {
    Napi::TypeError::New(env, "Buffer expected").ThrowAsJavaScriptException();
    return env.Null();
  }
  auto in = info[0].As<Napi::Buffer<char>>();
  std::string out(snappy_lite::MaxCompressedLength(in.Length()), '\0');
  size_t n = snappy_lite::Compress(in.Data(), in.Length(), &out[0]);
  return Napi::Buffer<char>::Copy(env, out.data(), n);
}

static Napi::Value UncompressSync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto in = info[0].As<Napi::Buffer<char>>();
  std::string out;
  if (!snappy_lite::Uncompress(in.Data(), in.Length(), &out)) {
    Napi::Error::New(env, "Invalid snappy input").ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::Buffer<char>::Copy(env, out.data(), out.size());
}

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("compressSync", Napi::Function::New(env, CompressSync));
  exports.Set("uncompressSync", Napi::Function::New(env, UncompressSync));
  return exports;
}

NODE_API_MODULE(snappy_napi, Init)
