{
  "targets": [
    {
      "target_name": "xxhash",
      "sources": [ "src/addon.cc" ],
      "include_dirs": [ "<!(node -p \"require('node-addon-api').include_dir\")" ],
      "dependencies": [ "<!(node -p \"require('node-addon-api').gyp\")" ],
      "defines": [ "NAPI_DISABLE_CPP_EXCEPTIONS", "XXH_INLINE_ALL" ],
      "conditions": [
        [ "OS=='win'", { "msvs_settings": { "VCCLCompilerTool": { "AdditionalOptions": [ "/O2" ] } } } ],
        [ "OS=='mac'", { "xcode_settings": { "OTHER_CFLAGS": [ "-O3" ], "MACOSX_DEPLOYMENT_TARGET": "11.0" } } ]
      ],
      "cflags": [ "-O3" ]
    }
  ]
}
