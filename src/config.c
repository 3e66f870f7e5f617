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
#include "usage.h"

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
	memset(cfg->platforms, 0, sizeof(cfg->platforms));
	for (size_t i = 0; i < CONFIG_N_PLATFORMS; i++)
		cfg->platforms[i].lookback_days = -1;
	cfg->store_path = NULL;
	cfg->report_agency = cfg->report_client = cfg->report_accent = NULL;
	cfg->report_logo = cfg->report_stylesheet = cfg->report_frame = NULL;
	cfg->report_dir = NULL;
	memset(cfg->import_headers, 0, sizeof(cfg->import_headers));
	cfg->import_timezone = NULL;
	cfg->sync_timeout_s = CONFIG_SYNC_TIMEOUT;
	cfg->sync_max_wait_s = CONFIG_SYNC_MAX_WAIT;
	cfg->sync_throttle_wait_s = CONFIG_SYNC_THROTTLE_WAIT;
	cfg->sync_max_run_wait_s = CONFIG_SYNC_MAX_RUN_WAIT;
}

void config_release(struct config *cfg)
{
	if (!cfg)
		return;
	free(cfg->path);
	free(cfg->channels_path);
	for (size_t i = 0; i < CONFIG_N_PLATFORMS; i++) {
		struct platform_config *pc = &cfg->platforms[i];

		free(pc->base_url);
		free(pc->api_version);
		free(pc->account_id);
		free(pc->token_env);
		free(pc->token_file);
		free(pc->identity);
		free(pc->image);
		free(pc->accounts);
	}
	free(cfg->store_path);
	free(cfg->report_agency);
	free(cfg->report_client);
	free(cfg->report_accent);
	free(cfg->report_logo);
	free(cfg->report_stylesheet);
	free(cfg->report_frame);
	free(cfg->report_dir);
	for (size_t i = 0; i < IMPORT_N_COLUMNS; i++)
		free(cfg->import_headers[i]);
	free(cfg->import_timezone);
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
	KEY_STORE_PATH,
	KEY_REPORT_AGENCY,
	KEY_REPORT_CLIENT,
	KEY_REPORT_ACCENT,
	KEY_REPORT_LOGO,
	KEY_REPORT_STYLESHEET,
	KEY_REPORT_FRAME,
	KEY_REPORT_DIR,
	KEY_IMPORT_TIMEZONE,
	KEY_SYNC_TIMEOUT,
	KEY_SYNC_MAX_WAIT,
	KEY_SYNC_THROTTLE_WAIT,
	KEY_SYNC_MAX_RUN_WAIT,
	/* one block of N_PLATFORM_KEYS per platform, in enum platform order */
	KEY_PLATFORM_FIRST,
	N_KEYS = KEY_PLATFORM_FIRST + 9 * CONFIG_N_PLATFORMS
};

/* a platform section's keys, in struct platform_config order */
enum platform_key {
	PK_BASE_URL,
	PK_API_VERSION,
	PK_ACCOUNT_ID,
	PK_TOKEN_ENV,
	PK_TOKEN_FILE,
	PK_IDENTITY,
	PK_IMAGE,
	PK_LOOKBACK_DAYS,
	PK_ACCOUNTS,
	N_PLATFORM_KEYS
};

