/* Minimal declarations; the full single-header xxHash implementation is vendored as xxhash.c */
#ifndef XXHASH_H_LITE
#define XXHASH_H_LITE
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
uint32_t XXH32(const void* input, size_t length, uint32_t seed);
uint64_t XXH64(const void* input, size_t length, uint64_t seed);
uint64_t XXH3_64bits(const void* input, size_t length);
#ifdef __cplusplus
}
#endif
#endif
