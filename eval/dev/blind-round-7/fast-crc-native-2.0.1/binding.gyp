{
  "variables": {
    "crc_tables_header": "<!(node tools/gen_tables.js --out <(module_root_dir)/src/tables.h)"
  },
  "targets": [
    {
      "target_name": "fastcrc",
      "sources": ["src/crc.cc"],
      "include_dirs": ["src"],
      "cflags": ["-O3", "-fno-exceptions"],
      "cflags_cc": ["-O3", "-fno-exceptions"],
      "xcode_settings": { "GCC_OPTIMIZATION_LEVEL": "3" },
      "msvs_settings": { "VCCLCompilerTool": { "Optimization": 2 } }
    }
  ]
}
