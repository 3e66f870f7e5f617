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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "wrapper.h"
#include "number.h"
#include "fileio.h"
#include "planner.h"

void config_init(struct config *cfg)
{
	cfg->path = NULL;
	cfg->channels_path = NULL;
	cfg->has_objective = false;
	cfg->objective = OBJ_APPLICATIONS;
	cfg->segments = PLAN_DEFAULT_SEGMENTS;
	cfg->short_term_weight = -1;
	cfg->mip_gap = PLAN_DEFAULT_MIP_GAP;
	cfg->time_limit_s = 0;
	cfg->max_input_bytes = FILEIO_DEFAULT_LIMIT;
}

void config_release(struct config *cfg)
{
	if (!cfg)
		return;
	free(cfg->path);
	free(cfg->channels_path);
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
	KEY_MAX_INPUT_BYTES,
	N_KEYS
};

/* every key with its section, in enum key_id order */
static const struct {
	const char *section, *name;
} keys[N_KEYS] = {
	[KEY_CHANNELS] = { "planner", "channels" },
	[KEY_OBJECTIVE] = { "planner", "objective" },
	[KEY_SEGMENTS] = { "planner", "segments" },
	[KEY_SHORT_TERM_WEIGHT] = { "planner", "short_term_weight" },
	[KEY_MIP_GAP] = { "planner", "mip_gap" },
	[KEY_TIME_LIMIT] = { "planner", "time_limit" },
	[KEY_MAX_INPUT_BYTES] = { "limits", "max_input_bytes" },
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

/* the whole of s is a finite number (number.h's strict reading) */
static bool parse_number(const char *s, double *out)
{
	return parse_double(s, out) == 0;
}

/* the whole of s is a decimal integer from lo to hi */
static bool parse_whole(const char *s, unsigned long long lo,
			unsigned long long hi, unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static bool parse_int(const char *s, int lo, int hi, int *out)
{
	unsigned long long v;

	if (!parse_whole(s, (unsigned long long)lo, (unsigned long long)hi, &v))
		return false;
	*out = (int)v;
	return true;
}

static int set_objective(struct config *cfg, const char *value, int line,
			 struct diag *d)
{
	struct strbuf expected = STRBUF_INIT;
	enum objective o;

	if (objective_parse(value, &o) == 0) {
		cfg->objective = o;
		cfg->has_objective = true;
		return 0;
	}
	strbuf_addstr(&expected, "one of");
	for (o = OBJ_APPLICATIONS; o <= OBJ_MIN_COST; o++)
		strbuf_addf(&expected, "%s %s", o ? "," : "",
			    objective_name(o));
	bad_value(d, line, "objective", expected.buf, value);
	strbuf_release(&expected);
	return -1;
}

static int set_number(const char *value, double lo, double hi, bool hi_open,
		      double *out)
{
	double x;

	if (!parse_number(value, &x) || x < lo || x > hi ||
	    (hi_open && x == hi))
		return -1;
	*out = x;
	return 0;
}

static int set_key(struct config *cfg, enum key_id id, const char *value,
		   int line, struct diag *d)
{
	const char *key = keys[id].name;
	unsigned long long n;

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
		if (set_number(value, 0, 1, false, &cfg->short_term_weight) < 0)
			return bad_value(d, line, key, "a number from 0 to 1",
					 value);
		return 0;
	case KEY_MIP_GAP:
		if (set_number(value, 0, 1, true, &cfg->mip_gap) < 0)
			return bad_value(d, line, key,
					 "a number from 0 up to (not "
					 "including) 1",
					 value);
		return 0;
	case KEY_TIME_LIMIT:
		if (!parse_int(value, 0, INT_MAX, &cfg->time_limit_s))
			return bad_value(d, line, key,
					 "a whole number of seconds, 0 or more",
					 value);
		return 0;
	case KEY_MAX_INPUT_BYTES:
		if (!parse_whole(value, 1, CONFIG_MAX_INPUT_BYTES, &n) ||
		    n > SIZE_MAX)
			return bad_value(d, line, key,
					 "a whole number of bytes from 1 to "
					 "1099511627776 (1 TiB)",
					 value);
		cfg->max_input_bytes = (size_t)n;
		return 0;
	case N_KEYS:
		break;
	}
	die("config: impossible key %d", (int)id);
}

static bool known_section(const char *section)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (strcmp(section, keys[i].section) == 0)
			return true;
	return false;
}

static int load_key(void *ctx, const char *section, const char *key,
		    const char *value, int line, struct diag *d)
{
	struct loader *ld = ctx;
	size_t id;

	if (*section == '\0') {
		diag_line(d, line,
			  "key '%s' is outside any section (put it under "
			  "[planner] or [limits])",
			  key);
		return -1;
	}
	if (!known_section(section)) {
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
		if (strcmp(section, keys[id].section) == 0 &&
		    strcmp(key, keys[id].name) == 0)
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

/* line of byte i: one more than the line ends before it */
static int line_at(const struct strbuf *sb, size_t i)
{
	int line = 1;

	for (size_t k = 0; k < i; k++)
		line += sb->buf[k] == '\n';
	return line;
}

/* length of the UTF-8 sequence at s[0..n), or 0 if it is not one */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len, k;
	unsigned min, cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, min = 0x80, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, min = 0x800, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, min = 0x10000, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* is the file text? If not, says where it stops being so */
static int check_text(const struct strbuf *sb, struct diag *d)
{
	const unsigned char *s = (const unsigned char *)sb->buf;

	for (size_t i = 0, n; i < sb->len; i += n) {
		n = utf8_len(s + i, sb->len - i);
		if (s[i] == '\0') {
			diag_line(d, line_at(sb, i),
				  "NUL byte in file (is it really text?)");
			return -1;
		}
		if (!n ||
		    (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' &&
		     s[i] != '\r') ||
		    s[i] == 0x7F) {
			diag_line(d, line_at(sb, i),
				  "byte 0x%02X is not text (is it really a "
				  "configuration file?)",
				  s[i]);
			return -1;
		}
	}
	return 0;
}

/* read_file() with the default limit: the config is what sets it */
static int read_config(const char *path, struct strbuf *sb)
{
	size_t limit = read_file_limit;
	int rc, err;

	read_file_limit = FILEIO_DEFAULT_LIMIT;
	rc = read_file(path, sb);
	err = errno;
	read_file_limit = limit;
	errno = err;
	return rc;
}

int config_load(struct config *cfg, const char *path, bool must_exist,
		struct diag *d)
{
	struct strbuf sb = STRBUF_INIT;
	struct loader ld = { 0 };
	int ret;

	if (read_config(path, &sb) < 0) {
		int err = errno;

		strbuf_release(&sb);
		/* only a missing file is fine, not an unreadable one */
		if (!must_exist && (err == ENOENT || err == ENOTDIR))
			return 0;
		if (err == EFBIG)
			diag_line(d, 0,
				  "cannot read: larger than %zu bytes (is it "
				  "really a configuration file?)",
				  FILEIO_DEFAULT_LIMIT);
		else
			diag_line(d, 0, "cannot read: %s", strerror(err));
		d->status = JM_CONFIG;
		return -1;
	}
	free(cfg->path);
	cfg->path = xstrdup(path);
	ret = check_text(&sb, d);
	if (ret == 0) {
		ld.cfg = cfg;
		ret = ini_parse(strbuf_str(&sb), d, load_key, &ld);
	}
	if (ret < 0)
		d->status = JM_CONFIG;
	free(ld.bad_section);
	strbuf_release(&sb);
	return ret;
}
