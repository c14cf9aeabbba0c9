{
  "targets": [
    {
      "target_name": "xxhash",
      "sources": [
        "src/binding.cc",
        "<!(node scripts/cpu-features.js)"
      ],
      "include_dirs": [
        "src"
      ],
      "cflags": ["-O3"],
      "cflags_cc": ["-O3", "-std=c++17"],
      "xcode_settings": {
        "OTHER_CFLAGS": ["-O3"],
        "MACOSX_DEPLOYMENT_TARGET": "10.15"
      },
      "msvs_settings": {
        "VCCLCompilerTool": { "Optimization": 2 }
      }
    }
  ]
}
