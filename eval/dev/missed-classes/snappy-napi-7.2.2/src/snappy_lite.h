#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace snappy_lite {
size_t MaxCompressedLength(size_t n);
size_t Compress(const char* input, size_t n, char* out);
bool Uncompress(const char* input, size_t n, std::string* out);
}
