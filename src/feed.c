/*
 * The feed is read with libxml2's SAX2 interface, not into a tree: a
 * job's fields are kept as it is read and the document is never held,
 * so memory grows with the jobs, not with the markup around them.
 */
#include "feed.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "campaign.h"
#include "diag.h"
#include "fileio.h"
#include "strbuf.h"
#include "wrapper.h"

/*
 * No network, line numbers past 65535, and nothing else: never
 * XML_PARSE_NOENT (substitute entities), XML_PARSE_DTDLOAD, DTDATTR,
 * DTDVALID, XINCLUDE or HUGE (which lifts libxml2's own limits).
 */
#define FEED_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES)

#if LIBXML_VERSION >= 21200
typedef const xmlError *xml_error_t;
#else
typedef xmlErrorPtr xml_error_t;
#endif

/*
 * The elements of a <job> that jobmix keeps, and where; the first four
 * in the order of these indices.
 */
enum { F_TITLE, F_DATE, F_REF, F_URL };

static const struct field {
	const char *name;
	size_t off;
} fields[] = {
	{ "title", offsetof(struct job, title) },
	{ "date", offsetof(struct job, date) },
	{ "referencenumber", offsetof(struct job, referencenumber) },
	{ "url", offsetof(struct job, url) },
	{ "company", offsetof(struct job, company) },
	{ "city", offsetof(struct job, city) },
	{ "state", offsetof(struct job, state) },
	{ "country", offsetof(struct job, country) },
	{ "postalcode", offsetof(struct job, postalcode) },
	{ "description", offsetof(struct job, description) },
	{ "salary", offsetof(struct job, salary) },
	{ "jobtype", offsetof(struct job, jobtype) },
	{ "category", offsetof(struct job, category) },
	{ "experience", offsetof(struct job, experience) },
	{ "education", offsetof(struct job, education) },
};

#define N_FIELDS ARRAY_SIZE(fields)
#define NO_FIELD (-1) /* outside a field, or in one being skipped */

/* what the libxml2 callbacks share with feed_parse() */
struct sax_state {
	struct diag *d;
	struct feed *out;
	size_t alloc;       /* of out->jobs */
	bool xml_failed;    /* libxml2 reported an error: the rest echo it */
	bool stopped;       /* jobmix stopped the parser */
	int rc;             /* -1 once an error is reported */
	int depth;          /* of the element being read; <source> is 1 */
	bool in_job;        /* in a <job>, the last of out->jobs */
	int field;          /* the field being read, or NO_FIELD */
	int line[N_FIELDS]; /* of each field's element in this job; 0 none */
	struct strbuf text; /* of the field being read */
};

static char **field_slot(struct job *j, const struct field *f)
{
	return (char **)((char *)j + f->off);
}

/* libxml2's message on one line: white space runs folded, trimmed */
static void add_folded(struct strbuf *sb, const char *s)
{
	bool space = false;

	for (; *s; s++) {
		if (isspace((unsigned char)*s)) {
			space = sb->len > 0;
			continue;
		}
		if (space)
			strbuf_addch(sb, ' ');
		space = false;
		strbuf_addch(sb, *s);
	}
}

/*
 * libxml2's structured error handler: the first error becomes one
 * "file:line: error: malformed XML: ..." (the parser goes on after a
 * fatal error only to find its consequences); warnings are warnings.
 */
static void on_xml_error(void *data, xml_error_t e)
{
	struct sax_state *st = data;
	struct strbuf sb = STRBUF_INIT;

	if (!e || st->stopped)
		return;
	add_folded(&sb, e->message ? e->message : "unknown error");
	if (e->level == XML_ERR_WARNING) {
		diag_warn_line(st->d, e->line, "XML: %s", sb.buf);
	} else if (!st->xml_failed) {
		diag_line(st->d, e->line, "malformed XML: %s", sb.buf);
		st->xml_failed = true;
		st->rc = -1;
	}
	strbuf_release(&sb);
}

/* for libxml2's generic messages, which all go through on_xml_error */
static void XMLCDECL quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static struct sax_state *state_of(void *ctx)
{
	return ((xmlParserCtxtPtr)ctx)->_private;
}

static int line_now(void *ctx)
{
	int line = xmlSAX2GetLineNumber(ctx);

	return line > 0 ? line : 0;
}

static void vreport(struct sax_state *st, int line, const char *fmt, va_list ap)
	ATTR_PRINTF(3, 0);

