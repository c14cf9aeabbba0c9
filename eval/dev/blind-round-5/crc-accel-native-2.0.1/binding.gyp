{
  "targets": [
    {
      "target_name": "crc_accel",
      "sources": [ "src/crc.cc" ],
      "include_dirs": [ "<!(node -p \"require('node-addon-api').include_dir\")" ],
      "dependencies": [ "<!(node -p \"require('node-addon-api').gyp\")" ],
      "defines": [ "NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS" ],
      "conditions": [
        [ "target_arch=='x64'", { "cflags_cc": [ "-msse4.2" ], "xcode_settings": { "OTHER_CPLUSPLUSFLAGS": [ "-msse4.2" ] } } ],
        [ "OS=='win'", { "msvs_settings": { "VCCLCompilerTool": { "ExceptionHandling": 1 } } } ]
      ]
    }
  ]
}
