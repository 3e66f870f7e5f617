/* tests/unit/test_config.c - the INI reader and the [planner] keys */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "planner.h"
#include "strbuf.h"
#include "wrapper.h"
#include "test.h"

static struct strbuf cap;
static struct diag d;
static char dir[] = "/tmp/jobmix-test-config-XXXXXX";
static char path[sizeof(dir) + 32];

static void start_diag(const char *file)
{
	strbuf_reset(&cap);
	diag_init(&d, file);
	d.capture = &cap;
}

/* write text (len bytes) to the test's jobmix.ini */
static void write_config_n(const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0)
		die("cannot write '%s'", path);
}

/* load text as "jobmix.ini" into a fresh *cfg */
static int load(const char *text, struct config *cfg)
{
	write_config_n(text, strlen(text));
	config_init(cfg);
	start_diag("jobmix.ini");
	return config_load(cfg, path, true, &d);
}

/* text must fail to load with exactly one message, want */
#define CHECK_LOAD_FAILS(text, want)                    \
	do {                                            \
		struct config cfg_;                     \
		CHECK(load(text, &cfg_) == -1);         \
		CHECK_STR(strbuf_str(&cap), want "\n"); \
		CHECK_I64(d.status, JM_CONFIG);         \
		config_release(&cfg_);                  \
	} while (0)

/* records "section|key|value|line" for each call */
static int record(void *ctx, const char *section, const char *key,
		  const char *value, int line, struct diag *dg)
{
	struct strbuf *sb = ctx;

	(void)dg;
	strbuf_addf(sb, "%s|%s|%s|%d\n", section, key, value, line);
	return 0;
}

/* ini_parse(text) as "t.ini", the calls recorded into *calls */
static int parse(const char *text, struct strbuf *calls)
{
	strbuf_reset(calls);
	start_diag("t.ini");
	return ini_parse(text, &d, record, calls);
}

static void sets_the_defaults(void)
{
	struct config cfg;

	config_init(&cfg);
	CHECK(cfg.path == NULL);
	CHECK(cfg.channels_path == NULL);
	CHECK(!cfg.has_objective);
	CHECK_I64(cfg.max_input_bytes, FILEIO_DEFAULT_LIMIT);
	CHECK_I64(cfg.segments, 8);
	CHECK_NEAR(cfg.short_term_weight, -1, 0);
	CHECK_NEAR(cfg.mip_gap, 1e-4, 0);
	CHECK_I64(cfg.time_limit_s, 0);
	config_release(&cfg);
}

static void reads_sections_keys_and_values(void)
{
	struct strbuf calls = STRBUF_INIT;

	CHECK(parse("top = 1\n"
		    "[s]\n"
		    "  key   =   value with spaces  \n"
		    "# comment = no\n"
		    "; comment = no\n"
		    "   # indented comment\n"
		    "\n"
		    "[ t ]\n"
		    "url=a=b\n"
		    "hash = a # part of the value\n"
		    "empty =\n",
		    &calls) == 0);
	CHECK_STR(calls.buf, "|top|1|1\n"
			     "s|key|value with spaces|3\n"
			     "t|url|a=b|9\n"
			     "t|hash|a # part of the value|10\n"
			     "t|empty||11\n");
	CHECK_STR(strbuf_str(&cap), "");
	strbuf_release(&calls);
}

static void handles_crlf_bom_and_no_final_newline(void)
{
	struct strbuf calls = STRBUF_INIT;

	CHECK(parse("\xef\xbb\xbf[planner]\r\nsegments = 4\r\n\r\nx = y",
		    &calls) == 0);
	CHECK_STR(calls.buf, "planner|segments|4|2\nplanner|x|y|4\n");
	strbuf_release(&calls);
}

