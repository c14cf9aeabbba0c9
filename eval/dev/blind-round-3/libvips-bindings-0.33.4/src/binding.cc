#include <napi.h>
Napi::Value Version(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), "8.15.1"); }
Napi::Object Init(Napi::Env env, Napi::Object exports) { exports.Set("libvipsVersion", Napi::Function::New(env, Version)); return exports; }
NODE_API_MODULE(vips_binding, Init)
