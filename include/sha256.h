/*
 * sha256 - SHA-256 (FIPS 180-4), for the identity of an approved plan
 * file: the same bytes give the same digest, so the keys that ads and
 * push derive from it are stable. Streaming: sha256_init(), any number
 * of sha256_update(), then sha256_final() or sha256_hex().
 */
#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t bytes; /* message length so far */
	unsigned char block[64];
	size_t used; /* bytes waiting in block */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
/* the 32-byte digest; s is spent */
void sha256_final(struct sha256 *s, unsigned char digest[32]);
/* the digest of len bytes as 64 lower-case hex digits and a NUL */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
