#include <napi.h>
#include <map>
#include <string>
static std::map<std::string, std::string> store;
static Napi::Value Put(const Napi::CallbackInfo& i) { store[i[0].As<Napi::String>()] = i[1].As<Napi::String>(); return i.Env().Undefined(); }
static Napi::Value Get(const Napi::CallbackInfo& i) { auto it = store.find(i[0].As<Napi::String>()); return it == store.end() ? i.Env().Undefined() : Napi::String::New(i.Env(), it->second); }
static Napi::Object Init(Napi::Env env, Napi::Object e) { e.Set("put", Napi::Function::New(env, Put)); e.Set("get", Napi::Function::New(env, Get)); return e; }
NODE_API_MODULE(kvstore, Init)
