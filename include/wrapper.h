/*
 * wrapper - allocation that cannot fail.
 *
 * The x-allocators never return NULL: out of memory ends the process
 * through die() (exit 70). A size of 0 allocates one byte, so a NULL
 * result never means "empty".
 */
#ifndef WRAPPER_H
#define WRAPPER_H

#include <stddef.h>

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

#endif
