{
  "variables": {
    "simd_flags%": "<!(node tools/detect-simd.js)"
  },
  "targets": [
    {
      "target_name": "crc32c",
      "sources": ["src/crc32c.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS"],
      "cflags": ["<(simd_flags)"],
      "xcode_settings": { "OTHER_CFLAGS": ["<(simd_flags)"] }
    }
  ]
}