static void strips_quotes_and_unescapes_values(void)
{
	struct strbuf calls = STRBUF_INIT;

	CHECK(parse("a = \"  padded # kept ; too  \"\n"
		    "b = \"say \\\"hi\\\" \\\\ done\"\n"
		    "c = \"C:\\jobmix\\x.csv\"\n"
		    "d = \"\"\n"
		    "e=\"=\"\n",
		    &calls) == 0);
	CHECK_STR(calls.buf, "|a|  padded # kept ; too  |1\n"
			     "|b|say \"hi\" \\ done|2\n"
			     "|c|C:\\jobmix\\x.csv|3\n"
			     "|d||4\n"
			     "|e|=|5\n");
	strbuf_release(&calls);
}

static void reports_syntax_errors_with_line_numbers(void)
{
	struct strbuf calls = STRBUF_INIT;

	CHECK(parse("just some text\n"
		    "[planner\n"
		    "= 5\n"
		    "  =\n"
		    "k = \"abc\n"
		    "k = \"a\" b\n"
		    "k = \"a\\\"\n"
		    "[]\n"
		    "[a] x\n",
		    &calls) == -1);
	CHECK_STR(strbuf_str(&cap),
		  "t.ini:1: error: expected 'key = value' or '[section]'\n"
		  "t.ini:2: error: unterminated section header (missing ']')\n"
		  "t.ini:3: error: empty key before '='\n"
		  "t.ini:4: error: empty key before '='\n"
		  "t.ini:5: error: k: unterminated quoted value (missing "
		  "'\"')\n"
		  "t.ini:6: error: k: text after closing quote\n"
		  "t.ini:7: error: k: unterminated quoted value (missing "
		  "'\"')\n"
		  "t.ini:8: error: empty section name\n"
		  "t.ini:9: error: text after section header\n");
	CHECK_I64(d.n_errors, 9);
	CHECK_STR(strbuf_str(&calls), "");
	strbuf_release(&calls);
}

static void goes_on_after_an_error(void)
{
	struct strbuf calls = STRBUF_INIT;

	CHECK(parse("[s]\nbad line\nk = v\n", &calls) == -1);
	CHECK_STR(strbuf_str(&cap), "t.ini:2: error: expected 'key = value' "
				    "or '[section]'\n");
	CHECK_STR(calls.buf, "s|k|v|3\n");
	strbuf_release(&calls);
}

static void skips_keys_under_a_broken_header(void)
{
	struct strbuf calls = STRBUF_INIT;

	CHECK(parse("[s]\na = 1\n[broken\nb = 2\n[t]\nc = 3\n", &calls) == -1);
	CHECK_STR(calls.buf, "s|a|1|2\nt|c|3|6\n");
	CHECK_I64(d.n_errors, 1);
	strbuf_release(&calls);
}

static int refuse(void *ctx, const char *section, const char *key,
		  const char *value, int line, struct diag *dg)
{
	int *n_calls = ctx;

	(void)section;
	(void)value;
	(*n_calls)++;
	if (strcmp(key, "bad") != 0)
		return 0;
	diag_line(dg, line, "no '%s' here", key);
	return -1;
}

static void fails_when_the_callback_fails(void)
{
	int n_calls = 0;

	start_diag("t.ini");
	CHECK(ini_parse("a = 1\nbad = 2\nc = 3\n", &d, refuse, &n_calls) == -1);
	CHECK_I64(n_calls, 3);
	CHECK_STR(strbuf_str(&cap), "t.ini:2: error: no 'bad' here\n");

	n_calls = 0;
	start_diag("t.ini");
	CHECK(ini_parse("", &d, refuse, &n_calls) == 0);
	CHECK_I64(n_calls, 0);
}

