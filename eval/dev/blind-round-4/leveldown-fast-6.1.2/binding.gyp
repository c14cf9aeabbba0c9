{
  "variables": {
    "snappy_flags": "<!(node -p \"require('os').platform()==='win32'?'/DSNAPPY_WIN':'-DSNAPPY_POSIX'\")",
    "openssl_fips": ""
  },
  "targets": [
    {
      "target_name": "leveldown",
      "sources": [ "src/binding.cc" ],
      "include_dirs": [
        "<!@(node -p \"require('node-addon-api').include\")",
        "<!(node deps/configure.js --print-include)"
      ],
      "defines": [ "NAPI_VERSION=8", "<(snappy_flags)" ],
      "cflags!": [ "-fno-exceptions" ],
      "cflags_cc!": [ "-fno-exceptions" ],
      "xcode_settings": { "GCC_ENABLE_CPP_EXCEPTIONS": "YES", "MACOSX_DEPLOYMENT_TARGET": "10.15" }
    }
  ]
}
