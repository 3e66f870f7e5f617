/*
 * catalogue - the channel catalogue, a CSV file of channels with their
 * prices and funnel rates (docs/inputs.md lists the columns).
 *
 * Prices stay in each row's own currency here (minor units of it);
 * audience_load() converts them to the campaign currency. Every
 * problem is reported through the diag as file:line with the column,
 * and the loader returns -1 after reading the whole file. A struct
 * catalogue owns its channels; catalogue_release() frees them.
 */
#ifndef CATALOGUE_H
#define CATALOGUE_H

#include <stddef.h>

struct channel;
struct diag;

struct catalogue {
	struct channel *channels; /* owned */
	size_t n;
};

int catalogue_parse(const char *data, size_t len, struct catalogue *out,
		    struct diag *d);
int catalogue_load(const char *path, struct catalogue *out, struct diag *d);
void catalogue_release(struct catalogue *cat);

/* is s a valid id: 1 to 64 of [a-z0-9_-], starting with a letter or digit */
int id_valid(const char *s);

#endif
