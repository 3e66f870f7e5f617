/*
 * token.c - access tokens from the environment or a 0600 file.
 */
#include "token.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "strbuf.h"
#include "usage.h"

/* surrounding blanks and a final newline go; the rest must be printable */
static int clean(const char *platform, const char *where, struct strbuf *t)
{
	size_t b = 0, e = t->len;

	while (b < e && strchr(" \t\r\n", t->buf[b]))
		b++;
	while (e > b && strchr(" \t\r\n", t->buf[e - 1]))
		e--;
	if (b == e) {
		strbuf_reset(t);
		return errorf("%s: the %s token in %s is empty", platform,
			      platform, where);
	}
	for (size_t i = b; i < e; i++) {
		unsigned char c = (unsigned char)t->buf[i];

		if (c <= ' ' || c == 0x7F) {
			strbuf_reset(t);
			return errorf("%s: the token in %s has a space or a "
				      "control character in it; a token is "
				      "one word",
				      platform, where);
		}
	}
	memmove(t->buf, t->buf + b, e - b);
	t->buf[e - b] = '\0';
	t->len = e - b;
	return 0;
}

static int from_env(const char *platform, const char *name, struct strbuf *out)
{
	const char *v = getenv(name);
	struct strbuf where = STRBUF_INIT;
	int rc;

	if (!v || !*v)
		return errorf("%s: the environment variable %s (token_env "
			      "in [%s]) is not set; export the token in it",
			      platform, name, platform);
	if (strlen(v) > TOKEN_MAX)
		return errorf("%s: the token in %s is longer than %d bytes",
			      platform, name, TOKEN_MAX);
	strbuf_addstr(out, v);
	strbuf_addf(&where, "the environment variable %s", name);
	rc = clean(platform, where.buf, out);
	strbuf_release(&where);
	return rc;
}

/* the open file must be ours, regular, and closed to everyone else */
static int check_file(const char *platform, const char *path, int fd)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return errorf("%s: %s: %s", platform, path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return errorf("%s: %s (token_file) is not a regular file",
			      platform, path);
	if (st.st_uid != geteuid())
		return errorf("%s: %s (token_file) belongs to another user; "
			      "a token file must be your own",
			      platform, path);
	if (st.st_mode & 077)
		return errorf("%s: %s (token_file) can be read by others "
			      "(mode %04o); run: chmod 600 %s",
			      platform, path, (unsigned)(st.st_mode & 07777),
			      path);
	if (st.st_size > TOKEN_MAX)
		return errorf("%s: %s (token_file) is longer than %d bytes: "
			      "is it really a token?",
			      platform, path, TOKEN_MAX);
	return 0;
}

static int from_file(const char *platform, const char *path, struct strbuf *out)
{
	char buf[TOKEN_MAX + 1];
	ssize_t n;
	size_t len = 0;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
	struct strbuf where = STRBUF_INIT;
	int rc;

	if (fd < 0)
		return errorf("%s: cannot open %s (token_file): %s%s", platform,
			      path, strerror(errno),
			      errno == ELOOP ? " (a symbolic link is not "
					       "followed; name the file)"
					     : "");
	if (check_file(platform, path, fd)) {
		close(fd);
		return -1;
	}
	while (len < sizeof(buf) &&
	       (n = read(fd, buf + len, sizeof(buf) - len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			return errorf("%s: cannot read %s: %s", platform, path,
				      strerror(errno));
		}
		len += (size_t)n;
	}
	close(fd);
	if (len > TOKEN_MAX)
		return errorf("%s: %s (token_file) is longer than %d bytes",
			      platform, path, TOKEN_MAX);
	strbuf_add(out, buf, len);
	memset(buf, 0, sizeof(buf));
	strbuf_addf(&where, "%s", path);
	rc = clean(platform, where.buf, out);
	strbuf_release(&where);
	return rc;
}

int token_load(const char *platform, const struct platform_config *pc,
	       struct strbuf *out)
{
	int rc;

	strbuf_reset(out);
	if (pc->token_env)
		rc = from_env(platform, pc->token_env, out);
	else if (pc->token_file)
		rc = from_file(platform, pc->token_file, out);
	else
		rc = errorf("%s: no token: set token_env (an environment "
			    "variable) or token_file (a 0600 file) in [%s] of "
			    "the config",
			    platform, platform);
	if (rc) {
		strbuf_reset(out);
		return JM_CONFIG;
	}
	return 0;
}
