/*
 * tests/fuzz/fuzz_throttle.c - throttle_classify() on any reply. The
 * first byte picks the platform, the next two the HTTP status; the
 * rest up to a blank line is given as every header the classifiers
 * read (Retry-After and Meta's four usage headers), what follows as
 * the body. The verdict must stay in range: a known class, a wait from
 * 0 to a day, a message that ends inside its buffer.
 */
#include "throttle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "wrapper.h"

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_throttle: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *rest = (const char *)data + 3;
	size_t n, cut = 0;
	struct reply r = { 0 };
	struct verdict v;
	char *header;

	if (size < 3)
		return 0;
	n = size - 3;
	r.status = (data[1] << 8 | data[2]) % 600;
	while (cut + 1 < n && !(rest[cut] == '\n' && rest[cut + 1] == '\n'))
		cut++;
	if (cut + 1 >= n)
		cut = n;
	header = xstrndup(rest, cut);
	r.retry_after = r.buc_usage = r.app_usage = header;
	r.ad_account_usage = r.insights_throttle = header;
	if (cut < n) {
		r.body = rest + cut + 2;
		r.body_len = n - cut - 2;
	}
	throttle_classify((enum api_platform)(data[0] % 4), &r, &v);
	if (v.cls > REPLY_SERVER)
		fail("a class out of range");
	if (!(v.wait_s >= 0 && v.wait_s <= 86400))
		fail("a wait out of range");
	if (!(v.usage_pct >= 0 || v.usage_pct == -1))
		fail("a usage out of range");
	if (!memchr(v.message, '\0', sizeof(v.message)))
		fail("a message without its end");
	free(header);
	return 0;
}
