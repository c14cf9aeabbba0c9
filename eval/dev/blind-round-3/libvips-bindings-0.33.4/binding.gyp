{
  "variables": {
    "vips_cflags": "<!(pkg-config --cflags vips-cpp 2>/dev/null || echo '')",
    "napi_include": "<!(node -p \"require('node-addon-api').include_dir\")"
  },
  "targets": [{
    "target_name": "vips_binding",
    "sources": ["src/binding.cc"],
    "include_dirs": ["<(napi_include)"],
    "libraries": ["<!@(pkg-config --libs vips-cpp 2>/dev/null || echo '')"],
    "cflags_cc": ["-std=c++17", "<(vips_cflags)"],
    "defines": ["NAPI_VERSION=9", "NAPI_DISABLE_CPP_EXCEPTIONS"],
    "conditions": [["OS=='mac'", {"xcode_settings": {"MACOSX_DEPLOYMENT_TARGET": "11.0", "CLANG_CXX_LANGUAGE_STANDARD": "c++17"}}]]
  }]
}
