/*
 * config - the INI configuration file.
 *
 * ini_parse() knows only the syntax and hands every key/value to a
 * callback; config_load() knows the keys. Both report every problem in
 * the file before giving up, so a user fixes a config in one go. A bad
 * config always leads to exit status JM_CONFIG (78).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "wrapper.h"
#include "number.h"
#include "fileio.h"

void config_init(struct config *cfg)
{
	cfg->path = NULL;
	cfg->channels_path = NULL;
	cfg->objective = NULL;
	cfg->segments = 8;
	cfg->short_term_weight = -1;
	cfg->mip_gap = 1e-4;
	cfg->time_limit_s = 0;
}

void config_release(struct config *cfg)
{
	if (!cfg)
		return;
	free(cfg->path);
	free(cfg->channels_path);
	free(cfg->objective);
	config_init(cfg);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* trim s in place: returns the first non-blank, cuts after the last */
static char *trim(char *s)
{
	size_t n;

	while (is_blank(*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	s[n] = '\0';
	return s;
}

/*
 * Strip the quotes of v (which starts with '"') in place, turning \" and
 * \\ into " and \. Any other backslash stays as it is, so a quoted
 * Windows path such as "C:\jobmix\channels.csv" reads as written.
 * Returns NULL, or why the value is malformed.
 */
static const char *unquote(char *v)
{
	char *r = v + 1, *w = v;

	for (;;) {
		if (*r == '\0')
			return "unterminated quoted value (missing '\"')";
		if (*r == '"')
			break;
		if (*r == '\\' && (r[1] == '"' || r[1] == '\\'))
			r++;
		*w++ = *r++;
	}
	if (r[1] != '\0')
		return "text after closing quote";
	*w = '\0';
	return NULL;
}

/* "[name]" in place: returns NULL and sets *name, or why it is bad */
static const char *section_header(char *s, char **name)
{
	char *close = strchr(s, ']');

	if (!close)
		return "unterminated section header (missing ']')";
	if (close[1] != '\0')
		return "text after section header";
	*close = '\0';
	*name = trim(s + 1);
	if (**name == '\0')
		return "empty section name";
	return NULL;
}

int ini_parse(const char *data, struct diag *d,
	      int (*fn)(void *ctx, const char *section, const char *key,
			const char *value, int line, struct diag *d),
	      void *ctx)
{
	char *copy = xstrdup(data);
	char *next = copy;
	const char *section = "";
	/* after a broken header, its keys are skipped, not misfiled */
	bool skip = false;
	int line = 0, ret = 0;

	if (strncmp(next, "\xef\xbb\xbf", 3) == 0)
		next += 3;
	while (next) {
		char *s = next, *nl, *eq, *key, *value, *name;
		const char *why;

		line++;
		nl = strchr(s, '\n');
		if (nl) {
			*nl = '\0';
			next = nl + 1;
		} else {
			next = NULL;
		}
		s = trim(s);
		if (*s == '\0' || *s == '#' || *s == ';')
			continue;

		if (*s == '[') {
			why = section_header(s, &name);
			skip = why != NULL;
			if (why) {
				diag_line(d, line, "%s", why);
				ret = -1;
			} else {
				section = name;
			}
			continue;
		}

		eq = strchr(s, '=');
		if (!eq) {
			diag_line(d, line,
				  "expected 'key = value' or '[section]'");
			ret = -1;
			continue;
		}
		*eq = '\0';
		key = trim(s);
		value = trim(eq + 1);
		if (*key == '\0') {
			diag_line(d, line, "empty key before '='");
			ret = -1;
			continue;
		}
		if (*value == '"') {
			why = unquote(value);
			if (why) {
				diag_line(d, line, "%s: %s", key, why);
				ret = -1;
				continue;
			}
		}
		if (skip)
			continue;
		if (fn(ctx, section, key, value, line, d) < 0)
			ret = -1;
	}
	free(copy);
	return ret;
}

enum key_id {
	KEY_CHANNELS,
	KEY_OBJECTIVE,
	KEY_SEGMENTS,
	KEY_SHORT_TERM_WEIGHT,
	KEY_MIP_GAP,
	KEY_TIME_LIMIT,
	N_KEYS
};

/* the keys of [planner], in enum key_id order */
static const char *const key_names[N_KEYS] = {
	"channels",          "objective", "segments",
	"short_term_weight", "mip_gap",   "time_limit",
};

static const char *const objectives[] = {
	"applications", "hires", "value", "reach", "blend", "min-cost",
};

struct loader {
	struct config *cfg;
	int first_line[N_KEYS]; /* 0 until the key is seen */
	char *bad_section;      /* owned; the unknown section last reported */
};

static int bad_value(struct diag *d, int line, const char *key,
		     const char *expected, const char *value)
{
	if (*value == '\0')
		diag_line(d, line, "%s: expected %s, found an empty value", key,
			  expected);
	else
		diag_line(d, line, "%s: expected %s, found '%s'", key, expected,
			  value);
	return -1;
}

/* the whole of s is a finite number (util.h's strict reading) */
static bool parse_number(const char *s, double *out)
{
	return parse_double(s, out) == 0;
}

/* the whole of s is a decimal integer from lo to hi */
static bool parse_int(const char *s, long lo, long hi, int *out)
{
	char *end;
	long v;

	if (*s == '\0' || is_blank(*s) || *s == '\n')
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

static int set_objective(struct config *cfg, const char *value, int line,
			 struct diag *d)
{
	struct strbuf expected = STRBUF_INIT;

	for (size_t i = 0; i < ARRAY_SIZE(objectives); i++) {
		if (strcmp(value, objectives[i]) == 0) {
			free(cfg->objective);
			cfg->objective = xstrdup(value);
			return 0;
		}
	}
	strbuf_addstr(&expected, "one of");
	for (size_t i = 0; i < ARRAY_SIZE(objectives); i++)
		strbuf_addf(&expected, "%s %s", i ? "," : "", objectives[i]);
	bad_value(d, line, "objective", expected.buf, value);
	strbuf_release(&expected);
	return -1;
}

static int set_key(struct config *cfg, enum key_id id, const char *value,
		   int line, struct diag *d)
{
	const char *key = key_names[id];
	double x;

	switch (id) {
	case KEY_CHANNELS:
		if (*value == '\0')
			return bad_value(d, line, key, "a file path", value);
		free(cfg->channels_path);
		cfg->channels_path = xstrdup(value);
		return 0;
	case KEY_OBJECTIVE:
		return set_objective(cfg, value, line, d);
	case KEY_SEGMENTS:
		if (!parse_int(value, 2, 64, &cfg->segments))
			return bad_value(d, line, key,
					 "an integer from 2 to 64", value);
		return 0;
	case KEY_SHORT_TERM_WEIGHT:
		if (!parse_number(value, &x) || x < 0 || x > 1)
			return bad_value(d, line, key, "a number from 0 to 1",
					 value);
		cfg->short_term_weight = x;
		return 0;
	case KEY_MIP_GAP:
		if (!parse_number(value, &x) || x < 0 || x >= 1)
			return bad_value(d, line, key,
					 "a number from 0 up to (not "
					 "including) 1",
					 value);
		cfg->mip_gap = x;
		return 0;
	case KEY_TIME_LIMIT:
		if (!parse_int(value, 0, INT_MAX, &cfg->time_limit_s))
			return bad_value(d, line, key,
					 "a whole number of seconds, 0 or more",
					 value);
		return 0;
	case N_KEYS:
		break;
	}
	die("config: impossible key %d", (int)id);
}

static int load_key(void *ctx, const char *section, const char *key,
		    const char *value, int line, struct diag *d)
{
	struct loader *ld = ctx;
	size_t id;

	if (*section == '\0') {
		diag_line(d, line,
			  "key '%s' is outside any section (put it under "
			  "[planner])",
			  key);
		return -1;
	}
	if (strcmp(section, "planner") != 0) {
		/* one report per section, not one per key in it */
		if (ld->bad_section && strcmp(ld->bad_section, section) == 0)
			return -1;
		free(ld->bad_section);
		ld->bad_section = xstrdup(section);
		diag_line(d, line, "unknown section '[%s]'", section);
		return -1;
	}
	free(ld->bad_section);
	ld->bad_section = NULL;

	for (id = 0; id < N_KEYS; id++)
		if (strcmp(key, key_names[id]) == 0)
			break;
	if (id == N_KEYS) {
		diag_line(d, line, "unknown key '%s' in [%s]", key, section);
		return -1;
	}
	if (ld->first_line[id]) {
		diag_line(d, line, "duplicate key '%s' (first set on line %d)",
			  key, ld->first_line[id]);
		return -1;
	}
	ld->first_line[id] = line;
	return set_key(ld->cfg, (enum key_id)id, value, line, d);
}

int config_load(struct config *cfg, const char *path, bool must_exist,
		struct diag *d)
{
	struct strbuf sb = STRBUF_INIT;
	struct loader ld = { 0 };
	size_t text_len;
	int ret;

	if (read_file(path, &sb) < 0) {
		int err = errno;

		strbuf_release(&sb);
		/* only a missing file is fine, not an unreadable one */
		if (!must_exist && (err == ENOENT || err == ENOTDIR))
			return 0;
		diag_line(d, 0, "cannot read: %s", strerror(err));
		d->status = JM_CONFIG;
		return -1;
	}
	free(cfg->path);
	cfg->path = xstrdup(path);

	text_len = strlen(strbuf_str(&sb));
	if (text_len != sb.len) {
		int line = 1;

		for (size_t i = 0; i < text_len; i++)
			if (sb.buf[i] == '\n')
				line++;
		diag_line(d, line, "NUL byte in file (is it really text?)");
		ret = -1;
	} else {
		ld.cfg = cfg;
		ret = ini_parse(strbuf_str(&sb), d, load_key, &ld);
	}
	if (ret < 0)
		d->status = JM_CONFIG;
	free(ld.bad_section);
	strbuf_release(&sb);
	return ret;
}
