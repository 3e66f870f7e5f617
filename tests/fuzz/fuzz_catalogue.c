/* tests/fuzz/fuzz_catalogue.c - catalogue_parse() on any bytes */
#include "catalogue.h"

#include "fuzz.h"

static struct strbuf cap;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalogue cat;
	struct diag d;

	fuzz_diag(&d, "channels.csv", &cap);
	if (catalogue_parse((const char *)data, size, &cat, &d) == 0)
		catalogue_release(&cat);
	return 0;
}