static void vreport(struct sax_state *st, int line, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_vaddf(&sb, fmt, ap);
	diag_line(st->d, line, "%s", sb.buf);
	strbuf_release(&sb);
	st->rc = -1;
}

static void stop(void *ctx, const char *fmt, ...) ATTR_PRINTF(2, 3);

/* report at the parser's line and stop it: nothing after is read */
static void stop(void *ctx, const char *fmt, ...)
{
	struct sax_state *st = state_of(ctx);
	va_list ap;

	if (!st->stopped && !st->xml_failed) {
		va_start(ap, fmt);
		vreport(st, line_now(ctx), fmt, ap);
		va_end(ap);
	}
	st->stopped = true;
	st->rc = -1;
	xmlStopParser(ctx);
}

static void fail(struct sax_state *st, int line, const char *fmt, ...)
	ATTR_PRINTF(3, 4);

/* report an error in the feed's content; reading goes on */
static void fail(struct sax_state *st, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(st, line, fmt, ap);
	va_end(ap);
}

#define NO_DTD                                                            \
	"the feed has %s; jobmix reads no document type declaration, so " \
	"no entity is ever declared, loaded or expanded"

/* SAX: <!DOCTYPE name ...>: stop before its internal subset */
static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext,
		       const xmlChar *sys)
{
	(void)name;
	(void)ext;
	(void)sys;
	stop(ctx, NO_DTD, "a <!DOCTYPE");
}

/* SAX: an entity declaration; unreachable past on_doctype, kept as a guard */
static void on_entity_decl(void *ctx, const xmlChar *name, int type,
			   const xmlChar *pub, const xmlChar *sys,
			   xmlChar *content)
{
	(void)name;
	(void)type;
	(void)pub;
	(void)sys;
	(void)content;
	stop(ctx, NO_DTD, "an entity declaration");
}

/* SAX: an entity reference that is not one of XML's five: never expanded */
static void on_reference(void *ctx, const xmlChar *name)
{
	stop(ctx, "the feed refers to an entity '%s'; jobmix expands none",
	     (const char *)name);
}

/* an external entity loader that loads nothing */
static xmlParserInputPtr no_loader(const char *url, const char *id,
				   xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* s without white space at either end, as a new string; NULL if empty */
static char *trimmed(const char *s, size_t len)
{
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	return len ? xstrndup(s, len) : NULL;
}

static bool is_http_url(const char *s)
{
	size_t n;

	if (strncasecmp(s, "https://", 8) == 0)
		n = 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		n = 7;
	else
		return false;
	if (!s[n] || s[n] == '/')
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f)
			return false;
	return true;
}

/*
 * The required fields and the ones with a format, of a job read;
 * line[k] is the line of field k's element.
 */
static int check_job(struct job *j, const int *line, struct diag *d)
{
	int errors = d->n_errors;

	if (!j->title)
		diag_line(d, j->line, "the job has no <title>");
	if (!j->referencenumber)
		diag_line(d, j->line, "the job has no <referencenumber>");
	if (!j->url)
		diag_line(d, j->line, "the job has no <url>");
	else if (!is_http_url(j->url))
		diag_line(d, line[F_URL],
			  "<url> '%s' is not an http:// or https:// address",
			  j->url);
	if (j->date && feed_date(j->date, j->date_ymd) < 0)
		diag_line(d, line[F_DATE],
			  "<date> '%s' is not a real date in a form jobmix "
			  "reads (2027-01-11, 2027-01-11T08:00:00Z or Mon, 11 "
			  "Jan 2027 08:00:00 GMT)",
			  j->date);
	return d->n_errors > errors ? -1 : 0;
}

static int by_reference(const void *a, const void *b)
{
	const struct job *x = *(const struct job *const *)a;
	const struct job *y = *(const struct job *const *)b;
	int c = strcmp(x->referencenumber, y->referencenumber);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* each reference number once: sorted, so a large feed stays fast */
static int check_references(const struct feed *f, struct diag *d)
{
	const struct job **v = xcalloc(f->n ? f->n : 1, sizeof(*v));
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < f->n; i++)
		if (f->jobs[i].referencenumber)
			v[n++] = &f->jobs[i];
	qsort(v, n, sizeof(*v), by_reference);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(v[i]->referencenumber, v[i - 1]->referencenumber))
			continue;
		diag_line(d, v[i]->line,
			  "reference number '%s' again (first on line %d)",
			  v[i]->referencenumber, v[i - 1]->line);
		rc = -1;
	}
	free(v);
	return rc;
}

