#include "diag.h"

#include <stdio.h>
#include <stdlib.h>

int verbosity;

static void vreport(const char *level, const char *fmt, va_list ap)
	ATTR_PRINTF(2, 0);

/*
 * Messages quote input files; a control character in one (an escape
 * sequence in a CSV cell) must not reach the terminal as such.
 */
static void defuse(struct strbuf *sb, size_t from)
{
	for (size_t i = from; i < sb->len; i++)
		if ((unsigned char)sb->buf[i] < 0x20 || sb->buf[i] == 0x7f)
			sb->buf[i] = '?';
}

static void vreport(const char *level, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "jobmix: %s", level);
	strbuf_vaddf(&sb, fmt, ap);
	defuse(&sb, 0);
	fprintf(stderr, "%s\n", sb.buf);
	strbuf_release(&sb);
}

int errorf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("error: ", fmt, ap);
	va_end(ap);
	return -1;
}

void warnf(const char *fmt, ...)
{
	va_list ap;

	if (verbosity < 0)
		return;
	va_start(ap, fmt);
	vreport("warning: ", fmt, ap);
	va_end(ap);
}

void notef(const char *fmt, ...)
{
	va_list ap;

	if (verbosity < 0)
		return;
	va_start(ap, fmt);
	vreport("", fmt, ap);
	va_end(ap);
}

void tracef(const char *fmt, ...)
{
	va_list ap;

	if (verbosity < 1)
		return;
	va_start(ap, fmt);
	vreport("", fmt, ap);
	va_end(ap);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("fatal: ", fmt, ap);
	va_end(ap);
	exit(JM_SOFTWARE);
}

void diag_init(struct diag *d, const char *file)
{
	d->file = file;
	d->n_errors = 0;
	d->n_warnings = 0;
	d->status = JM_DATAERR;
	d->capture = NULL;
}

static void vdiag(struct diag *d, int is_error, const char *where,
		  const char *fmt, va_list ap) ATTR_PRINTF(4, 0);

static void vdiag(struct diag *d, int is_error, const char *where,
		  const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;

	if (is_error)
		d->n_errors++;
	else
		d->n_warnings++;
	if (!is_error && verbosity < 0 && !d->capture)
		return;
	strbuf_addf(&sb, "%s%s: %s: ", d->file, where,
		    is_error ? "error" : "warning");
	strbuf_vaddf(&sb, fmt, ap);
	defuse(&sb, 0);
	if (d->capture) {
		strbuf_addstr(d->capture, sb.buf);
		strbuf_addch(d->capture, '\n');
	} else {
		fprintf(stderr, "%s\n", sb.buf);
	}
	strbuf_release(&sb);
}

static void vdiag_line(struct diag *d, int is_error, int line, int col,
		       const char *fmt, va_list ap) ATTR_PRINTF(5, 0);

static void vdiag_line(struct diag *d, int is_error, int line, int col,
		       const char *fmt, va_list ap)
{
	char where[48] = "";

	if (line > 0 && col > 0)
		snprintf(where, sizeof(where), ":%d:%d", line, col);
	else if (line > 0)
		snprintf(where, sizeof(where), ":%d", line);
	vdiag(d, is_error, where, fmt, ap);
}

void diag_line(struct diag *d, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag_line(d, 1, line, 0, fmt, ap);
	va_end(ap);
}

void diag_pos(struct diag *d, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag_line(d, 1, line, col, fmt, ap);
	va_end(ap);
}

void diag_warn_line(struct diag *d, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag_line(d, 0, line, 0, fmt, ap);
	va_end(ap);
}

static void vdiag_path(struct diag *d, int is_error, const char *path,
		       const char *fmt, va_list ap) ATTR_PRINTF(4, 0);

static void vdiag_path(struct diag *d, int is_error, const char *path,
		       const char *fmt, va_list ap)
{
	struct strbuf where = STRBUF_INIT;

	strbuf_addf(&where, ": %s", path);
	vdiag(d, is_error, where.buf, fmt, ap);
	strbuf_release(&where);
}

void diag_path(struct diag *d, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag_path(d, 1, path, fmt, ap);
	va_end(ap);
}

void diag_warn_path(struct diag *d, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag_path(d, 0, path, fmt, ap);
	va_end(ap);
}