#define PLATFORM_KEYS(first, section)                                       \
	[first + PK_BASE_URL] = { section, "base_url" },                    \
		 [first + PK_API_VERSION] = { section, "api_version" },     \
		 [first + PK_ACCOUNT_ID] = { section, "account_id" },       \
		 [first + PK_TOKEN_ENV] = { section, "token_env" },         \
		 [first + PK_TOKEN_FILE] = { section, "token_file" },       \
		 [first + PK_IDENTITY] = { section, "identity" },           \
		 [first + PK_IMAGE] = { section, "image" },                 \
		 [first + PK_LOOKBACK_DAYS] = { section, "lookback_days" }, \
		 [first + PK_ACCOUNTS] = { section, "accounts" }

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
	[KEY_STORE_PATH] = { "store", "path" },
	[KEY_REPORT_AGENCY] = { "report", "agency" },
	[KEY_REPORT_CLIENT] = { "report", "client" },
	[KEY_REPORT_ACCENT] = { "report", "accent" },
	[KEY_REPORT_LOGO] = { "report", "logo" },
	[KEY_REPORT_STYLESHEET] = { "report", "stylesheet" },
	[KEY_REPORT_FRAME] = { "report", "frame" },
	[KEY_REPORT_DIR] = { "report", "dir" },
	[KEY_IMPORT_TIMEZONE] = { "import", "timezone" },
	[KEY_SYNC_TIMEOUT] = { "sync", "timeout" },
	[KEY_SYNC_MAX_WAIT] = { "sync", "max_wait" },
	[KEY_SYNC_THROTTLE_WAIT] = { "sync", "throttle_wait" },
	[KEY_SYNC_MAX_RUN_WAIT] = { "sync", "max_run_wait" },
	PLATFORM_KEYS(KEY_PLATFORM_FIRST, "meta"),
	PLATFORM_KEYS(KEY_PLATFORM_FIRST + N_PLATFORM_KEYS, "linkedin"),
	PLATFORM_KEYS(KEY_PLATFORM_FIRST + 2 * N_PLATFORM_KEYS, "tiktok"),
};

/* each platform's defaults: ../shared/reference/ad-apis.md section 0 */
static const struct {
	const char *base_url, *api_version;
	const char *version_pattern; /* for messages */
} platform_defaults[CONFIG_N_PLATFORMS] = {
	[PLATFORM_META] = { "https://graph.facebook.com", "v25.0",
			    "vNN.N, e.g. v25.0" },
	[PLATFORM_LINKEDIN] = { "https://api.linkedin.com/rest", "202601",
				"YYYYMM, e.g. 202601" },
	[PLATFORM_TIKTOK] = { "https://business-api.tiktok.com/open_api",
			      "v1.3", "vN.N, e.g. v1.3" },
};

struct loader {
	struct config *cfg;
	int first_line[N_KEYS];            /* 0 until the key is seen */
	int import_line[IMPORT_N_COLUMNS]; /* the same for [import] columns */
	char *bad_section; /* owned; the unknown section last reported */
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

/* plain http only to this machine: a token never crosses a network bare */
static bool url_allowed(const char *v)
{
	static const char *const ok[] = { "https://", "http://127.0.0.1",
					  "http://localhost", "http://[::1]" };

	for (const char *p = v; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7F)
			return false;
	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		size_t n = strlen(ok[i]);

		if (strncmp(v, ok[i], n) == 0)
			return i == 0 ? v[n] != '\0' && v[n] != '/'
				      : v[n] == '\0' || v[n] == ':' ||
						v[n] == '/';
	}
	return false;
}

/* vNN.N (meta, tiktok) or YYYYMM (linkedin) */
static bool version_valid(enum platform p, const char *v)
{
	if (p == PLATFORM_LINKEDIN)
		return strlen(v) == 6 && all_digits(v) && v[4] <= '1' &&
		       !(v[4] == '1' && v[5] > '2') &&
		       !(v[4] == '0' && v[5] == '0');
	if (*v++ != 'v' || *v < '1' || *v > '9')
		return false;
	while (*v >= '0' && *v <= '9')
		v++;
	if (*v++ != '.' || !*v)
		return false;
	return all_digits(v);
}

static bool env_name_valid(const char *v)
{
	if (!((*v >= 'A' && *v <= 'Z') || (*v >= 'a' && *v <= 'z') ||
	      *v == '_'))
		return false;
	for (v++; *v; v++)
		if (!((*v >= 'A' && *v <= 'Z') || (*v >= 'a' && *v <= 'z') ||
		      (*v >= '0' && *v <= '9') || *v == '_'))
			return false;
	return true;
}

/* push's identity and image ids: no spaces, quotes or slashes */
static bool id_valid(const char *v)
{
	size_t n = 0;

	for (; v[n]; n++)
		if (!((v[n] >= 'A' && v[n] <= 'Z') ||
		      (v[n] >= 'a' && v[n] <= 'z') ||
		      (v[n] >= '0' && v[n] <= '9') || strchr("_-.:", v[n])))
			return false;
	return n > 0 && n <= 200;
}

