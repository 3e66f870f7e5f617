/*
 * tests/unit/test_token.c - tokens come from the environment or a file
 * only its owner can read, and no message ever quotes one.
 */
#include "token.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "strbuf.h"
#include "test.h"
#include "usage.h"

#define SECRET "EAAB-s3cr3t-token-0123456789"

static char dir[] = "/tmp/jobmix-test-token-XXXXXX";
static char errpath[64];
static int saved_stderr;

static const char *in_dir(const char *name)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

static void write_token(const char *name, const char *text, mode_t mode)
{
	const char *p = in_dir(name);
	FILE *f;

	unlink(p);
	f = fopen(p, "w");
	fputs(text, f);
	fclose(f);
	chmod(p, mode);
}

/* stderr into a file while token_load runs; what it said into said */
static int load(struct platform_config *pc, struct strbuf *tok,
		struct strbuf *said)
{
	int rc;
	FILE *f;
	char buf[1024];
	size_t n;

	fflush(stderr);
	freopen(errpath, "w", stderr);
	rc = token_load("meta", pc, tok);
	fflush(stderr);
	dup2(saved_stderr, 2);
	strbuf_reset(said);
	f = fopen(errpath, "r");
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(said, buf, n);
	fclose(f);
	return rc;
}

#define CHECK_REFUSED(pc, want)                            \
	do {                                               \
		CHECK(load(pc, &tok, &said) == JM_CONFIG); \
		CHECK_HAS(said.buf, want);                 \
		CHECK(strstr(said.buf, SECRET) == NULL);   \
		CHECK(tok.len == 0);                       \
	} while (0)

static void reads_the_environment(void)
{
	struct platform_config pc = { 0 };
	struct strbuf tok = STRBUF_INIT, said = STRBUF_INIT;

	pc.token_env = (char *)"JOBMIX_TEST_TOKEN";
	setenv("JOBMIX_TEST_TOKEN", " " SECRET "\n", 1);
	CHECK(load(&pc, &tok, &said) == 0);
	CHECK_STR(tok.buf, SECRET);
	CHECK(said.len == 0);
	unsetenv("JOBMIX_TEST_TOKEN");
	CHECK_REFUSED(&pc, "the environment variable JOBMIX_TEST_TOKEN "
			   "(token_env in [meta]) is not set");
	setenv("JOBMIX_TEST_TOKEN", "EAAB s3cr3t", 1);
	CHECK_REFUSED(&pc, "has a space or a control character in it");
	setenv("JOBMIX_TEST_TOKEN", " \n", 1);
	CHECK_REFUSED(&pc, "is empty");
	pc.token_env = NULL;
	CHECK_REFUSED(&pc, "no token: set token_env");
	strbuf_release(&tok);
	strbuf_release(&said);
}

static void reads_a_private_file(void)
{
	struct platform_config pc = { 0 };
	struct strbuf tok = STRBUF_INIT, said = STRBUF_INIT;
	char path[128];

	snprintf(path, sizeof(path), "%s", in_dir("meta.token"));
	pc.token_file = path;
	write_token("meta.token", SECRET "\n", 0600);
	CHECK(load(&pc, &tok, &said) == 0);
	CHECK_STR(tok.buf, SECRET);
	chmod(path, 0400);
	CHECK(load(&pc, &tok, &said) == 0);
	/* readable by the group or the world: refused, with the fix */
	chmod(path, 0640);
	CHECK_REFUSED(&pc, "can be read by others (mode 0640); run: chmod 600");
	chmod(path, 0604);
	CHECK_REFUSED(&pc, "(mode 0604)");
	/* a symbolic link is not followed */
	symlink(path, in_dir("link.token"));
	chmod(path, 0600);
	snprintf(path, sizeof(path), "%s", in_dir("link.token"));
	CHECK_REFUSED(&pc, "a symbolic link is not followed");
	snprintf(path, sizeof(path), "%s", dir);
	CHECK_REFUSED(&pc, "is not a regular file");
	snprintf(path, sizeof(path), "%s", in_dir("missing.token"));
	CHECK_REFUSED(&pc, "cannot open");
	write_token("empty.token", "\n\n", 0600);
	snprintf(path, sizeof(path), "%s", in_dir("empty.token"));
	CHECK_REFUSED(&pc, "is empty");
	write_token("two.token", SECRET "\n" SECRET "\n", 0600);
	snprintf(path, sizeof(path), "%s", in_dir("two.token"));
	CHECK_REFUSED(&pc, "a token is one word");
	strbuf_release(&tok);
	strbuf_release(&said);
}

int main(void)
{
	char cmd[128];

	if (!mkdtemp(dir))
		return 1;
	snprintf(errpath, sizeof(errpath), "%s/stderr", dir);
	saved_stderr = dup(2);
	reads_the_environment();
	reads_a_private_file();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return test_done();
}