static void loads_every_planner_key(void)
{
	struct config cfg;

	CHECK(load("# jobmix configuration\n"
		   "[planner]\n"
		   "channels = \"audiences/my channels.csv\"\n"
		   "objective = min-cost\n"
		   "segments = 12\n"
		   "short_term_weight = 0.25\n"
		   "mip_gap = 0.01\n"
		   "time_limit = 30\n",
		   &cfg) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_STR(cfg.path, path);
	CHECK_STR(cfg.channels_path, "audiences/my channels.csv");
	CHECK(cfg.has_objective);
	CHECK_I64(cfg.objective, OBJ_MIN_COST);
	CHECK_I64(cfg.segments, 12);
	CHECK_NEAR(cfg.short_term_weight, 0.25, 0);
	CHECK_NEAR(cfg.mip_gap, 0.01, 0);
	CHECK_I64(cfg.time_limit_s, 30);
	config_release(&cfg);
	CHECK(cfg.path == NULL && cfg.channels_path == NULL);
	CHECK_I64(cfg.segments, 8);
}

static void keeps_defaults_for_keys_not_set(void)
{
	struct config cfg;

	CHECK(load("[planner]\nobjective = hires\n", &cfg) == 0);
	CHECK(cfg.has_objective);
	CHECK_I64(cfg.objective, OBJ_HIRES);
	CHECK(cfg.channels_path == NULL);
	CHECK_I64(cfg.segments, 8);
	CHECK_NEAR(cfg.short_term_weight, -1, 0);
	CHECK_NEAR(cfg.mip_gap, 1e-4, 0);
	config_release(&cfg);

	CHECK(load("", &cfg) == 0);
	CHECK_STR(cfg.path, path);
	CHECK_I64(cfg.segments, 8);
	config_release(&cfg);
}

static void accepts_every_objective(void)
{
	static const char *const names[] = {
		"applications", "hires", "value", "reach", "blend", "min-cost",
	};
	struct strbuf text = STRBUF_INIT;
	struct config cfg;

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		strbuf_reset(&text);
		strbuf_addf(&text, "[planner]\nobjective = %s\n", names[i]);
		CHECK(load(text.buf, &cfg) == 0);
		CHECK(cfg.has_objective);
		CHECK_STR(objective_name(cfg.objective), names[i]);
		config_release(&cfg);
	}
	strbuf_release(&text);
}

static void accepts_values_on_the_boundaries(void)
{
	struct config cfg;

	CHECK(load("[planner]\nsegments = 2\nshort_term_weight = 0\n"
		   "mip_gap = 0\ntime_limit = 0\n",
		   &cfg) == 0);
	CHECK_I64(cfg.segments, 2);
	CHECK_NEAR(cfg.short_term_weight, 0, 0);
	CHECK_NEAR(cfg.mip_gap, 0, 0);
	CHECK_I64(cfg.time_limit_s, 0);
	config_release(&cfg);

	CHECK(load("[planner]\nsegments = 64\nshort_term_weight = 1\n"
		   "mip_gap = 0.999\ntime_limit = 2147483647\n",
		   &cfg) == 0);
	CHECK_I64(cfg.segments, 64);
	CHECK_NEAR(cfg.short_term_weight, 1, 0);
	CHECK_NEAR(cfg.mip_gap, 0.999, 0);
	CHECK_I64(cfg.time_limit_s, 2147483647);
	config_release(&cfg);

	CHECK(load("[planner]\nsegments = \"16\"\nmip_gap = 1e-3\n", &cfg) ==
	      0);
	CHECK_I64(cfg.segments, 16);
	CHECK_NEAR(cfg.mip_gap, 1e-3, 0);
	config_release(&cfg);
}

static void rejects_an_unknown_section_once(void)
{
	struct config cfg;

	CHECK(load("[plannr]\nsegments = 4\nobjective = hires\n"
		   "[planner]\nsegments = 5\n",
		   &cfg) == -1);
	CHECK_STR(strbuf_str(&cap),
		  "jobmix.ini:2: error: unknown section '[plannr]'\n");
	CHECK_I64(d.n_errors, 1);
	CHECK_I64(d.status, JM_CONFIG);
	CHECK_I64(cfg.segments, 5);
	config_release(&cfg);
}

static void rejects_a_key_outside_any_section(void)
{
	CHECK_LOAD_FAILS("segments = 4\n",
			 "jobmix.ini:1: error: key 'segments' is outside any "
			 "section (put it under a section such as [planner])");
}

