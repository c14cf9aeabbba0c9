{
  "variables": {
    "openssl_fips": "",
    "murmur_arch": "<!(node -p \"process.arch\")",
    "murmur_cfg": "<!(sh ./scripts/detect-simd.sh 2>/dev/null || echo generic)"
  },
  "targets": [
    {
      "target_name": "murmur",
      "sources": [ "src/murmur3.cc", "src/binding.cc" ],
      "include_dirs": [ "<!(node -p \"require('node-addon-api').include_dir\")" ],
      "defines": [ "NAPI_DISABLE_CPP_EXCEPTIONS", "MURMUR_SIMD=<(murmur_cfg)" ],
      "cflags_cc": [ "-O3" ]
    }
  ]
}
