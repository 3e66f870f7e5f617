#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "strbuf.h"
#include "wrapper.h"

size_t read_file_limit = FILEIO_DEFAULT_LIMIT;

int read_file(const char *path, struct strbuf *out)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	struct stat st;
	size_t n;
	int saved;

	if (!f)
		return -1;
	/* a regular file says its size: refuse a big one before reading */
	if (read_file_limit && fstat(fileno(f), &st) == 0 &&
	    S_ISREG(st.st_mode) && (size_t)st.st_size > read_file_limit) {
		fclose(f);
		errno = EFBIG;
		return -1;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		errno = EISDIR;
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (read_file_limit && out->len + n > read_file_limit) {
			fclose(f);
			errno = EFBIG;
			return -1;
		}
		strbuf_add(out, chunk, n);
	}
	if (ferror(f)) {
		saved = errno ? errno : EIO;
		fclose(f);
		errno = saved;
		return -1;
	}
	fclose(f);
	strbuf_grow(out, 0);
	return 0;
}

const char *read_file_strerror(int err)
{
	if (err == EFBIG)
		return "the file is larger than the input limit "
		       "([limits] max_input_bytes in the config)";
	return strerror(err);
}

int read_input(const char *path, struct strbuf *out, struct diag *d)
{
	int err;

	if (read_file(path, out) == 0)
		return 0;
	err = errno;
	if (err == EFBIG)
		diag_line(d, 0, "cannot read: %s, %zu bytes",
			  read_file_strerror(err), read_file_limit);
	else
		diag_line(d, 0, "cannot read: %s", strerror(err));
	if (err == EFBIG)
		d->status = JM_DATAERR;
	else if (err == EIO)
		d->status = JM_IOERR;
	else
		d->status = JM_NOINPUT;
	return -1;
}
static int write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;

	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)n;
	}
	return 0;
}

static int write_in_place(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY), saved;

	if (fd < 0)
		return -1;
	if (write_all(fd, data, len) < 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return close(fd);
}

int write_file_atomic(const char *path, const char *data, size_t len)
{
	struct strbuf tmp = STRBUF_INIT;
	struct stat st;
	mode_t mask;
	int fd, saved;

	/*
	 * Only a regular file (or none yet) is replaced by rename; a
	 * device or pipe such as /dev/null or /dev/stdout is written in
	 * place, or the rename would put a plain file where it was.
	 */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		strbuf_release(&tmp);
		return write_in_place(path, data, len);
	}
	strbuf_addf(&tmp, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		strbuf_release(&tmp);
		return -1;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) < 0)
		goto fail;
	if (write_all(fd, data, len) < 0)
		goto fail;
	if (fsync(fd) < 0 || close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp.buf, path) < 0)
		goto fail;
	strbuf_release(&tmp);
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
	strbuf_release(&tmp);
	errno = saved;
	return -1;
}

int open_temp_beside(const char *path, struct strbuf *tmp)
{
	struct stat st;
	const char *dir = getenv("TMPDIR");
	int fd;

	strbuf_reset(tmp);
	/* a device is written in place later: its temporary goes to TMPDIR */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		strbuf_addf(tmp, "%s/jobmix.tmpXXXXXX",
			    dir && *dir ? dir : "/tmp");
	else
		strbuf_addf(tmp, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp->buf);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

void discard_temp(const char *tmp)
{
	unlink(tmp);
}

int commit_temp(const char *tmp, const char *path)
{
	struct strbuf data = STRBUF_INIT;
	struct stat st;
	mode_t mask;
	size_t limit = read_file_limit;
	int rc, saved;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		read_file_limit = 0; /* our own output: no input limit */
		rc = read_file(tmp, &data);
		read_file_limit = limit;
		if (rc == 0)
			rc = write_in_place(path, strbuf_str(&data), data.len);
		saved = errno;
		strbuf_release(&data);
		unlink(tmp);
		errno = saved;
		return rc;
	}
	mask = umask(0);
	umask(mask);
	if (chmod(tmp, 0666 & ~mask) < 0 || rename(tmp, path) < 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		return -1;
	}
	return 0;
}

void remove_regular(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
		unlink(path);
}

int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (stat(a, &sa) < 0 || stat(b, &sb) < 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
