/*
 * tests/fuzz/fuzz_config.c - config_load() on any bytes.
 *
 * The keys are checked in config.c's own callback, reachable only
 * through config_load(), which reads a file: each input is written to
 * one temporary file, made once and removed at exit.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static char path[] = "/tmp/jobmix-fuzz-config-XXXXXX";
static int fd = -1;
static struct strbuf cap;

int LLVMFuzzerInitialize(int *argc, char ***argv);

static void remove_temp(void)
{
	unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fd = mkstemp(path);
	if (fd < 0) {
		perror("fuzz_config: mkstemp");
		abort();
	}
	atexit(remove_temp);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	struct diag d;

	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	fuzz_diag(&d, "config.ini", &cap);
	config_init(&cfg);
	config_load(&cfg, path, true, &d);
	config_release(&cfg);
	return 0;
}
