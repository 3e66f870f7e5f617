/*
 * util - allocation that cannot fail, and a growable string.
 *
 * The x-allocators never return NULL: out of memory ends the process
 * through die() (exit 70). struct strbuf is always NUL-terminated; a
 * zeroed or STRBUF_INIT buffer is valid and empty. strbuf_release()
 * frees and re-initialises; strbuf_detach() hands the buffer to the
 * caller, who frees it with free().
 */
#ifndef UTIL_H
#define UTIL_H

#include <stdarg.h>
#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define ATTR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ATTR_NORETURN     __attribute__((noreturn))
#else
#define ATTR_PRINTF(f, a)
#define ATTR_NORETURN
#endif

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
/* realloc to n elements of size bytes, checking the multiplication */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* grow *arr (of *alloc elements) so that it holds at least n */
#define ALLOC_GROW(arr, n, alloc)                                              \
	do {                                                                   \
		if ((n) > (alloc)) {                                           \
			(alloc) = (alloc) < 8 ? 8 : (alloc);                   \
			while ((alloc) < (n))                                  \
				(alloc) *= 2;                                  \
			(arr) = xreallocarray((arr), (alloc), sizeof(*(arr))); \
		}                                                              \
	} while (0)

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
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) ATTR_PRINTF(2, 3);
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	ATTR_PRINTF(2, 0);
/* the contents, or "" for a buffer never added to */
const char *strbuf_str(const struct strbuf *sb);

/* read a whole file; returns 0, or -1 with errno set */
int read_file(const char *path, struct strbuf *out);

/*
 * Parse the whole of s as a finite decimal number (strtod syntax, no
 * leading or trailing space); 0, or -1 if it is not one.
 */
int parse_double(const char *s, double *out);

/*
 * Write len bytes to path through a temporary file in the same folder
 * and a rename, so readers see the old file or the new one, never a
 * half-written one. 0, or -1 with errno set (nothing is left behind).
 */
int write_file_atomic(const char *path, const char *data, size_t len);

/* monotonic clock in milliseconds, for timing traces */
double now_ms(void);

#endif
