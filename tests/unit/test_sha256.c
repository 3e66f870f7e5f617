/* test_sha256 - the FIPS 180-4 example digests, and every padding length */
#include <stdlib.h>

#include "sha256.h"
#include "test.h"

static const char *digest(const char *s, size_t len)
{
	static char hex[SHA256_HEX_LEN + 1];

	sha256_hex(s, len, hex);
	return hex;
}

static void hashes_the_standard_examples(void)
{
	const char *two_blocks =
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

	CHECK_STR(digest("", 0), "e3b0c44298fc1c149afbf4c8996fb924"
				 "27ae41e4649b934ca495991b7852b855");
	CHECK_STR(digest("abc", 3), "ba7816bf8f01cfea414140de5dae2223"
				    "b00361a396177a9cb410ff61f20015ad");
	CHECK_STR(digest(two_blocks, strlen(two_blocks)),
		  "248d6a61d20638b8e5c026930c3e6039"
		  "a33ce45964ff2167f6ecedd419db06c1");
}

static void hashes_a_million_a(void)
{
	char *a = malloc(1000000);

	memset(a, 'a', 1000000);
	CHECK_STR(digest(a, 1000000), "cdc76e5c9914fb9281a1c7e284d73e67"
				      "f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

static void pads_at_the_block_edges(void)
{
	char x[64 + 1];

	/* 55, 56 and 64 bytes: the lengths where the padding changes */
	memset(x, 'x', sizeof(x));
	CHECK_STR(digest(x, 55), "d5e285683cd4efc02d021a5c62014694"
				 "958901005d6f71e89e0989fac77e4072");
	CHECK_STR(digest(x, 56), "04c26261370ee7541549d16dee320c72"
				 "3e3fd14671e66a099afe0a377c16888e");
	CHECK_STR(digest(x, 64), "7ce100971f64e7001e8fe5a51973ecdf"
				 "e1ced42befe7ee8d5fd6219506b5393c");
}

int main(void)
{
	hashes_the_standard_examples();
	hashes_a_million_a();
	pads_at_the_block_edges();
	return test_done();
}