/* the start of a <job>: a new, empty one at the end of out->jobs */
static void start_job(void *ctx, struct sax_state *st)
{
	struct feed *f = st->out;

	if (f->n == FEED_MAX_JOBS) {
		stop(ctx, "the feed has more than %s jobs", FEED_MAX_JOBS_TEXT);
		return;
	}
	ALLOC_GROW(f->jobs, f->n + 1, st->alloc);
	memset(&f->jobs[f->n], 0, sizeof(f->jobs[f->n]));
	f->jobs[f->n++].line = line_now(ctx);
	memset(st->line, 0, sizeof(st->line));
	st->in_job = true;
}

/* the start of an element in a <job>: a field, or one to skip */
static void start_field(void *ctx, struct sax_state *st, const char *name)
{
	int k = 0, line = line_now(ctx);

	while (k < (int)N_FIELDS && strcmp(name, fields[k].name) != 0)
		k++;
	st->field = NO_FIELD;
	if (k == (int)N_FIELDS)
		return;
	if (st->line[k]) {
		fail(st, line,
		     "a second <%s> in one job (the first is on line %d)", name,
		     st->line[k]);
		return;
	}
	st->line[k] = line;
	st->field = k;
	strbuf_reset(&st->text);
}

/* SAX2: an element starts (namespaces are not looked at) */
static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
		     const xmlChar *uri, int n_ns, const xmlChar **ns,
		     int n_attr, int n_default, const xmlChar **attr)
{
	struct sax_state *st = state_of(ctx);
	const char *name = (const char *)local;

	(void)prefix, (void)uri, (void)n_ns, (void)ns;
	(void)n_attr, (void)n_default, (void)attr;
	st->depth++;
	if (st->depth == 1 && strcmp(name, "source") != 0)
		stop(ctx,
		     "the root element is <%s>; a job feed is a <source> of "
		     "<job> elements",
		     name);
	else if (st->depth == 2 && strcmp(name, "job") == 0)
		start_job(ctx, st);
	else if (st->depth == 3 && st->in_job)
		start_field(ctx, st, name);
	else if (st->depth == 4 && st->field != NO_FIELD) {
		fail(st, line_now(ctx),
		     "<%s> holds an element <%s>; put HTML inside "
		     "<![CDATA[ ... ]]>",
		     fields[st->field].name, name);
		st->field = NO_FIELD;
	}
}

/* SAX2: an element ends */
static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
		   const xmlChar *uri)
{
	struct sax_state *st = state_of(ctx);
	struct feed *f = st->out;

	(void)local, (void)prefix, (void)uri;
	if (st->depth == 3 && st->field != NO_FIELD) {
		*field_slot(&f->jobs[f->n - 1], &fields[st->field]) =
			trimmed(st->text.buf, st->text.len);
		st->field = NO_FIELD;
	} else if (st->depth == 2 && st->in_job) {
		if (check_job(&f->jobs[f->n - 1], st->line, st->d) < 0)
			st->rc = -1;
		st->in_job = false;
	}
	st->depth--;
}

/* SAX: text or CDATA; kept only in a field */
static void on_text(void *ctx, const xmlChar *s, int len)
{
	struct sax_state *st = state_of(ctx);

	if (st->depth != 3 || st->field == NO_FIELD || len <= 0)
		return;
	if (st->text.len + (size_t)len > FEED_MAX_FIELD) {
		fail(st, st->line[st->field], "<%s> is longer than %s",
		     fields[st->field].name, FEED_MAX_FIELD_TEXT);
		st->field = NO_FIELD;
		return;
	}
	strbuf_add(&st->text, s, (size_t)len);
}

/* point libxml2's SAX handler at jobmix's callbacks, and no others */
static void set_handlers(xmlSAXHandlerPtr sax)
{
	memset(sax, 0, sizeof(*sax));
	sax->initialized = XML_SAX2_MAGIC;
	sax->internalSubset = on_doctype;
	sax->entityDecl = on_entity_decl;
	sax->reference = on_reference;
	sax->startElementNs = on_start;
	sax->endElementNs = on_end;
	sax->characters = on_text;
	sax->ignorableWhitespace = on_text;
	sax->cdataBlock = on_text;
}

/*
 * Parse data into st->out through the callbacks above. libxml2's
 * error handlers and entity loader are jobmix's for the parse only.
 */
