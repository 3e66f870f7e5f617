/*
 * audience - reads an audience analysis (JSON, docs/inputs.md) and
 * resolves it against the channel catalogue into a struct campaign.
 *
 * Every problem is reported through the diag as "file: json.path:
 * error: ..." (syntax errors as file:line:col), and the loader goes on
 * to find the rest before it returns -1. Catalogue prices are
 * converted to the campaign currency with the campaign's fx rates.
 * On success the caller owns *out and frees it with campaign_release().
 */
#ifndef AUDIENCE_H
#define AUDIENCE_H

#include <stddef.h>

struct campaign;
struct catalogue;
struct diag;

int audience_parse(const char *text, size_t len, const struct catalogue *cat,
		   struct campaign *out, struct diag *d);
int audience_load(const char *path, const struct catalogue *cat,
		  struct campaign *out, struct diag *d);

#endif
