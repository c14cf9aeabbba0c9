{
  "targets": [
    {
      "target_name": "sqlite_vec",
      "sources": ["src/addon.cc", "src/vec.c"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "<(INTERMEDIATE_DIR)"],
      "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS", "SQLITE_VEC_STATIC"],
      "cflags": ["-O3"],
      "actions": [
        {
          "action_name": "generate_vec_config",
          "inputs": ["tools/gen_config.py"],
          "outputs": ["<(INTERMEDIATE_DIR)/vec_config.h"],
          'action': ["python3", "tools/gen_config.py", "<(INTERMEDIATE_DIR)/vec_config.h"],
          "message": "Generating vec_config.h"
        }
      ]
    }
  ]
}