static void parse_xml(const char *data, size_t len, struct sax_state *st)
{
	xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader();
	xmlParserCtxtPtr ctxt;

	xmlSetStructuredErrorFunc(st, on_xml_error);
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetExternalEntityLoader(no_loader);
	ctxt = xmlCreateMemoryParserCtxt(data, (int)len);
	if (!ctxt)
		die("out of memory");
	xmlCtxtUseOptions(ctxt, FEED_XML_OPTIONS);
	set_handlers(ctxt->sax);
	ctxt->_private = st;
	xmlParseDocument(ctxt);
	if (!ctxt->wellFormed && st->rc == 0) {
		diag_line(st->d, 0, "malformed XML");
		st->rc = -1;
	}
	xmlFreeDoc(ctxt->myDoc);
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
	xmlSetExternalEntityLoader(old_loader);
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlSetStructuredErrorFunc(NULL, NULL);
}

int feed_parse(const char *data, size_t len, struct feed *out, struct diag *d)
{
	struct sax_state st = { 0 };
	const char *nul = NULL;

	out->jobs = NULL;
	out->n = 0;
	if (len > INT_MAX) {
		diag_line(d, 0, "the feed is larger than %d bytes", INT_MAX);
		return -1;
	}
	if (len == 0 || (nul = memchr(data, '\0', len))) {
		/* libxml2 reads a NUL as the end of its input */
		int line = 1;

		for (const char *p = data; nul && p < nul; p++)
			line += *p == '\n';
		diag_line(d, line, "%s",
			  len ? "the feed holds a NUL byte"
			      : "the feed is empty");
		return -1;
	}
	st.d = d;
	st.out = out;
	st.field = NO_FIELD;
	strbuf_init(&st.text);
	parse_xml(data, len, &st);
	strbuf_release(&st.text);
	if (check_references(out, d) < 0)
		st.rc = -1;
	if (st.rc < 0)
		feed_release(out);
	return st.rc;
}

int feed_load(const char *path, struct feed *out, struct diag *d)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = -1;

	out->jobs = NULL;
	out->n = 0;
	if (read_input(path, &sb, d) == 0)
		rc = feed_parse(strbuf_str(&sb), sb.len, out, d);
	strbuf_release(&sb);
	return rc;
}

void feed_release(struct feed *f)
{
	for (size_t i = 0; i < f->n; i++)
		for (size_t k = 0; k < N_FIELDS; k++)
			free(*field_slot(&f->jobs[i], &fields[k]));
	free(f->jobs);
	f->jobs = NULL;
	f->n = 0;
}

/* n digits at s as a number, or -1 */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* HH:MM, then :SS and a fraction if there; the rest of s, or NULL */
static const char *time_of_day(const char *s)
{
	if (digits(s, 2) < 0 || digits(s, 2) > 23 || s[2] != ':' ||
	    digits(s + 3, 2) < 0 || digits(s + 3, 2) > 59)
		return NULL;
	s += 5;
	if (*s == ':') {
		if (digits(s + 1, 2) < 0 || digits(s + 1, 2) > 60)
			return NULL;
		s += 3;
		if (*s == '.' && isdigit((unsigned char)s[1]))
			for (s++; isdigit((unsigned char)*s);)
				s++;
	}
	return s;
}

/* 2027-01-11, then T08:00[:00[.000]] and Z or +01:00 (or +0100) */
static int iso_date(const char *s, char ymd[11])
{
	const char *t;

	if (digits(s, 4) < 0 || s[4] != '-' || digits(s + 5, 2) < 0 ||
	    s[7] != '-' || digits(s + 8, 2) < 0)
		return -1;
	memcpy(ymd, s, 10);
	ymd[10] = '\0';
	if (!s[10])
		return 0;
	if (s[10] != 'T' && s[10] != ' ')
		return -1;
	t = time_of_day(s + 11);
	if (!t)
		return -1;
	if (*t == 'Z')
		return t[1] ? -1 : 0;
	if (*t == '+' || *t == '-') {
		if (digits(t + 1, 2) < 0)
			return -1;
		t += 3;
		t += *t == ':';
		return digits(t, 2) >= 0 && !t[2] ? 0 : -1;
	}
	return *t ? -1 : 0;
}

