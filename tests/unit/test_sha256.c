/* tests/unit/test_sha256.c - SHA-256 against the FIPS 180-4 examples */
#include "sha256.h"

#include <stdio.h>
#include <string.h>

#include "test.h"

static void hex_of(const char *s, const char *want)
{
	char hex[65];

	sha256_hex(s, strlen(s), hex);
	CHECK_STR(hex, want);
}

/* the examples of FIPS 180-4 (NIST's SHA256.pdf, "SHA-2 examples") */
static void fips_vectors(void)
{
	hex_of("abc", "ba7816bf8f01cfea414140de5dae2223"
		      "b00361a396177a9cb410ff61f20015ad");
	hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	       "248d6a61d20638b8e5c026930c3e6039"
	       "a33ce45964ff2167f6ecedd419db06c1");
	hex_of("", "e3b0c44298fc1c149afbf4c8996fb924"
		   "27ae41e4649b934ca495991b7852b855");
	hex_of("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	       "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d"
	       "1");
}

/* one million 'a', fed in uneven pieces: the block joins are right */
static void million_a(void)
{
	static char a[1024];
	unsigned char d[32];
	char hex[65];
	struct sha256 s;
	size_t left = 1000000, step = 1;

	memset(a, 'a', sizeof(a));
	sha256_init(&s);
	while (left > 0) {
		size_t n = step < left ? step : left;

		sha256_update(&s, a, n);
		left -= n;
		step = step % 997 + 7;
	}
	sha256_final(&s, d);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
		       "f1809a48a497200e046d39ccc7112cd0");
}

/* 55, 56 and 64 bytes: the padding's edges (one or two final blocks) */
static void padding_edges(void)
{
	hex_of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	       "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f73431"
	       "8");
	hex_of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	       "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738"
	       "a");
	hex_of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	       "a",
	       "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668e"
	       "b");
}

int main(void)
{
	fips_vectors();
	million_a();
	padding_edges();
	return test_done();
}
