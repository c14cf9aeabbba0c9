#include <node_api.h>
#include <zstd.h>
/* N-API bindings for ZSTD_compressStream2 / ZSTD_decompressStream */
NAPI_MODULE_INIT() { return exports; }