/* RFC 822: [Mon, ]11 Jan 2027 08:00[:00] GMT (or +0100, or a zone name) */
static int rfc822_date(const char *s, char ymd[11])
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	int day, month = 0, year;
	const char *t;

	if (isalpha((unsigned char)s[0])) {
		t = strchr(s, ',');
		if (!t || t - s != 3)
			return -1;
		s = t + 1 + (t[1] == ' ');
	}
	if (!isdigit((unsigned char)*s))
		return -1;
	day = *s++ - '0';
	if (isdigit((unsigned char)*s))
		day = day * 10 + (*s++ - '0');
	if (*s++ != ' ')
		return -1;
	for (int m = 0; m < 12 && !month; m++)
		if (strncmp(s, months + 3 * m, 3) == 0)
			month = m + 1;
	if (!month || s[3] != ' ' || (year = digits(s + 4, 4)) < 0 ||
	    s[8] != ' ')
		return -1;
	t = time_of_day(s + 9);
	if (!t || *t++ != ' ' || !*t)
		return -1;
	for (; *t; t++)
		if (!isalnum((unsigned char)*t) && *t != '+' && *t != '-')
			return -1;
	memcpy(ymd, s + 4, 4);
	ymd[4] = '-';
	ymd[5] = (char)('0' + month / 10);
	ymd[6] = (char)('0' + month % 10);
	ymd[7] = '-';
	ymd[8] = (char)('0' + day / 10);
	ymd[9] = (char)('0' + day % 10);
	ymd[10] = '\0';
	return 0;
}

int feed_date(const char *s, char ymd[11])
{
	char v[11];

	ymd[0] = '\0';
	if (iso_date(s, v) < 0 && rfc822_date(s, v) < 0)
		return -1;
	if (!date_valid(v))
		return -1;
	memcpy(ymd, v, 11);
	return 0;
}

