{
  "targets": [
    {
      "target_name": "xxhash",
      "sources": ["src/xxhash.c"],
      "cflags": ["-O3"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