static void rejects_an_unknown_key(void)
{
	CHECK_LOAD_FAILS("[planner]\nsegmnts = 4\n",
			 "jobmix.ini:2: error: unknown key 'segmnts' in "
			 "[planner]");
	CHECK_LOAD_FAILS("[planner]\nSegments = 4\n",
			 "jobmix.ini:2: error: unknown key 'Segments' in "
			 "[planner]");
}

static void rejects_a_duplicate_key_keeping_the_first(void)
{
	struct config cfg;

	CHECK(load("[planner]\nsegments = 4\n\n[planner]\nsegments = 5\n",
		   &cfg) == -1);
	CHECK_STR(strbuf_str(&cap), "jobmix.ini:5: error: duplicate key "
				    "'segments' (first set on line 2)\n");
	CHECK_I64(cfg.segments, 4);
	CHECK_I64(d.status, JM_CONFIG);
	config_release(&cfg);
}

static void rejects_bad_segments(void)
{
	CHECK_LOAD_FAILS("[planner]\nsegments = abc\n",
			 "jobmix.ini:2: error: segments: expected an integer "
			 "from 2 to 64, found 'abc'");
	CHECK_LOAD_FAILS("[planner]\nsegments = 1\n",
			 "jobmix.ini:2: error: segments: expected an integer "
			 "from 2 to 64, found '1'");
	CHECK_LOAD_FAILS("[planner]\nsegments = 65\n",
			 "jobmix.ini:2: error: segments: expected an integer "
			 "from 2 to 64, found '65'");
	CHECK_LOAD_FAILS("[planner]\nsegments = 4.5\n",
			 "jobmix.ini:2: error: segments: expected an integer "
			 "from 2 to 64, found '4.5'");
	CHECK_LOAD_FAILS("[planner]\nsegments = 99999999999999999999\n",
			 "jobmix.ini:2: error: segments: expected an integer "
			 "from 2 to 64, found '99999999999999999999'");
	CHECK_LOAD_FAILS("[planner]\nsegments = \" 4\"\n",
			 "jobmix.ini:2: error: segments: expected an integer "
			 "from 2 to 64, found ' 4'");
	CHECK_LOAD_FAILS("[planner]\nsegments =\n",
			 "jobmix.ini:2: error: segments: expected an integer "
			 "from 2 to 64, found an empty value");
}

static void rejects_bad_weights_and_gaps(void)
{
	CHECK_LOAD_FAILS("[planner]\nshort_term_weight = 1.5\n",
			 "jobmix.ini:2: error: short_term_weight: expected a "
			 "number from 0 to 1, found '1.5'");
	CHECK_LOAD_FAILS("[planner]\nshort_term_weight = -0.1\n",
			 "jobmix.ini:2: error: short_term_weight: expected a "
			 "number from 0 to 1, found '-0.1'");
	CHECK_LOAD_FAILS("[planner]\nshort_term_weight = nan\n",
			 "jobmix.ini:2: error: short_term_weight: expected a "
			 "number from 0 to 1, found 'nan'");
	CHECK_LOAD_FAILS("[planner]\nshort_term_weight = 0.5x\n",
			 "jobmix.ini:2: error: short_term_weight: expected a "
			 "number from 0 to 1, found '0.5x'");
	CHECK_LOAD_FAILS("[planner]\nmip_gap = 1\n",
			 "jobmix.ini:2: error: mip_gap: expected a number "
			 "from 0 up to (not including) 1, found '1'");
	CHECK_LOAD_FAILS("[planner]\nmip_gap = -1e-4\n",
			 "jobmix.ini:2: error: mip_gap: expected a number "
			 "from 0 up to (not including) 1, found '-1e-4'");
	CHECK_LOAD_FAILS("[planner]\nmip_gap = inf\n",
			 "jobmix.ini:2: error: mip_gap: expected a number "
			 "from 0 up to (not including) 1, found 'inf'");
}

