{
  "variables": {
    "sse42%": "<!(node -p \"process.arch === 'x64' ? 1 : 0\")",
    "cache_dir%": "<!(node tools/detect-sse.js)"
  },
  "targets": [
    {
      "target_name": "crc32c",
      "sources": ["src/crc32c.cc"],
      "cflags_cc": ["-O3"],
      "conditions": [["sse42==1", { "cflags_cc": ["-msse4.2"], "defines": ["USE_SSE42"] }]],
      "xcode_settings": { "OTHER_CFLAGS": ["-msse4.2"] }
    }
  ]
}
