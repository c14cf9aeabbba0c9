{
  'targets': [{
    'target_name': 'zstd',
    'sources': ['src/binding.c'],
    'libraries': ['-lzstd']
  }]
}
