/*
 * strbuf - a growable string.
 *
 * struct strbuf is always NUL-terminated once added to; a zeroed or
 * STRBUF_INIT buffer is valid and empty. strbuf_release() frees and
 * re-initialises; strbuf_detach() hands the buffer to the caller, who
 * frees it with free(). Text is built by appending to the caller's
 * buffer: no function of jobmix hands out static text that a later
 * call overwrites.
 */
#ifndef STRBUF_H
#define STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "usage.h"

struct strbuf {
	size_t len;
	size_t alloc;
	char *buf; /* owned; never NULL after the first add */
};

#define STRBUF_INIT        \
	{                  \
		0, 0, NULL \
	}

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
/* s percent-encoded: only RFC 3986's unreserved A-Z a-z 0-9 - . _ ~ stay */
void strbuf_addstr_urlencoded(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) ATTR_PRINTF(2, 3);
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	ATTR_PRINTF(2, 0);
/* the contents, or "" for a buffer never added to */
const char *strbuf_str(const struct strbuf *sb);

/*
 * A list of owned strings, for notes and reasons: strlist_addf()
 * appends a formatted sentence.
 */
struct strvec {
	char **item; /* owned, each owned */
	size_t n, alloc;
};

void strvec_addf(struct strvec *v, const char *fmt, ...) ATTR_PRINTF(2, 3);
void strvec_vaddf(struct strvec *v, const char *fmt, va_list ap)
	ATTR_PRINTF(2, 0);
void strvec_clear(struct strvec *v);

#endif
