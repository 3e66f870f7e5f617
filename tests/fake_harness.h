/*
 * tests/fake_harness.h - a Python fake of tests/fake started on
 * 127.0.0.1 for a C unit test, and the requests it logged read back:
 * what test_http.c and test_push.c share. The fake writes its port to
 * a file once it listens and logs each request as a JSON line.
 */
#ifndef FAKE_HARNESS_H
#define FAKE_HARNESS_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "json.h"
#include "strbuf.h"
#include "usage.h"

struct fake {
	pid_t pid;
	int port;
	char dir[64];
	char url[64]; /* http://127.0.0.1:PORT */
	struct json_value *log[64];
	size_t n_log;
};

static void path_in(const struct fake *f, const char *name, char *out,
		    size_t size)
{
	snprintf(out, size, "%s/%s", f->dir, name);
}

/* wait for the fake's port file, up to 5 s; 0 once it has a port */
static int fake_wait_port(struct fake *f, const char *port_file)
{
	struct strbuf sb = STRBUF_INIT;

	for (int i = 0; i < 100 && !f->port; i++) {
		struct timespec ts = { 0, 50 * 1000000L };

		strbuf_reset(&sb);
		if (read_file(port_file, &sb) == 0 && sb.len)
			f->port = atoi(sb.buf);
		else
			nanosleep(&ts, NULL);
	}
	strbuf_release(&sb);
	snprintf(f->url, sizeof(f->url), "http://127.0.0.1:%d", f->port);
	return f->port ? 0 : -1;
}

/*
 * Start the fake program py with args, then extra (both
 * NULL-terminated, either NULL) and, if script is not NULL, that JSON
 * script; 0 once it has written its port.
 */
static int fake_run(struct fake *f, const char *py, const char *script,
		    const char *const *args, const char *const *extra)
{
	char port_file[96], log_file[96], script_file[96];
	const char *argv[40];
	size_t n = 0;

	memset(f, 0, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "/tmp/jobmix-http-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	path_in(f, "port", port_file, sizeof(port_file));
	path_in(f, "log", log_file, sizeof(log_file));
	path_in(f, "script", script_file, sizeof(script_file));
	argv[n++] = "python3";
	argv[n++] = py;
	argv[n++] = "--port-file";
	argv[n++] = port_file;
	argv[n++] = "--log";
	argv[n++] = log_file;
	if (script) {
		FILE *s = fopen(script_file, "w");

		if (!s)
			return -1;
		fputs(script, s);
		fclose(s);
		argv[n++] = "--script";
		argv[n++] = script_file;
	}
	for (size_t i = 0; args && args[i] && n < ARRAY_SIZE(argv) - 3; i++)
		argv[n++] = args[i];
	for (size_t i = 0; extra && extra[i] && n < ARRAY_SIZE(argv) - 1; i++)
		argv[n++] = extra[i];
	argv[n] = NULL;
	fflush(stdout);
	f->pid = fork();
	if (f->pid < 0)
		return -1;
	if (f->pid == 0) {
		execvp("python3", (char *const *)argv);
		_exit(127);
	}
	return fake_wait_port(f, port_file);
}

/* read the requests the fake logged into f->log; their number */
static size_t fake_log(struct fake *f)
{
	char log_file[96];
	struct strbuf sb = STRBUF_INIT, cap = STRBUF_INIT;
	char *line, *next;
	struct diag d;

	for (size_t i = 0; i < f->n_log; i++)
		json_free(f->log[i]);
	f->n_log = 0;
	path_in(f, "log", log_file, sizeof(log_file));
	if (read_file(log_file, &sb) < 0 || !sb.len) {
		strbuf_release(&sb);
		return 0;
	}
	diag_init(&d, "log");
	d.capture = &cap;
	for (line = sb.buf; *line && f->n_log < ARRAY_SIZE(f->log);
	     line = next) {
		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (json_parse(line, (size_t)(next - line), &d,
			       &f->log[f->n_log]) == 0)
			f->n_log++;
	}
	strbuf_release(&sb);
	strbuf_release(&cap);
	return f->n_log;
}

static const char *logged(const struct fake *f, size_t i, const char *key)
{
	return i < f->n_log ? json_str(json_get(f->log[i], key)) : NULL;
}

static const char *logged_header(const struct fake *f, size_t i,
				 const char *name)
{
	const struct json_value *h;

	if (i >= f->n_log)
		return NULL;
	h = json_get(f->log[i], "headers");
	for (size_t k = 0; k < json_count(h); k++)
		if (strcasecmp(json_key_at(h, k), name) == 0)
			return json_str(json_item(h, k));
	return NULL;
}

static void fake_stop(struct fake *f)
{
	char name[96];
	static const char *const files[] = { "port", "log", "script" };

	if (f->pid > 0) {
		kill(f->pid, SIGTERM);
		waitpid(f->pid, NULL, 0);
	}
	for (size_t i = 0; i < f->n_log; i++)
		json_free(f->log[i]);
	f->n_log = 0;
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		path_in(f, files[i], name, sizeof(name));
		unlink(name);
	}
	rmdir(f->dir);
}

#endif
