{
  'variables': {
    'sse42%': '<!(node -p "process.arch===\'x64\'?1:0")',
    'cfg%': '<!(sh tools/detect.sh || echo 0)'
  },
  'targets': [
    {
      'target_name': 'crc32c',
      'sources': ['src/crc32c.cc'],
      'include_dirs': ["<!(node -p \"require('node-addon-api').include_dir\")"],
      'cflags': ['-msse4.2'],
      'defines': ['NAPI_VERSION=6']
    }
  ]
}