/* the character references feeds use most, by name */
static const struct named_char {
	const char *name;
	unsigned code;
} named_chars[] = {
	{ "amp", '&' },      { "lt", '<' },       { "gt", '>' },
	{ "quot", '"' },     { "apos", '\'' },    { "nbsp", ' ' },
	{ "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 },
	{ "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201c },
	{ "rdquo", 0x201d }, { "laquo", 0xab },   { "raquo", 0xbb },
	{ "bull", 0x2022 },  { "middot", 0xb7 },  { "euro", 0x20ac },
	{ "copy", 0xa9 },    { "aring", 0xe5 },   { "Aring", 0xc5 },
	{ "auml", 0xe4 },    { "Auml", 0xc4 },    { "ouml", 0xf6 },
	{ "Ouml", 0xd6 },    { "oslash", 0xf8 },  { "Oslash", 0xd8 },
	{ "aelig", 0xe6 },   { "AElig", 0xc6 },   { "uuml", 0xfc },
	{ "Uuml", 0xdc },    { "eacute", 0xe9 },  { "Eacute", 0xc9 },
};

static void add_utf8(struct strbuf *sb, unsigned c)
{
	if (c < 0x80) {
		strbuf_addch(sb, (int)c);
	} else if (c < 0x800) {
		strbuf_addch(sb, (int)(0xc0 | c >> 6));
		strbuf_addch(sb, (int)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		strbuf_addch(sb, (int)(0xe0 | c >> 12));
		strbuf_addch(sb, (int)(0x80 | (c >> 6 & 0x3f)));
		strbuf_addch(sb, (int)(0x80 | (c & 0x3f)));
	} else {
		strbuf_addch(sb, (int)(0xf0 | c >> 18));
		strbuf_addch(sb, (int)(0x80 | (c >> 12 & 0x3f)));
		strbuf_addch(sb, (int)(0x80 | (c >> 6 & 0x3f)));
		strbuf_addch(sb, (int)(0x80 | (c & 0x3f)));
	}
}

/*
 * The character reference at s (s[0] is '&'): its character into sb
 * and the bytes it took, or 0 when it is none jobmix knows. Control
 * characters and code points that are not characters become a space.
 */
static size_t char_ref(const char *s, struct strbuf *sb)
{
	const char *end = strchr(s, ';');
	size_t n = end ? (size_t)(end - s) : 0;
	unsigned long c = 0;

	if (n < 3 || n > 10)
		return 0;
	if (s[1] == '#') {
		bool hex = s[2] == 'x' || s[2] == 'X';
		const char *p = s + 2 + hex;

		if (p == end)
			return 0;
		for (; p < end; p++) {
			int v = hex && isxdigit((unsigned char)*p)
					? (isdigit((unsigned char)*p)
						   ? *p - '0'
						   : (tolower((
							      unsigned char)*p) -
						      'a' + 10))
				: isdigit((unsigned char)*p) ? *p - '0'
							     : -1;
			if (v < 0)
				return 0;
			c = c * (hex ? 16 : 10) + (unsigned long)v;
			if (c > 0x10ffff)
				c = 0x110000;
		}
	} else {
		for (size_t i = 0; i < ARRAY_SIZE(named_chars) && !c; i++)
			if (strlen(named_chars[i].name) == n - 1 &&
			    strncmp(s + 1, named_chars[i].name, n - 1) == 0)
				c = named_chars[i].code;
		if (!c)
			return 0;
	}
	if (c < 0x20 || (c >= 0x7f && c < 0xa0) ||
	    (c >= 0xd800 && c < 0xe000) || c > 0x10ffff)
		c = ' ';
	add_utf8(sb, (unsigned)c);
	return n + 1;
}

/* tags that end a paragraph, and those that end a line */
static const char *const para_tags[] = {
	"p",          "div",     "ul",      "ol",     "table",  "h1",
	"h2",         "h3",      "h4",      "h5",     "h6",     "hr",
	"blockquote", "section", "article", "header", "footer",
};
static const char *const line_tags[] = { "br", "tr", "dt", "dd" };

static bool in_list(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

/* after "<!--" or the content of <script>/<style>: past its end */
static const char *skip_past(const char *s, const char *end)
{
	const char *p = strstr(s, end);

	return p ? p + strlen(end) : s + strlen(s);
}

static const char *skip_raw(const char *s, const char *name)
{
	for (;;) {
		const char *p = strstr(s, "</");

		if (!p)
			return s + strlen(s);
		if (strncasecmp(p + 2, name, strlen(name)) == 0)
			return skip_past(p, ">");
		s = p + 2;
	}
}

/*
 * The tag at s (s[0] is '<'): what it stands for into sb ('\n' for a
 * line break, "\n\n" for a paragraph, "\n- " for a list item) and the
 * rest of the text after it.
 */
static const char *tag(const char *s, struct strbuf *sb)
{
	char name[16];
	size_t n = 0;
	bool closing = s[1] == '/';
	const char *p = s + 1 + closing;

	if (strncmp(s, "<!--", 4) == 0)
		return skip_past(s + 4, "-->");
	while (isalnum((unsigned char)*p) && n < sizeof(name) - 1)
		name[n++] = (char)tolower((unsigned char)*p++);
	name[n] = '\0';
	p = skip_past(p, ">");
	if (!closing && (!strcmp(name, "script") || !strcmp(name, "style")))
		return skip_raw(p, name);
	if (!strcmp(name, "li")) {
		if (!closing)
			strbuf_addstr(sb, "\n- ");
	} else if (in_list(name, para_tags, ARRAY_SIZE(para_tags)))
		strbuf_addstr(sb, "\n\n");
	else if (in_list(name, line_tags, ARRAY_SIZE(line_tags)))
		strbuf_addch(sb, '\n');
	return p;
}

/* does s look like HTML: has it a tag (or a comment) */
static bool looks_like_html(const char *s)
{
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<'))
		if (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!')
			return true;
	return false;
}

/*
 * Fold the white space of raw: ' ' runs to one space, none at a
 * line's ends, at most two line breaks in a row, none at either end.
 */
static char *fold(const char *raw)
{
	struct strbuf sb = STRBUF_INIT;
	int breaks = 0;
	bool space = false;

	for (const char *p = raw; *p; p++) {
		if (*p == '\n') {
			breaks++;
			space = false;
		} else if (*p == ' ' || *p == '\t' || *p == '\r') {
			space = true;
		} else {
			if (sb.len && breaks)
				strbuf_addstr(&sb, breaks > 1 ? "\n\n" : "\n");
			else if (sb.len && space)
				strbuf_addch(&sb, ' ');
			breaks = 0;
			space = false;
			strbuf_addch(&sb, *p);
		}
	}
	return strbuf_detach(&sb);
}

char *feed_plain_text(const char *html)
{
	struct strbuf raw = STRBUF_INIT;
	bool is_html = looks_like_html(html);
	const char *s = html;
	char *out;

	while (*s) {
		size_t n;

		if (is_html && *s == '<') {
			s = tag(s, &raw);
		} else if (is_html && *s == '&' && (n = char_ref(s, &raw))) {
			s += n;
		} else {
			/* in HTML a line break in the source is a space */
			strbuf_addch(&raw, is_html && *s == '\n' ? ' ' : *s);
			s++;
		}
	}
	out = fold(strbuf_str(&raw));
	strbuf_release(&raw);
	return out;
}
