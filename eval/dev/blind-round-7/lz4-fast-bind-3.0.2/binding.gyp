{
  "targets": [
    {
      "target_name": "lz4bind",
      "sources": ["src/binding.c", "src/lz4.c"],
      "cflags": ["-O3"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