const char *config_account_digits(enum platform p, const char *v)
{
	static const char li[] = "urn:li:sponsoredAccount:";

	if (p == PLATFORM_META && strncmp(v, "act_", 4) == 0)
		v += 4;
	if (p == PLATFORM_LINKEDIN && strncmp(v, li, sizeof(li) - 1) == 0)
		v += sizeof(li) - 1;
	return all_digits(v) && strlen(v) <= 32 ? v : NULL;
}

static void replace(char **slot, const char *v, size_t len)
{
	free(*slot);
	*slot = xstrndup(v, len);
}

/* "1, 2, 3": account ids as account_id takes them, kept as "1,2,3" */
static int set_accounts(enum platform p, struct platform_config *pc,
			const char *key, const char *value, int line,
			struct diag *d)
{
	struct strbuf out = STRBUF_INIT;
	char *copy = xstrdup(value), *save = NULL;
	int n = 0, rc = 0;

	for (char *t = strtok_r(copy, ",", &save); t && !rc;
	     t = strtok_r(NULL, ",", &save)) {
		const char *v = config_account_digits(p, trim(t));

		if (!v || ++n > CONFIG_MAX_ACCOUNTS)
			rc = -1;
		else
			strbuf_addf(&out, "%s%s", out.len ? "," : "", v);
	}
	if (rc || !n)
		rc = bad_value(d, line, key,
			       "ad account ids separated by commas (at most "
			       "100)",
			       value);
	else
		replace(&pc->accounts, out.buf, out.len);
	strbuf_release(&out);
	free(copy);
	return rc;
}

static int set_platform_key(struct config *cfg, enum platform p,
			    enum platform_key k, const char *value, int line,
			    struct diag *d)
{
	struct platform_config *pc = &cfg->platforms[p];
	const char *key =
		keys[KEY_PLATFORM_FIRST + p * N_PLATFORM_KEYS + k].name;
	const char *v = value;
	size_t len = strlen(value);

	switch (k) {
	case PK_BASE_URL:
		if (!url_allowed(value))
			return bad_value(d, line, key,
					 "an https:// URL (plain http only to "
					 "127.0.0.1 or localhost)",
					 value);
		while (len > 0 && value[len - 1] == '/')
			len--;
		replace(&pc->base_url, value, len);
		return 0;
	case PK_API_VERSION:
		if (!version_valid(p, value))
			return bad_value(d, line, key,
					 platform_defaults[p].version_pattern,
					 value);
		replace(&pc->api_version, value, len);
		return 0;
	case PK_ACCOUNT_ID:
		if (!(v = config_account_digits(p, value)))
			return bad_value(d, line, key,
					 p == PLATFORM_META
						 ? "an ad account id: digits, "
						   "or act_ and digits"
						 : "an ad account id: digits",
					 value);
		replace(&pc->account_id, v, strlen(v));
		return 0;
	case PK_TOKEN_ENV:
		if (!env_name_valid(value))
			return bad_value(d, line, key,
					 "the name of an environment variable",
					 value);
		replace(&pc->token_env, value, len);
		return 0;
	case PK_TOKEN_FILE:
		if (!len)
			return bad_value(d, line, key, "a file path", value);
		replace(&pc->token_file, value, len);
		return 0;
	case PK_IDENTITY:
	case PK_IMAGE:
		if (!id_valid(value))
			return bad_value(d, line, key,
					 "an id: letters, digits, '_', '-', "
					 "'.' or ':', at most 200",
					 value);
		replace(k == PK_IDENTITY ? &pc->identity : &pc->image, value,
			len);
		return 0;
	case PK_LOOKBACK_DAYS:
		if (!parse_int(value, 0, CONFIG_MAX_LOOKBACK,
			       &pc->lookback_days))
			return bad_value(d, line, key,
					 "a whole number of days from 0 to 365",
					 value);
		return 0;
	case PK_ACCOUNTS:
		return set_accounts(p, pc, key, value, line, d);
	case N_PLATFORM_KEYS:
		break;
	}
	die("config: impossible platform key %d", (int)k);
}

