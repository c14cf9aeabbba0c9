/* vendored lz4.c placeholder: upstream LZ4 sources are copied here at release time */
