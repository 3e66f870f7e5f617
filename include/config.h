/*
 * config - the INI configuration file (config.example.ini documents it).
 *
 * Syntax: "[section]" headers, "key = value" lines, "#" or ";" comment
 * lines, blank lines; values may be double-quoted. Unknown sections or
 * keys, duplicate keys and bad values are errors reported as
 * "file:line: error: ..." and make config_load() return -1. A missing
 * file is an error only when must_exist is set (an explicit --config);
 * otherwise the defaults stand. struct config owns its strings.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include <stdbool.h>

struct diag;

struct config {
	char *path;               /* owned; the file read, or NULL */
	char *channels_path;      /* [planner] channels; owned, may be NULL */
	char *objective;          /* [planner] objective; owned, may be NULL */
	int segments;             /* [planner] segments, 2..64; default 8 */
	double short_term_weight; /* [planner] short_term_weight; -1 unset */
	double mip_gap;           /* [planner] mip_gap, [0,1); default 1e-4 */
	int time_limit_s;         /* [planner] time_limit, s; 0 none */
};

void config_init(struct config *cfg);
int config_load(struct config *cfg, const char *path, bool must_exist,
		struct diag *d);
void config_release(struct config *cfg);

/*
 * The generic INI reader under config_load(): calls fn for every
 * key/value with its section ("" before any header) and line. fn
 * returns 0 to go on, -1 to count an error (it reports it itself).
 * Returns 0 if the file read cleanly and every fn call returned 0.
 */
int ini_parse(const char *data, struct diag *d,
	      int (*fn)(void *ctx, const char *section, const char *key,
			const char *value, int line, struct diag *d),
	      void *ctx);

#endif