/* [sync]: whole seconds in a range */
static int set_sync_key(struct config *cfg, enum key_id id, const char *value,
			int line, struct diag *d)
{
	static const struct {
		int lo, hi;
		const char *expected;
	} range[] = {
		{ 1, 3600, "a whole number of seconds from 1 to 3600" },
		{ 0, 86400, "a whole number of seconds from 0 to 86400" },
		{ 0, 3600, "a whole number of seconds from 0 to 3600" },
		{ 0, 86400, "a whole number of seconds from 0 to 86400" },
	};
	int *slot[] = { &cfg->sync_timeout_s, &cfg->sync_max_wait_s,
			&cfg->sync_throttle_wait_s, &cfg->sync_max_run_wait_s };
	int i = (int)(id - KEY_SYNC_TIMEOUT);

	if (!parse_int(value, range[i].lo, range[i].hi, slot[i]))
		return bad_value(d, line, keys[id].name, range[i].expected,
				 value);
	return 0;
}

/* [report]: text, a colour, or a path */
static int set_report_key(struct config *cfg, enum key_id id, const char *value,
			  int line, struct diag *d)
{
	const char *key = keys[id].name;
	size_t len = strlen(value);
	char **slot[] = {
		[KEY_REPORT_AGENCY - KEY_REPORT_AGENCY] = &cfg->report_agency,
		[KEY_REPORT_CLIENT - KEY_REPORT_AGENCY] = &cfg->report_client,
		[KEY_REPORT_ACCENT - KEY_REPORT_AGENCY] = &cfg->report_accent,
		[KEY_REPORT_LOGO - KEY_REPORT_AGENCY] = &cfg->report_logo,
		[KEY_REPORT_STYLESHEET - KEY_REPORT_AGENCY] =
			&cfg->report_stylesheet,
		[KEY_REPORT_FRAME - KEY_REPORT_AGENCY] = &cfg->report_frame,
		[KEY_REPORT_DIR - KEY_REPORT_AGENCY] = &cfg->report_dir,
	};

	if (len == 0)
		return bad_value(d, line, key, "a value", value);
	if (id == KEY_REPORT_ACCENT &&
	    ((len != 4 && len != 7) || value[0] != '#' ||
	     strspn(value + 1, "0123456789abcdefABCDEF") != len - 1))
		return bad_value(d, line, key,
				 "a colour as #rgb or #rrggbb, e.g. #0a7d5a",
				 value);
	replace(slot[id - KEY_REPORT_AGENCY], value, len);
	return 0;
}

/* an IANA zone name: Area/City, letters, digits, '_', '-', '+', '/' */
bool timezone_valid(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > 64 || *v == '/' || v[n - 1] == '/' ||
	    strstr(v, "..") || strstr(v, "//"))
		return false;
	for (; *v; v++)
		if (!((*v >= 'A' && *v <= 'Z') || (*v >= 'a' && *v <= 'z') ||
		      (*v >= '0' && *v <= '9') || strchr("_-+/", *v)))
			return false;
	return true;
}

/* [import] timezone: an IANA name */
static int set_import_timezone(struct config *cfg, const char *value, int line,
			       struct diag *d)
{
	if (!timezone_valid(value))
		return bad_value(d, line, "timezone",
				 "a time zone name such as Europe/Stockholm "
				 "or UTC",
				 value);
	replace(&cfg->import_timezone, value, strlen(value));
	return 0;
}

/* [import] COLUMN = header: the header name a user's exports use */
static int set_import_header(struct config *cfg, int c, int *first_line,
			     const char *key, const char *value, int line,
			     struct diag *d)
{
	if (first_line[c]) {
		diag_line(d, line, "duplicate key '%s' (first set on line %d)",
			  key, first_line[c]);
		return -1;
	}
	first_line[c] = line;
	if (*value == '\0')
		return bad_value(d, line, key, "a column header", value);
	replace(&cfg->import_headers[c], value, strlen(value));
	return 0;
}

