/*
 * sha256 - the SHA-256 digest (FIPS 180-4) of a buffer, as lower-case
 * hex. import keys an imported file by it, so the same file twice adds
 * nothing.
 */
#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>

#define SHA256_HEX_LEN 64

/* hex gets 64 hex digits and a NUL */
void sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_LEN + 1]);

#endif
