{
  "targets": [
    {
      "target_name": "xxhash",
      "sources": [ "src/xxhash_binding.cc", "<!(node lib/detect-simd.js > /dev/null 2>&1 || node lib\\detect-simd.js > NUL 2>&1 && echo src/xxhash_simd_stub.c)" ],
      "include_dirs": [ "src" ],
      "cflags": [ "-O3" ],
      "defines": [ "XXH_INLINE_ALL" ]
    }
  ]
}
