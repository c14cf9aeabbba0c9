#include <math.h>
#include <stddef.h>

float vec_distance_l2(const float *a, const float *b, size_t n) {
  float s = 0.0f;
  for (size_t i = 0; i < n; i++) { float d = a[i] - b[i]; s += d * d; }
  return sqrtf(s);
}

float vec_distance_cosine(const float *a, const float *b, size_t n) {
  float dot = 0, na = 0, nb = 0;
  for (size_t i = 0; i < n; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
  return 1.0f - dot / (sqrtf(na) * sqrtf(nb) + 1e-12f);
}