/* long: one case per key of the file, each a line or a setter call */
static int set_key(struct config *cfg, enum key_id id, const char *value,
		   int line, struct diag *d)
{
	const char *key = keys[id].name;
	unsigned long long n;

	if (id >= KEY_PLATFORM_FIRST && id < N_KEYS)
		return set_platform_key(
			cfg,
			(enum platform)((id - KEY_PLATFORM_FIRST) /
					N_PLATFORM_KEYS),
			(enum platform_key)((id - KEY_PLATFORM_FIRST) %
					    N_PLATFORM_KEYS),
			value, line, d);
	switch (id) {
	case KEY_CHANNELS:
	case KEY_STORE_PATH:
		if (*value == '\0')
			return bad_value(d, line, key, "a file path", value);
		replace(id == KEY_CHANNELS ? &cfg->channels_path
					   : &cfg->store_path,
			value, strlen(value));
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
	case KEY_REPORT_AGENCY:
	case KEY_REPORT_CLIENT:
	case KEY_REPORT_ACCENT:
	case KEY_REPORT_LOGO:
	case KEY_REPORT_STYLESHEET:
	case KEY_REPORT_FRAME:
	case KEY_REPORT_DIR:
		return set_report_key(cfg, id, value, line, d);
	case KEY_IMPORT_TIMEZONE:
		return set_import_timezone(cfg, value, line, d);
	case KEY_SYNC_TIMEOUT:
	case KEY_SYNC_MAX_WAIT:
	case KEY_SYNC_THROTTLE_WAIT:
	case KEY_SYNC_MAX_RUN_WAIT:
		return set_sync_key(cfg, id, value, line, d);
	case KEY_PLATFORM_FIRST:
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

/* a key that would hold a secret in the file itself */
static bool is_secret_key(const char *key)
{
	static const char *const names[] = { "token",    "access_token",
					     "secret",   "app_secret",
					     "password", "api_key" };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strcmp(key, names[i]) == 0)
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
			  "a section such as [planner])",
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
	if (id == N_KEYS && strcmp(section, "import") == 0 &&
	    import_column_find(key) >= 0)
		return set_import_header(ld->cfg, import_column_find(key),
					 ld->import_line, key, value, line, d);
	if (id == N_KEYS && is_secret_key(key)) {
		diag_line(d, line,
			  "'%s' in [%s]: a token is never written in the "
			  "config; name an environment variable with "
			  "token_env, or a file only you can read (mode 0600) "
			  "with token_file",
			  key, section);
		return -1;
	}
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

/* a platform takes its token from one place */
static int check_token_sources(const struct loader *ld, struct diag *d)
{
	int ret = 0;

	for (int p = 0; p < CONFIG_N_PLATFORMS; p++) {
		int first = KEY_PLATFORM_FIRST + p * N_PLATFORM_KEYS;
		int env = ld->first_line[first + PK_TOKEN_ENV];
		int file = ld->first_line[first + PK_TOKEN_FILE];

		if (env && file) {
			diag_line(d, env > file ? env : file,
				  "[%s] has both token_env (line %d) and "
				  "token_file (line %d): keep one",
				  keys[first].section, env, file);
			ret = -1;
		}
	}
	return ret;
}

const char *config_base_url(const struct config *cfg, enum platform p)
{
	const char *v = cfg->platforms[p].base_url;

	return v ? v : platform_defaults[p].base_url;
}

const char *config_api_version(const struct config *cfg, enum platform p)
{
	const char *v = cfg->platforms[p].api_version;

	return v ? v : platform_defaults[p].api_version;
}

void config_store_path(const struct config *cfg, struct strbuf *out)
{
	const char *slash;

	strbuf_reset(out);
	if (cfg->store_path) {
		strbuf_addstr(out, cfg->store_path);
		return;
	}
	slash = cfg->path ? strrchr(cfg->path, '/') : NULL;
	if (slash)
		strbuf_add(out, cfg->path, (size_t)(slash - cfg->path) + 1);
	strbuf_addstr(out, "jobmix.db");
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
		if (check_token_sources(&ld, d) < 0)
			ret = -1;
	}
	if (ret < 0)
		d->status = JM_CONFIG;
	free(ld.bad_section);
	strbuf_release(&sb);
	return ret;
}
