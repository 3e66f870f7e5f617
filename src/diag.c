#include "diag.h"

#include <stdio.h>

void diag_init(struct diag *d, const char *file)
{
	d->file = file;
	d->n_errors = 0;
	d->n_warnings = 0;
	d->max_shown = DIAG_MAX_SHOWN;
	d->status = JM_DATAERR;
	d->capture = NULL;
}

static void emit(struct diag *d, const char *text)
{
	if (d->capture) {
		strbuf_addstr(d->capture, text);
		strbuf_addch(d->capture, '\n');
	} else {
		fprintf(stderr, "%s\n", text);
	}
}

void diag_finish(struct diag *d)
{
	struct strbuf sb = STRBUF_INIT;
	int more = d->n_errors - d->max_shown;

	if (more <= 0)
		return;
	strbuf_addf(&sb, "%s: and %d more error%s", d->file, more,
		    more == 1 ? "" : "s");
	defuse_controls(sb.buf, sb.len);
	emit(d, sb.buf);
	strbuf_release(&sb);
	d->max_shown = d->n_errors; /* said once */
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
	if (is_error ? d->n_errors > d->max_shown
		     : d->n_warnings > d->max_shown)
		return;
	strbuf_addf(&sb, "%s%s: %s: ", d->file, where,
		    is_error ? "error" : "warning");
	strbuf_vaddf(&sb, fmt, ap);
	defuse_controls(sb.buf, sb.len);
	emit(d, sb.buf);
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
