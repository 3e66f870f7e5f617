/*
 * tests/fuzz/fuzz_feed.c - feed_parse() and feed_plain_text() on any
 * bytes. What a feed that parses holds is checked: the three required
 * fields, every field trimmed, non-empty and UTF-8, a date_ymd for
 * every date; a feed refused has a message; and the plain text of
 * UTF-8 is UTF-8, with no white space at either end.
 */
#include "feed.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "wrapper.h"

static struct strbuf cap;

static void broken(const char *what, const char *s)
{
	fprintf(stderr, "fuzz_feed: %s: \"%s\"\n", what, s ? s : "(null)");
	abort();
}

/* is s well-formed UTF-8 (no overlong form, surrogate or past U+10FFFF) */
static bool utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c = *p, n, min;

		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xc2 && c < 0xe0)
			n = 1, c &= 0x1f, min = 0x80;
		else if (c >= 0xe0 && c < 0xf0)
			n = 2, c &= 0x0f, min = 0x800;
		else if (c >= 0xf0 && c < 0xf5)
			n = 3, c &= 0x07, min = 0x10000;
		else
			return false;
		for (unsigned i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return false;
			c = c << 6 | (p[i] & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c < 0xe000))
			return false;
		p += n + 1;
	}
	return true;
}

static bool trimmed(const char *s)
{
	size_t n = strlen(s);

	return n && !strchr(" \t\r\n", s[0]) && !strchr(" \t\r\n", s[n - 1]);
}

static void check_text(const char *s)
{
	char *text = feed_plain_text(s);
	size_t n = strlen(text);

	if (utf8(s) && !utf8(text))
		broken("plain text is not UTF-8", text);
	if (n && (strchr(" \n", text[0]) || strchr(" \n", text[n - 1])))
		broken("plain text not trimmed", text);
	free(text);
}

static void check_job(const struct job *j)
{
	const char *const field[] = {
		j->title,       j->referencenumber, j->url,
		j->date,        j->company,         j->city,
		j->state,       j->country,         j->postalcode,
		j->description, j->salary,          j->jobtype,
		j->category,    j->experience,      j->education,
	};

	if (!j->title || !j->referencenumber || !j->url)
		broken("a required field is missing", j->title);
	if (strncmp(j->url, "http", 4) != 0)
		broken("url", j->url);
	if (j->date && strlen(j->date_ymd) != 10)
		broken("date without date_ymd", j->date);
	for (size_t i = 0; i < sizeof(field) / sizeof(field[0]); i++) {
		if (!field[i])
			continue;
		if (!trimmed(field[i]))
			broken("field not trimmed", field[i]);
		if (!utf8(field[i]))
			broken("field not UTF-8", field[i]);
	}
	if (j->description)
		check_text(j->description);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed f;
	struct diag d;
	char *s;

	fuzz_diag(&d, "fuzz.xml", &cap);
	if (feed_parse((const char *)data, size, &f, &d) == 0) {
		for (size_t i = 0; i < f.n; i++)
			check_job(&f.jobs[i]);
		feed_release(&f);
	} else if (d.n_errors == 0) {
		broken("refused without a message", "");
	}
	s = xstrndup((const char *)data, size);
	check_text(s);
	free(s);
	return 0;
}
