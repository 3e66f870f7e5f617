/*
 * tests/fuzz/fuzz.h - what every libFuzzer harness of jobmix shares.
 *
 * A harness defines LLVMFuzzerTestOneInput() and hands the input to one
 * parser. Messages go into a captured strbuf, reset on every run, so a
 * run prints nothing unless a sanitizer or libFuzzer has found a bug.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* a diag for file whose messages go into cap, emptied first */
static inline void fuzz_diag(struct diag *d, const char *file,
			     struct strbuf *cap)
{
	strbuf_reset(cap);
	diag_init(d, file);
	d->capture = cap;
}

#endif
