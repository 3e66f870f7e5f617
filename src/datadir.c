/*
 * The data-file lookup shared by the subcommands: a file named on the
 * command line wins, then the config, then the usual places on disk.
 */
#include "datadir.h"

#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>

#include "strbuf.h"
#include "wrapper.h"

#ifndef JOBMIX_DATADIR
#define JOBMIX_DATADIR "/usr/local/share/jobmix"
#endif

#define CATALOGUE_NAME    "channels.csv"
#define CATALOGUE_DEFAULT "audiences/" CATALOGUE_NAME

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* name beside the file at path, if path has a folder and it exists */
static char *beside(const char *path, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const char *slash = path ? strrchr(path, '/') : NULL;

	if (!slash)
		return NULL;
	strbuf_add(&sb, path, (size_t)(slash - path) + 1);
	strbuf_addstr(&sb, name);
	if (exists(sb.buf))
		return strbuf_detach(&sb);
	strbuf_release(&sb);
	return NULL;
}

char *datadir_catalogue_path(const char *explicit_path, const char *configured,
			     const char *audience_path)
{
	char *found;

	if (explicit_path)
		return xstrdup(explicit_path);
	if (configured)
		return xstrdup(configured);
	if (exists(CATALOGUE_DEFAULT))
		return xstrdup(CATALOGUE_DEFAULT);
	found = beside(audience_path, CATALOGUE_NAME);
	if (found)
		return found;
	if (exists(JOBMIX_DATADIR "/" CATALOGUE_NAME))
		return xstrdup(JOBMIX_DATADIR "/" CATALOGUE_NAME);
	return xstrdup(CATALOGUE_DEFAULT);
}

char *datadir_report_path(const char *configured, const char *name)
{
	struct strbuf local = STRBUF_INIT, installed = STRBUF_INIT;

	if (configured)
		return xstrdup(configured);
	strbuf_addf(&local, "reports/%s", name);
	strbuf_addf(&installed, "%s/reports/%s", JOBMIX_DATADIR, name);
	if (!exists(local.buf) && exists(installed.buf)) {
		strbuf_release(&local);
		return strbuf_detach(&installed);
	}
	strbuf_release(&installed);
	return strbuf_detach(&local);
}
