/*
 * fileio - whole-file reads with a size limit, and atomic writes.
 *
 * Every input jobmix reads goes through read_file(), which stops at
 * read_file_limit bytes: /dev/zero or a runaway pipe is an error after
 * a bounded read, not a process that eats the machine. The limit
 * defaults to FILEIO_DEFAULT_LIMIT and is set from the config's
 * [limits] max_input_bytes.
 */
#ifndef FILEIO_H
#define FILEIO_H

#include <stddef.h>

struct diag;
struct strbuf;

#define FILEIO_DEFAULT_LIMIT ((size_t)64 << 20) /* 64 MiB */

/* the most bytes read_file() takes from one file; 0: no limit */
extern size_t read_file_limit;

/*
 * Read a whole file into out; 0, or -1 with errno set (EFBIG when the
 * file is larger than read_file_limit; out then holds a prefix).
 */
int read_file(const char *path, struct strbuf *out);
/* strerror(err), with a sentence of jobmix's own for EFBIG */
const char *read_file_strerror(int err);

/*
 * read_file() for an input that must exist: on failure report
 * "file: error: cannot read: ..." through d, set d->status (66 when
 * the file cannot be opened, 74 on a read error, 65 when it is over
 * the limit) and return -1.
 */
int read_input(const char *path, struct strbuf *out, struct diag *d);

/*
 * Write len bytes to path through a temporary file in the same folder
 * and a rename, so readers see the old file or the new one, never a
 * half-written one. 0, or -1 with errno set (nothing is left behind).
 * A path that names a device or pipe is written in place.
 */
int write_file_atomic(const char *path, const char *data, size_t len);

/*
 * A temporary file beside path (in TMPDIR when path is a device) for
 * a writer that needs a file name (the solver's model exports):
 * open_temp_beside() fills tmp with the name and returns 0; commit_temp()
 * renames it over path (or, for a device, copies it in place) and removes the
 * temporary; discard_temp() only removes it. Both return 0, or -1 with errno
 * set.
 */
int open_temp_beside(const char *path, struct strbuf *tmp);
int commit_temp(const char *tmp, const char *path);
void discard_temp(const char *tmp);

/* remove path if it is a regular file; a device or pipe stays */
void remove_regular(const char *path);

/* do a and b name the same existing file (same device and inode)? */
int same_file(const char *a, const char *b);

#endif
