#pragma once
#include <stddef.h>
#include <stdint.h>
#define BLAKE3_OUT_LEN 32
typedef struct { uint32_t key[8]; uint8_t buf[64]; uint64_t counter; uint8_t buf_len; } blake3_hasher;
void blake3_hasher_init(blake3_hasher *self);
void blake3_hasher_update(blake3_hasher *self, const void *input, size_t input_len);
void blake3_hasher_finalize(const blake3_hasher *self, uint8_t *out, size_t out_len);
