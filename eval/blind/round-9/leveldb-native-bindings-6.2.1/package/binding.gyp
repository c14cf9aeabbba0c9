{
  "variables": {
    "openssl_fips": "",
    "use_system_snappy%": "<!(node scripts/has-lib.js snappy)"
  },
  "targets": [{
    "target_name": "kvstore",
    "sources": ["src/binding.cc"],
    "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
    "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
    "conditions": [
      ["use_system_snappy=='true'", { "libraries": ["-lsnappy"], "defines": ["HAVE_SNAPPY=1"] }],
      ["OS=='mac'", { "xcode_settings": { "MACOSX_DEPLOYMENT_TARGET": "11.0" } }]
    ]
  }]
}