static void rejects_bad_time_limits(void)
{
	CHECK_LOAD_FAILS("[planner]\ntime_limit = -5\n",
			 "jobmix.ini:2: error: time_limit: expected a whole "
			 "number of seconds, 0 or more, found '-5'");
	CHECK_LOAD_FAILS("[planner]\ntime_limit = 10s\n",
			 "jobmix.ini:2: error: time_limit: expected a whole "
			 "number of seconds, 0 or more, found '10s'");
	CHECK_LOAD_FAILS("[planner]\ntime_limit = 2147483648\n",
			 "jobmix.ini:2: error: time_limit: expected a whole "
			 "number of seconds, 0 or more, found '2147483648'");
}

static void rejects_bad_objectives_and_paths(void)
{
	CHECK_LOAD_FAILS("[planner]\nobjective = min_cost\n",
			 "jobmix.ini:2: error: objective: expected one of "
			 "applications, hires, value, reach, blend, min-cost, "
			 "found 'min_cost'");
	CHECK_LOAD_FAILS("[planner]\nobjective = Hires\n",
			 "jobmix.ini:2: error: objective: expected one of "
			 "applications, hires, value, reach, blend, min-cost, "
			 "found 'Hires'");
	CHECK_LOAD_FAILS("[planner]\nchannels = \"\"\n",
			 "jobmix.ini:2: error: channels: expected a file path, "
			 "found an empty value");
}

static void reports_every_problem_in_one_go(void)
{
	struct config cfg;

	CHECK(load("[planner]\n"
		   "segments = many\n"
		   "objective = hires\n"
		   "colour = blue\n"
		   "oops\n"
		   "objective = reach\n",
		   &cfg) == -1);
	CHECK_I64(d.n_errors, 4);
	CHECK_HAS(strbuf_str(&cap), "jobmix.ini:2: error: segments:");
	CHECK_HAS(strbuf_str(&cap),
		  "jobmix.ini:4: error: unknown key 'colour'");
	CHECK_HAS(strbuf_str(&cap), "jobmix.ini:5: error: expected 'key = "
				    "value' or '[section]'");
	CHECK_HAS(strbuf_str(&cap), "jobmix.ini:6: error: duplicate key "
				    "'objective' (first set on line 3)");
	CHECK_I64(d.status, JM_CONFIG);
	CHECK(cfg.has_objective);
	CHECK_I64(cfg.objective, OBJ_HIRES);
	config_release(&cfg);
}

static void reports_a_nul_byte(void)
{
	static const char text[] = "[planner]\nsegments = 4\0\n";
	struct config cfg;

	write_config_n(text, sizeof(text) - 1);
	config_init(&cfg);
	start_diag("jobmix.ini");
	CHECK(config_load(&cfg, path, true, &d) == -1);
	CHECK_HAS(strbuf_str(&cap), "jobmix.ini:2: error: NUL byte in file");
	CHECK_I64(d.status, JM_CONFIG);
	config_release(&cfg);
}

