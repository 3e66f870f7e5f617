/*
 * feed - the job feed: the common XML format job boards read, a
 * <source> of <job> elements (docs/inputs.md, "The job feed").
 *
 * This is the only module that uses libxml2. A feed is parsed from
 * memory (feed_load() reads the file with the input size limit),
 * with no network, no DTD and no entities: the parser stops at a
 * <!DOCTYPE, so no entity is ever declared, loaded or expanded. Every
 * problem is reported through the diag as file:line, libxml2's own
 * messages included (it never prints by itself), and the loader
 * returns -1 after checking every job it could read.
 *
 * A struct feed owns its jobs and every string in them; each field is
 * UTF-8 with no NUL, trimmed of surrounding white space, NULL when
 * the element is absent or empty. feed_release() frees it all.
 */
#ifndef FEED_H
#define FEED_H

#include <stddef.h>

struct diag;

/* the most jobs in one feed, and the longest field, in bytes */
#define FEED_MAX_JOBS       100000
#define FEED_MAX_JOBS_TEXT  "100 000"
#define FEED_MAX_FIELD      ((size_t)1 << 20)
#define FEED_MAX_FIELD_TEXT "1 MiB (1 048 576 bytes)"

struct job {
	int line;              /* of its <job> tag */
	char *title;           /* required */
	char *referencenumber; /* required, unique in the feed */
	char *url;             /* required, http:// or https:// */
	char *date;            /* as written; see date_ymd */
	char date_ymd[11];     /* the date as YYYY-MM-DD, "" without one */
	char *company;
	char *city;
	char *state;
	char *country;
	char *postalcode;
	char *description; /* as written: often HTML; see feed_plain_text() */
	char *salary;      /* free text, never parsed */
	char *jobtype;
	char *category;
	char *experience;
	char *education;
};

struct feed {
	struct job *jobs; /* owned */
	size_t n;
};

/* parse len bytes of a feed; 0, or -1 with every problem reported */
int feed_parse(const char *data, size_t len, struct feed *out, struct diag *d);
/* read path with read_input() and parse it */
int feed_load(const char *path, struct feed *out, struct diag *d);
void feed_release(struct feed *f);

/*
 * A date as feeds write it, as YYYY-MM-DD in ymd: 2027-01-11,
 * 2027-01-11T08:00:00Z (or with an offset, or a space for the T), or
 * RFC 822 "Mon, 11 Jan 2027 08:00:00 GMT". 0, or -1 when s is none of
 * these or not a real calendar date.
 */
int feed_date(const char *s, char ymd[11]);

/*
 * Plain text of an HTML fragment, for ad copy (a new string, the
 * caller frees it): tags are dropped (script and style with their
 * content), paragraphs, line breaks, list items and headings become
 * line breaks, list items start with "- ", the usual character
 * references are decoded, and white space is folded: at most one
 * blank line, no space at a line's ends. Text without a tag is not
 * HTML: it keeps its line breaks and its '&', and only its white space
 * is folded.
 */
char *feed_plain_text(const char *html);

#endif
