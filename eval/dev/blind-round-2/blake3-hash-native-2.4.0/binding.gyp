{
  "targets": [
    {
      "target_name": "blake3",
      "sources": ["src/addon.cc", "src/blake3.c", "src/blake3_dispatch.c", "src/blake3_portable.c"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "BLAKE3_NO_AVX512", "BLAKE3_NO_AVX2", "BLAKE3_NO_SSE41", "BLAKE3_NO_SSE2"],
      "cflags": ["-O3"],
      "xcode_settings": { "GCC_OPTIMIZATION_LEVEL": "3" }
    }
  ]
}