static void keeps_defaults_when_an_optional_file_is_missing(void)
{
	struct config cfg;

	config_init(&cfg);
	start_diag("jobmix.ini");
	CHECK(config_load(&cfg, "/nonexistent/jobmix.ini", false, &d) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_I64(d.n_errors, 0);
	CHECK(cfg.path == NULL);
	CHECK_I64(cfg.segments, 8);
	config_release(&cfg);
}

static void reports_a_missing_file_that_must_exist(void)
{
	struct config cfg;

	config_init(&cfg);
	start_diag("jobmix.ini");
	CHECK(config_load(&cfg, "/nonexistent/jobmix.ini", true, &d) == -1);
	CHECK_STR(strbuf_str(&cap), "jobmix.ini: error: cannot read: No such "
				    "file or directory\n");
	CHECK_I64(d.status, JM_CONFIG);
	CHECK(cfg.path == NULL);
	config_release(&cfg);
}

static void reports_an_unreadable_optional_file(void)
{
	struct config cfg;

	/* a directory exists but cannot be read as a file */
	config_init(&cfg);
	start_diag("jobmix.ini");
	CHECK(config_load(&cfg, dir, false, &d) == -1);
	CHECK_HAS(strbuf_str(&cap), "jobmix.ini: error: cannot read: ");
	CHECK_I64(d.status, JM_CONFIG);
	config_release(&cfg);
}

static void reads_the_input_limit(void)
{
	struct config cfg;

	CHECK(load("[limits]\nmax_input_bytes = 1\n", &cfg) == 0);
	CHECK_I64(cfg.max_input_bytes, 1);
	config_release(&cfg);
	CHECK(load("[limits]\nmax_input_bytes = 1099511627776\n", &cfg) == 0);
	CHECK_I64(cfg.max_input_bytes, INT64_C(1099511627776));
	config_release(&cfg);
	CHECK_LOAD_FAILS("[limits]\nmax_input_bytes = 0\n",
			 "jobmix.ini:2: error: max_input_bytes: expected a "
			 "whole number of bytes from 1 to 1099511627776 (1 "
			 "TiB), found '0'");
	CHECK_LOAD_FAILS("[limits]\nmax_input_bytes = 1099511627777\n",
			 "jobmix.ini:2: error: max_input_bytes: expected a "
			 "whole number of bytes from 1 to 1099511627776 (1 "
			 "TiB), found '1099511627777'");
	CHECK_LOAD_FAILS("[limits]\nmax_input_bytes = 64M\n",
			 "jobmix.ini:2: error: max_input_bytes: expected a "
			 "whole number of bytes from 1 to 1099511627776 (1 "
			 "TiB), found '64M'");
	/* a key of one section is unknown in the other */
	CHECK_LOAD_FAILS("[planner]\nmax_input_bytes = 100\n",
			 "jobmix.ini:2: error: unknown key 'max_input_bytes' "
			 "in [planner]");
	CHECK_LOAD_FAILS("[limits]\nsegments = 4\n",
			 "jobmix.ini:2: error: unknown key 'segments' in "
			 "[limits]");
}

static void defaults_are_the_planners(void)
{
	struct config cfg;

	config_init(&cfg);
	CHECK_I64(cfg.segments, PLAN_DEFAULT_SEGMENTS);
	CHECK_NEAR(cfg.mip_gap, PLAN_DEFAULT_MIP_GAP, 0);
	config_release(&cfg);
}

/* the file's bytes must be text; the first place they are not is named */
static void reports_bytes_that_are_not_text(void)
{
	CHECK_LOAD_FAILS("[planner]\n\nsegments = 4\x01\n",
			 "jobmix.ini:3: error: byte 0x01 is not text (is it "
			 "really a configuration file?)");
	CHECK_LOAD_FAILS("[planner]\nchannels = caf\xe9.csv\n",
			 "jobmix.ini:2: error: byte 0xE9 is not text (is it "
			 "really a configuration file?)");
	/* an overlong encoding of '/' is not UTF-8 either */
	CHECK_LOAD_FAILS("[planner]\nchannels = a\xc0\xaf.csv\n",
			 "jobmix.ini:2: error: byte 0xC0 is not text (is it "
			 "really a configuration file?)");
	CHECK_LOAD_FAILS("\x7f",
			 "jobmix.ini:1: error: byte 0x7F is not text (is it "
			 "really a configuration file?)");
}

static void accepts_utf8_text(void)
{
	struct config cfg;

	CHECK(load("# café ü €\n[planner]\nchannels = \"kanäle 😀.csv\"\n",
		   &cfg) == 0);
	CHECK_STR(cfg.channels_path, "kanäle 😀.csv");
	config_release(&cfg);
}

/* the config is read with the default limit, whatever was set */
static void reads_itself_with_the_default_limit(void)
{
	struct config cfg;
	size_t limit = read_file_limit;

	read_file_limit = 4;
	CHECK(load("[planner]\nsegments = 5\n", &cfg) == 0);
	CHECK_I64(cfg.segments, 5);
	CHECK_I64(read_file_limit, 4);
	config_release(&cfg);
	read_file_limit = limit;
}

static void release_accepts_null(void)
{
	config_release(NULL);
	CHECK(1);
}

static void loads_the_platform_sections(void)
{
	struct config cfg;
	struct strbuf sb = STRBUF_INIT;

	CHECK(load("[meta]\nbase_url = http://127.0.0.1:8080/\n"
		   "api_version = v24.0\naccount_id = act_123\n"
		   "token_env = META_TOKEN\n"
		   "[linkedin]\naccount_id = urn:li:sponsoredAccount:507\n"
		   "token_file = /home/me/.jobmix/linkedin.token\n"
		   "[tiktok]\naccount_id = 7000000001\n"
		   "[store]\npath = /var/lib/jobmix/store.db\n",
		   &cfg) == 0);
	CHECK_STR(config_base_url(&cfg, PLATFORM_META),
		  "http://127.0.0.1:8080");
	CHECK_STR(config_api_version(&cfg, PLATFORM_META), "v24.0");
	CHECK_STR(cfg.platforms[PLATFORM_META].account_id, "123");
	CHECK_STR(cfg.platforms[PLATFORM_META].token_env, "META_TOKEN");
	CHECK_STR(cfg.platforms[PLATFORM_LINKEDIN].account_id, "507");
	CHECK_STR(cfg.platforms[PLATFORM_LINKEDIN].token_file,
		  "/home/me/.jobmix/linkedin.token");
	CHECK_STR(config_base_url(&cfg, PLATFORM_LINKEDIN),
		  "https://api.linkedin.com/rest");
	CHECK_STR(config_api_version(&cfg, PLATFORM_LINKEDIN), "202601");
	CHECK_STR(config_base_url(&cfg, PLATFORM_TIKTOK),
		  "https://business-api.tiktok.com/open_api");
	CHECK_STR(config_api_version(&cfg, PLATFORM_TIKTOK), "v1.3");
	config_store_path(&cfg, &sb);
	CHECK_STR(sb.buf, "/var/lib/jobmix/store.db");
	config_release(&cfg);
	/* no [store] path: beside the config file, else here */
	CHECK(load("[planner]\nsegments = 8\n", &cfg) == 0);
	config_store_path(&cfg, &sb);
	CHECK(strncmp(sb.buf, dir, strlen(dir)) == 0);
	CHECK_HAS(sb.buf, "/jobmix.db");
	config_release(&cfg);
	config_init(&cfg);
	config_store_path(&cfg, &sb);
	CHECK_STR(sb.buf, "jobmix.db");
	strbuf_release(&sb);
}

static void rejects_bad_platform_keys(void)
{
	CHECK_LOAD_FAILS("[meta]\ntoken = EAAB123\n",
			 "jobmix.ini:2: error: 'token' in [meta]: a token is "
			 "never written in the config; name an environment "
			 "variable with token_env, or a file only you can read "
			 "(mode 0600) with token_file");
	CHECK_LOAD_FAILS("[tiktok]\ntoken_env = T\ntoken_file = /t\n",
			 "jobmix.ini:3: error: [tiktok] has both token_env "
			 "(line 2) and token_file (line 3): keep one");
	CHECK_LOAD_FAILS("[meta]\nbase_url = http://graph.facebook.com\n",
			 "jobmix.ini:2: error: base_url: expected an https:// "
			 "URL (plain http only to 127.0.0.1 or localhost), "
			 "found 'http://graph.facebook.com'");
	CHECK_LOAD_FAILS("[meta]\nbase_url = http://127.0.0.1.evil.com\n",
			 "jobmix.ini:2: error: base_url: expected an https:// "
			 "URL (plain http only to 127.0.0.1 or localhost), "
			 "found 'http://127.0.0.1.evil.com'");
	CHECK_LOAD_FAILS("[linkedin]\napi_version = 2026-01\n",
			 "jobmix.ini:2: error: api_version: expected YYYYMM, "
			 "e.g. 202601, found '2026-01'");
	CHECK_LOAD_FAILS("[linkedin]\napi_version = 202613\n",
			 "jobmix.ini:2: error: api_version: expected YYYYMM, "
			 "e.g. 202601, found '202613'");
	CHECK_LOAD_FAILS("[meta]\napi_version = 25.0\n",
			 "jobmix.ini:2: error: api_version: expected vNN.N, "
			 "e.g. v25.0, found '25.0'");
	CHECK_LOAD_FAILS("[meta]\naccount_id = act_12x\n",
			 "jobmix.ini:2: error: account_id: expected an ad "
			 "account id: digits, or act_ and digits, found "
			 "'act_12x'");
	CHECK_LOAD_FAILS("[tiktok]\ntoken_env = MY-TOKEN\n",
			 "jobmix.ini:2: error: token_env: expected the name of "
			 "an environment variable, found 'MY-TOKEN'");
	CHECK_LOAD_FAILS("[store]\npath =\n",
			 "jobmix.ini:2: error: path: expected a file path, "
			 "found an empty value");
}

static void reads_the_import_mapping(void)
{
	struct config cfg;

	CHECK(load("[import]\napplied_at = \"Inkom (datum)\"\n"
		   "spend = Kostnad\ntimezone = Europe/Stockholm\n",
		   &cfg) == 0);
	CHECK_STR(cfg.import_headers[IC_APPLIED_AT], "Inkom (datum)");
	CHECK_STR(cfg.import_headers[IC_SPEND], "Kostnad");
	CHECK(cfg.import_headers[IC_SOURCE] == NULL);
	CHECK_STR(cfg.import_timezone, "Europe/Stockholm");
	config_release(&cfg);
	CHECK_LOAD_FAILS("[import]\nname = Namn\n",
			 "jobmix.ini:2: error: unknown key 'name' in [import]");
	CHECK_LOAD_FAILS("[import]\nspend = A\nspend = B\n",
			 "jobmix.ini:3: error: duplicate key 'spend' (first "
			 "set on line 2)");
	CHECK_LOAD_FAILS("[import]\nspend =\n",
			 "jobmix.ini:2: error: spend: expected a column "
			 "header, found an empty value");
	CHECK_LOAD_FAILS("[import]\ntimezone = ../etc/passwd\n",
			 "jobmix.ini:2: error: timezone: expected a time zone "
			 "name such as Europe/Stockholm or UTC, found "
			 "'../etc/passwd'");
}

int main(void)
{
	if (!mkdtemp(dir))
		die("cannot create a temporary directory");
	snprintf(path, sizeof(path), "%s/jobmix.ini", dir);
	reads_the_import_mapping();

	sets_the_defaults();
	reads_sections_keys_and_values();
	handles_crlf_bom_and_no_final_newline();
	strips_quotes_and_unescapes_values();
	reports_syntax_errors_with_line_numbers();
	goes_on_after_an_error();
	skips_keys_under_a_broken_header();
	fails_when_the_callback_fails();
	loads_every_planner_key();
	keeps_defaults_for_keys_not_set();
	accepts_every_objective();
	accepts_values_on_the_boundaries();
	rejects_an_unknown_section_once();
	rejects_a_key_outside_any_section();
	rejects_an_unknown_key();
	rejects_a_duplicate_key_keeping_the_first();
	rejects_bad_segments();
	rejects_bad_weights_and_gaps();
	rejects_bad_time_limits();
	rejects_bad_objectives_and_paths();
	reports_every_problem_in_one_go();
	reports_a_nul_byte();
	keeps_defaults_when_an_optional_file_is_missing();
	reports_a_missing_file_that_must_exist();
	reports_an_unreadable_optional_file();
	loads_the_platform_sections();
	rejects_bad_platform_keys();
	reads_the_input_limit();
	defaults_are_the_planners();
	reports_bytes_that_are_not_text();
	accepts_utf8_text();
	reads_itself_with_the_default_limit();
	release_accepts_null();

	unlink(path);
	rmdir(dir);
	strbuf_release(&cap);
	return test_done();
}
