/* tests/fuzz/fuzz_csv.c - csv_parse() on any bytes */
#include "csv.h"

#include "fuzz.h"

static struct strbuf cap;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_table t;
	struct diag d;

	fuzz_diag(&d, "fuzz.csv", &cap);
	if (csv_parse((const char *)data, size, &t, &d) == 0)
		csv_table_release(&t);
	return 0;
}
