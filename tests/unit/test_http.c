/*
 * tests/unit/test_http.c - the http module against tests/fake/http_fake.py
 * on 127.0.0.1, and the platforms' reply classifiers by hand.
 *
 * Each case starts a fake with the flags or script it needs, sends
 * through a client whose waits are recorded (or real, where the wait
 * itself is checked), and reads back the fake's log of the requests it
 * received: how many, in what order, with which headers and bodies.
 */
#include "http.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "campaign.h" /* an adapter includes both: no clash of names */
#include "diag.h"
#include "fileio.h"
#include "json.h"
#include "strbuf.h"
#include "fake_harness.h"
#include "test.h"
#include "throttle.h"
#include "wrapper.h"

#define FAKE "tests/fake/http_fake.py"

/* ---- the fake ---- */

static int fake_start(struct fake *f, const char *script,
		      const char *const *args)
{
	return fake_run(f, FAKE, script, args, NULL);
}

static double logged_time(const struct fake *f, size_t i)
{
	return i < f->n_log ? json_num(json_get(f->log[i], "t")) : 0;
}

/* ---- a client whose waits and traces are recorded ---- */

static struct strbuf traced;
static long slept[16];
static size_t n_slept;

static void record_trace(void *ctx, const char *line)
{
	(void)ctx;
	strbuf_addstr(&traced, line);
	strbuf_addch(&traced, '\n');
}

static void record_sleep(void *ctx, long ms)
{
	(void)ctx;
	if (n_slept < ARRAY_SIZE(slept))
		slept[n_slept++] = ms;
}

/* small waits, recorded instead of slept; fixed seed */
static void test_options(struct http_options *o, enum api_platform p)
{
	http_options_init(o, p);
	o->connect_timeout_ms = 1000;
	o->timeout_ms = 3000;
	o->backoff_base_ms = 100;
	o->backoff_cap_ms = 400;
	o->throttle_wait_ms = 500;
	o->seed = 42;
	o->trace = record_trace;
	o->sleep_ms = record_sleep;
	strbuf_reset(&traced);
	n_slept = 0;
}

static char url_buf[256];

static const char *url(const struct fake *f, const char *path)
{
	snprintf(url_buf, sizeof(url_buf), "%s%s", f->url, path);
	return url_buf;
}

/* send method url (body optional) through a fresh client */
static int send_once(const struct http_options *o, const char *method,
		     const char *u, const char *body,
		     struct http_response *resp)
{
	struct http_client *c = http_client_new(o);
	struct http_request req = { .method = method, .url = u };
	int rc;

	if (body) {
		req.body = body;
		req.body_len = strlen(body);
		req.content_type = "application/json";
	}
	rc = http_send(c, &req, resp);
	http_client_free(c);
	return rc;
}

/* ---- the classifiers, by hand ---- */

static enum reply_class classify(enum api_platform p, long status,
				 const char *body, const char *buc,
				 struct verdict *v)
{
	struct reply r = { .status = status,
			   .body = body,
			   .body_len = body ? strlen(body) : 0,
			   .buc_usage = buc };

	return throttle_classify(p, &r, v);
}

static void meta_throttles_are_http_400_with_codes(void)
{
	static const long codes[] = { 4, 17, 32, 613, 80000, 80004, 80014 };
	const char *buc = "{\"act_1\":[{\"type\":\"ads_management\","
			  "\"call_count\":95,\"total_cputime\":20,"
			  "\"total_time\":20,"
			  "\"estimated_time_to_regain_access\":12}]}";
	struct verdict v;
	char body[160];

	for (size_t i = 0; i < ARRAY_SIZE(codes); i++) {
		snprintf(body, sizeof(body),
			 "{\"error\":{\"message\":\"slow\",\"code\":%ld}}",
			 codes[i]);
		CHECK_I64(classify(API_META, 400, body, NULL, &v),
			  REPLY_THROTTLED);
		CHECK_I64(v.code, codes[i]);
	}
	/* 12 minutes to regain access: 720 s; usage 95 % */
	CHECK_I64(classify(API_META, 400,
			   "{\"error\":{\"code\":80004,"
			   "\"error_subcode\":2446079,\"message\":\"(#80004) "
			   "There have been too many calls\"}}",
			   buc, &v),
		  REPLY_THROTTLED);
	CHECK_NEAR(v.wait_s, 720, 1e-9);
	CHECK_NEAR(v.usage_pct, 95, 1e-9);
	CHECK_I64(v.subcode, 2446079);
	CHECK_STR(v.message, "(#80004) There have been too many calls");
	/* next to the range, not a throttle */
	CHECK_I64(classify(API_META, 400, "{\"error\":{\"code\":80015}}", buc,
			   &v),
		  REPLY_CLIENT);
	CHECK_NEAR(v.wait_s, 0, 1e-9);
	/* a success that says access is about to go: wait kept */
	CHECK_I64(classify(API_META, 200, "{\"id\":\"1\"}", buc, &v), REPLY_OK);
	CHECK_NEAR(v.wait_s, 720, 1e-9);
	/* a bare 429 still takes the usage header's wait */
	CHECK_I64(classify(API_META, 429, "", buc, &v), REPLY_THROTTLED);
	CHECK_NEAR(v.wait_s, 720, 1e-9);
	/* a header that is not JSON is ignored, not trusted */
	CHECK_I64(classify(API_META, 200, "{}", "{\"a\":[{\"est", &v),
		  REPLY_OK);
	CHECK_NEAR(v.wait_s, 0, 1e-9);
	CHECK_NEAR(v.usage_pct, -1, 1e-9);
}

static void meta_auth_transient_and_client_errors(void)
{
	struct verdict v;

	CHECK_I64(classify(API_META, 400,
			   "{\"error\":{\"code\":190,\"error_subcode\":463}}",
			   NULL, &v),
		  REPLY_AUTH);
	CHECK_I64(
		classify(API_META, 403, "{\"error\":{\"code\":200}}", NULL, &v),
		REPLY_AUTH);
	CHECK_I64(classify(API_META, 500, "{\"error\":{\"code\":2}}", NULL, &v),
		  REPLY_RETRYABLE);
	CHECK_I64(classify(API_META, 400,
			   "{\"error\":{\"code\":100,\"is_transient\":true}}",
			   NULL, &v),
		  REPLY_RETRYABLE);
	CHECK_I64(classify(API_META, 400,
			   "{\"error\":{\"code\":100,\"error_subcode\":"
			   "2490408}}",
			   NULL, &v),
		  REPLY_CLIENT);
	CHECK_I64(
		classify(API_META, 500, "{\"error\":{\"code\":100}}", NULL, &v),
		REPLY_SERVER);
	CHECK_I64(classify(API_META, 502, "<html>", NULL, &v), REPLY_SERVER);
	/* Meta never throttles with 429; but a 429 is still a throttle */
	CHECK_I64(classify(API_META, 429, "", NULL, &v), REPLY_THROTTLED);
}

static void linkedin_signals_by_status(void)
{
	struct reply r = { .status = 429,
			   .body = "{\"status\":429,\"message\":\"Too many\"}",
			   .retry_after = "30" };
	struct verdict v;

	r.body_len = strlen(r.body);
	CHECK_I64(throttle_classify(API_LINKEDIN, &r, &v), REPLY_THROTTLED);
	CHECK_NEAR(v.wait_s, 30, 1e-9);
	CHECK_STR(v.message, "Too many");
	r.retry_after = "Wed, 21 Oct 2015 07:28:00 GMT"; /* a date: unsaid */
	CHECK_I64(throttle_classify(API_LINKEDIN, &r, &v), REPLY_THROTTLED);
	CHECK_NEAR(v.wait_s, 0, 1e-9);
	CHECK_I64(classify(API_LINKEDIN, 401,
			   "{\"status\":401,\"serviceErrorCode\":65601,"
			   "\"message\":\"Empty oauth2_access_token\"}",
			   NULL, &v),
		  REPLY_AUTH);
	CHECK_I64(v.code, 65601);
	CHECK_I64(classify(API_LINKEDIN, 403, "", NULL, &v), REPLY_AUTH);
	CHECK_I64(classify(API_LINKEDIN, 426, "", NULL, &v), REPLY_CLIENT);
	CHECK_I64(classify(API_LINKEDIN, 422, "", NULL, &v), REPLY_CLIENT);
	CHECK_I64(classify(API_LINKEDIN, 503, "", NULL, &v), REPLY_SERVER);
	CHECK_I64(classify(API_LINKEDIN, 201, "", NULL, &v), REPLY_OK);
}

static void tiktok_signals_inside_http_200(void)
{
	static const struct {
		long code;
		enum reply_class cls;
	} cases[] = {
		{ 0, REPLY_OK },
		{ 40100, REPLY_THROTTLED },
		{ 40132, REPLY_THROTTLED },
		{ 40001, REPLY_AUTH },
		{ 40102, REPLY_AUTH },
		{ 40104, REPLY_AUTH },
		{ 40105, REPLY_AUTH },
		{ 40002, REPLY_CLIENT },
		{ 40201, REPLY_RETRYABLE },
		{ 50000, REPLY_SERVER },
		{ 51004, REPLY_SERVER },
		{ 40106, REPLY_CLIENT },
	};
	struct verdict v;
	char body[128];

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		snprintf(body, sizeof(body),
			 "{\"code\":%ld,\"message\":\"m\",\"data\":{}}",
			 cases[i].code);
		if (!CHECK(classify(API_TIKTOK, 200, body, NULL, &v) ==
			   cases[i].cls))
			printf("#   code %ld\n", cases[i].code);
	}
	CHECK_I64(classify(API_TIKTOK, 200, "not json", NULL, &v),
		  REPLY_SERVER);
	CHECK_I64(classify(API_TIKTOK, 504, "", NULL, &v), REPLY_SERVER);
}

/* ---- redaction ---- */

static void redacts_headers_parameters_and_secrets(void)
{
	struct http_options o;
	struct http_client *c;
	struct strbuf out = STRBUF_INIT;

	http_options_init(&o, API_META);
	c = http_client_new(&o);
	http_redact(c,
		    "GET https://graph.facebook.com/v25.0/me?fields=id&"
		    "access_token=EAAtok&limit=2",
		    &out);
	CHECK_STR(out.buf, "GET https://graph.facebook.com/v25.0/me?fields=id&"
			   "access_token=[redacted]&limit=2");
	strbuf_reset(&out);
	http_redact(c,
		    "Authorization: Bearer abc\r\nAccess-Token: xyz\n"
		    "X-Other: keep",
		    &out);
	CHECK_STR(out.buf, "Authorization: [redacted]\r\nAccess-Token: "
			   "[redacted]\nX-Other: keep");
	strbuf_reset(&out);
	http_redact(c, "{\"access_token\": \"a\\\"b\", \"n\":1}", &out);
	CHECK_STR(out.buf, "{\"access_token\": \"[redacted]\", \"n\":1}");
	/* a parameter merely ending in the name is not one */
	strbuf_reset(&out);
	http_redact(c, "x_access_token=1", &out);
	CHECK_STR(out.buf, "x_access_token=1");
	/* a registered secret, raw and percent-encoded, anywhere */
	http_client_add_secret(c, "app|s3cret");
	strbuf_reset(&out);
	http_redact(c, "id app|s3cret, in a URL app%7Cs3cret.", &out);
	CHECK_STR(out.buf, "id [redacted], in a URL [redacted].");
	/* one secret the start of another: the longer one goes whole */
	http_client_add_secret(c, "app|s3cret-2");
	strbuf_reset(&out);
	http_redact(c, "app|s3cret-2 app|s3cret", &out);
	CHECK_STR(out.buf, "[redacted] [redacted]");
	strbuf_release(&out);
	http_client_free(c);
}

/* ---- against the fake ---- */

static void meta_throttle_waits_for_regained_access(void)
{
	static const char *const args[] = {
		"--platform", "meta", "--throttle", "2", "--regain", "1", NULL
	};
	static const char *const real[] = { "--platform", "meta",
					    "--throttle", "1",
					    "--regain",   "0.02",
					    NULL };
	struct http_response resp;
	struct http_options o;
	struct fake f;

	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	test_options(&o, API_META);
	http_response_init(&resp);
	CHECK_I64(send_once(&o, "GET", url(&f, "/v25.0/act_1/insights"), NULL,
			    &resp),
		  0);
	CHECK_I64(fake_log(&f), 3);
	CHECK_I64(resp.attempts, 3);
	CHECK_I64(resp.status, 200);
	/* one minute to regain access, plus at most one base of jitter */
	CHECK_I64(n_slept, 2);
	CHECK(slept[0] >= 60000 && slept[0] <= 60100);
	CHECK(slept[1] >= 60000 && slept[1] <= 60100);
	CHECK_I64(resp.waited_ms, slept[0] + slept[1]);
	CHECK_HAS(traced.buf, "retry 1 of 4");
	CHECK_HAS(traced.buf, "/v25.0/act_1/insights -> throttled, HTTP 400 "
			      "in ");
	CHECK_HAS(traced.buf, " ms, usage 100 %, wait 60 s\n");
	fake_stop(&f);

	/* for real: 0.02 minutes to regain access, measured by the fake */
	if (!CHECK(fake_start(&f, NULL, real) == 0))
		return;
	test_options(&o, API_META);
	o.sleep_ms = NULL;
	CHECK_I64(send_once(&o, "GET", url(&f, "/v25.0/act_1/insights"), NULL,
			    &resp),
		  0);
	CHECK_I64(fake_log(&f), 2);
	CHECK(logged_time(&f, 1) - logged_time(&f, 0) >= 1.2);
	CHECK(resp.waited_ms >= 1200 && resp.waited_ms <= 1300);
	http_response_release(&resp);
	fake_stop(&f);
}

static void throttle_longer_than_the_budget_gives_up(void)
{
	static const char *const args[] = {
		"--platform", "meta", "--throttle", "9", "--regain", "1", NULL
	};
	struct http_response resp;
	struct http_request req = { .method = "GET" };
	struct http_options o;
	struct http_client *c;
	struct fake f;

	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	test_options(&o, API_META);
	o.max_wait_ms = 90000;
	c = http_client_new(&o);
	http_response_init(&resp);
	req.url = url(&f, "/v25.0/act_1/campaigns");
	CHECK_I64(http_send(c, &req, &resp), -1);
	/* waited 60 s once; a second minute would pass 90 s */
	CHECK_I64(fake_log(&f), 2);
	CHECK_I64(n_slept, 1);
	CHECK_I64(resp.cls, REPLY_THROTTLED);
	CHECK_NEAR(resp.wait_s, 60, 1e-9);
	CHECK_I64(resp.code, 80004);
	CHECK_HAS(resp.error.buf, "throttled: HTTP 400: (#80004) There have");
	CHECK_HAS(resp.error.buf, "(code 80004, subcode 2446079)");
	CHECK_HAS(resp.error.buf, "after 2 attempts");
	CHECK_HAS(resp.error.buf, "past the 90 s allowed");
	/* the next call on this client first pauses the minute out */
	n_slept = 0;
	http_send(c, &req, &resp);
	CHECK(n_slept >= 1 && slept[0] >= 59000 && slept[0] <= 60000);
	http_response_release(&resp);
	http_client_free(c);
	fake_stop(&f);
}

static void meta_success_with_regain_time_holds_the_next_call(void)
{
	const char *script =
		"[{\"headers\":{\"X-Business-Use-Case-Usage\":"
		"\"{\\\"1\\\":[{\\\"call_count\\\":100,"
		"\\\"estimated_time_to_regain_access\\\":2}]}\"},"
		"\"json\":{\"id\":\"1\"}},{\"json\":{\"id\":\"2\"}}]";
	struct http_response resp;
	struct http_request req = { .method = "GET" };
	struct http_options o;
	struct http_client *c;
	struct fake f;

	if (!CHECK(fake_start(&f, script, NULL) == 0))
		return;
	test_options(&o, API_META);
	c = http_client_new(&o);
	http_response_init(&resp);
	req.url = url(&f, "/v25.0/me");
	CHECK_I64(http_send(c, &req, &resp), 0);
	CHECK_NEAR(resp.wait_s, 120, 1e-9);
	CHECK_NEAR(resp.usage_pct, 100, 1e-9);
	CHECK_I64(n_slept, 0);
	CHECK_I64(http_send(c, &req, &resp), 0);
	CHECK_I64(n_slept, 1);
	CHECK(slept[0] > 119000 && slept[0] <= 120000);
	CHECK_STR(resp.body.buf, "{\"id\": \"2\"}");
	http_response_release(&resp);
	http_client_free(c);
	fake_stop(&f);
}

static void linkedin_429_waits_retry_after_for_real(void)
{
	static const char *const args[] = {
		"--platform",    "linkedin", "--throttle", "1",
		"--retry-after", "1",        NULL
	};
	struct http_response resp;
	struct http_options o;
	struct fake f;

	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	test_options(&o, API_LINKEDIN);
	o.sleep_ms = NULL; /* a real wait, measured by the fake */
	http_response_init(&resp);
	CHECK_I64(send_once(&o, "GET", url(&f, "/rest/adAnalytics?q=x"), NULL,
			    &resp),
		  0);
	CHECK_I64(fake_log(&f), 2);
	CHECK(logged_time(&f, 1) - logged_time(&f, 0) >= 1.0);
	CHECK(resp.waited_ms >= 1000 && resp.waited_ms <= 1100);
	http_response_release(&resp);
	fake_stop(&f);
}

static void server_error_retries_a_get_not_a_post(void)
{
	static const char *const args[] = { "--fail", "1", NULL };
	struct http_response resp;
	struct http_options o;
	struct fake f;

	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	test_options(&o, API_GENERIC);
	http_response_init(&resp);
	CHECK_I64(send_once(&o, "GET", url(&f, "/a"), NULL, &resp), 0);
	CHECK_I64(fake_log(&f), 2);
	CHECK_I64(n_slept, 1);
	CHECK(slept[0] >= 0 && slept[0] <= 100); /* full jitter, first step */
	fake_stop(&f);

	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	test_options(&o, API_GENERIC);
	CHECK_I64(send_once(&o, "POST", url(&f, "/a"), "{}", &resp), -1);
	CHECK_I64(fake_log(&f), 1);
	CHECK_I64(resp.cls, REPLY_SERVER);
	CHECK_I64(resp.attempts, 1);
	CHECK_HAS(resp.error.buf, "POST http://127.0.0.1:");
	CHECK_HAS(resp.error.buf, "/a: server error: HTTP 503");
	/* the same POST marked idempotent is retried */
	fake_stop(&f);
	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	{
		struct http_client *c = http_client_new(&o);
		struct http_request req = { .method = "POST",
					    .url = url(&f, "/a"),
					    .idempotent = true };

		CHECK_I64(http_send(c, &req, &resp), 0);
		CHECK_I64(fake_log(&f), 2);
		http_client_free(c);
	}
	http_response_release(&resp);
	fake_stop(&f);
}

/* an adapter's own rule: 418 with "slow" in the body is a throttle */
static enum reply_class teapot(void *ctx, const struct reply *r,
			       struct verdict *v)
{
	int *calls = ctx;

	(*calls)++;
	if (r->status == 418 && r->body_len && strstr(r->body, "slow")) {
		v->wait_s = 2;
		snprintf(v->message, sizeof(v->message), "teapot says slow");
		return REPLY_THROTTLED;
	}
	return throttle_classify(API_GENERIC, r, v);
}

static void the_platform_hook_decides(void)
{
	const char *script = "[{\"status\":418,\"body\":\"slow\"},"
			     "{\"status\":418,\"body\":\"no\"}]";
	struct http_response resp;
	struct http_options o;
	struct fake f;
	int calls = 0;

	if (!CHECK(fake_start(&f, script, NULL) == 0))
		return;
	test_options(&o, API_GENERIC);
	o.classify = teapot;
	o.classify_ctx = &calls;
	http_response_init(&resp);
	CHECK_I64(send_once(&o, "POST", url(&f, "/t"), "{}", &resp), -1);
	CHECK_I64(calls, 2);
	CHECK_I64(fake_log(&f), 2);
	CHECK_I64(n_slept, 1);
	CHECK(slept[0] >= 2000 && slept[0] <= 2100);
	CHECK_I64(resp.cls, REPLY_CLIENT);
	CHECK_HAS(resp.error.buf, "client error: HTTP 418 (after 2 attempts)");
	http_response_release(&resp);
	fake_stop(&f);
}

static void tiktok_throttle_retries_even_a_post(void)
{
	static const char *const args[] = { "--platform", "tiktok",
					    "--throttle", "1", NULL };
	struct http_response resp;
	struct http_options o;
	struct fake f;

	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	test_options(&o, API_TIKTOK);
	http_response_init(&resp);
	CHECK_I64(send_once(&o, "POST",
			    url(&f, "/open_api/v1.3/campaign/create/"),
			    "{\"advertiser_id\":\"1\"}", &resp),
		  0);
	CHECK_I64(fake_log(&f), 2);
	CHECK_STR(logged(&f, 1, "body"), "{\"advertiser_id\":\"1\"}");
	/* no stated wait: throttle_wait_ms plus up to a base of jitter */
	CHECK_I64(n_slept, 1);
	CHECK(slept[0] >= 500 && slept[0] <= 600);
	CHECK_HAS(resp.body.buf, "\"code\": 0");
	http_response_release(&resp);
	fake_stop(&f);
}

static void hang_past_the_timeout(void)
{
	static const char *const args[] = { "--hang", "3", NULL };
	struct http_response resp;
	struct http_options o;
	struct fake f;
	double t0;

	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	test_options(&o, API_GENERIC);
	o.timeout_ms = 300;
	http_response_init(&resp);
	t0 = now_ms();
	CHECK_I64(send_once(&o, "GET", url(&f, "/slow"), NULL, &resp), 0);
	CHECK(now_ms() - t0 < 2500); /* gave up on the hang, did not wait */
	CHECK_I64(fake_log(&f), 2);
	CHECK_I64(resp.attempts, 2);
	fake_stop(&f);

	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	test_options(&o, API_GENERIC);
	o.timeout_ms = 300;
	CHECK_I64(send_once(&o, "POST", url(&f, "/slow"), "{}", &resp), -1);
	CHECK_I64(fake_log(&f), 1); /* sent, so never sent again */
	CHECK_I64(resp.cls, REPLY_NO_REPLY);
	CHECK_HAS(resp.error.buf, "no reply: ");
	CHECK_HAS(resp.error.buf, "timed out");
	http_response_release(&resp);
	fake_stop(&f);
}

static void connection_cut_mid_body(void)
{
	const char *script = "[{\"cut\":true,\"json\":{\"id\":\"1\"}},"
			     "{\"json\":{\"id\":\"2\"}}]";
	struct http_response resp;
	struct http_options o;
	struct fake f;

	if (!CHECK(fake_start(&f, script, NULL) == 0))
		return;
	test_options(&o, API_GENERIC);
	http_response_init(&resp);
	CHECK_I64(send_once(&o, "GET", url(&f, "/x"), NULL, &resp), 0);
	CHECK_I64(fake_log(&f), 2);
	CHECK_STR(resp.body.buf, "{\"id\": \"2\"}");
	fake_stop(&f);

	if (!CHECK(fake_start(&f, script, NULL) == 0))
		return;
	test_options(&o, API_GENERIC);
	CHECK_I64(send_once(&o, "POST", url(&f, "/x"), "{}", &resp), -1);
	CHECK_I64(fake_log(&f), 1);
	CHECK_I64(resp.cls, REPLY_NO_REPLY);
	http_response_release(&resp);
	fake_stop(&f);
}

static void auth_errors_are_not_retried(void)
{
	static const char *const linkedin[] = { "--platform", "linkedin",
						"--auth", NULL };
	static const char *const tiktok[] = { "--platform", "tiktok", "--auth",
					      NULL };
	struct http_response resp;
	struct http_options o;
	struct fake f;

	if (!CHECK(fake_start(&f, NULL, linkedin) == 0))
		return;
	test_options(&o, API_LINKEDIN);
	http_response_init(&resp);
	CHECK_I64(
		send_once(&o, "GET", url(&f, "/rest/adAccounts"), NULL, &resp),
		-1);
	CHECK_I64(fake_log(&f), 1);
	CHECK_I64(resp.cls, REPLY_AUTH);
	CHECK_HAS(resp.error.buf, "auth error: HTTP 401: The token used in "
				  "the request has been revoked");
	fake_stop(&f);

	if (!CHECK(fake_start(&f, NULL, tiktok) == 0))
		return;
	test_options(&o, API_TIKTOK);
	CHECK_I64(send_once(&o, "GET", url(&f, "/open_api/v1.3/report/"), NULL,
			    &resp),
		  -1);
	CHECK_I64(fake_log(&f), 1);
	CHECK_I64(resp.cls, REPLY_AUTH);
	CHECK_I64(resp.code, 40105);
	http_response_release(&resp);
	fake_stop(&f);
}

static void a_dead_server_is_retried_then_reported(void)
{
	static const char *const args[] = { "--die-after", "1", NULL };
	struct http_response resp;
	struct http_options o;
	struct fake f;
	char dead[256];

	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	test_options(&o, API_GENERIC);
	o.max_retries = 2;
	http_response_init(&resp);
	CHECK_I64(send_once(&o, "GET", url(&f, "/1"), NULL, &resp), 0);
	snprintf(dead, sizeof(dead), "%s", url(&f, "/2"));
	CHECK_I64(send_once(&o, "GET", dead, NULL, &resp), -1);
	CHECK_I64(resp.attempts, 3);
	CHECK_I64(resp.cls, REPLY_NO_REPLY);
	CHECK_HAS(resp.error.buf, "(after 3 attempts)");
	/* refused before a byte was sent: a POST may be tried again too */
	test_options(&o, API_GENERIC);
	o.max_retries = 2;
	CHECK_I64(send_once(&o, "POST", dead, "{}", &resp), -1);
	CHECK_I64(resp.attempts, 3);
	CHECK_I64(n_slept, 2);
	CHECK_I64(fake_log(&f), 1);
	http_response_release(&resp);
	fake_stop(&f);
}

static void sends_exactly_the_request(void)
{
	static const struct http_header headers[] = {
		{ "Authorization", "Bearer tok-123" },
		{ "LinkedIn-Version", "202601" },
		{ "X-RestLi-Protocol-Version", "2.0.0" },
	};
	const char *body = "{\"name\":\"Hiring \\u00e5\",\"status\":\"DRAFT\"}";
	struct http_response resp;
	struct http_request req = { .method = "POST",
				    .headers = headers,
				    .n_headers = ARRAY_SIZE(headers),
				    .content_type = "application/json" };
	struct http_options o;
	struct http_client *c;
	struct fake f;

	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	test_options(&o, API_LINKEDIN);
	c = http_client_new(&o);
	http_response_init(&resp);
	req.url = url(&f, "/rest/adAccounts/5/adCampaigns?x=List(a,b)");
	req.body = body;
	req.body_len = strlen(body);
	CHECK_I64(http_send(c, &req, &resp), 0);
	CHECK_I64(fake_log(&f), 1);
	CHECK_STR(logged(&f, 0, "method"), "POST");
	CHECK_STR(logged(&f, 0, "path"),
		  "/rest/adAccounts/5/adCampaigns?x=List(a,b)");
	CHECK_STR(logged(&f, 0, "body"), body);
	CHECK_STR(logged_header(&f, 0, "Authorization"), "Bearer tok-123");
	CHECK_STR(logged_header(&f, 0, "LinkedIn-Version"), "202601");
	CHECK_STR(logged_header(&f, 0, "Content-Type"), "application/json");
	CHECK_STR(logged_header(&f, 0, "User-Agent"), "jobmix/" JOBMIX_VERSION);
	CHECK(logged_header(&f, 0, "Expect") == NULL);
	CHECK_STR(http_response_header(&resp, "content-type"),
		  "application/json");
	/* a body past libcurl's threshold (1 MiB) goes without Expect too */
	{
		size_t n = (size_t)1 << 20 | 1000;
		char *big = xmalloc(n + 1);

		memset(big, 'x', n);
		big[n] = '\0';
		req.body = big;
		req.body_len = n;
		CHECK_I64(http_send(c, &req, &resp), 0);
		CHECK_I64(fake_log(&f), 2);
		CHECK(logged_header(&f, 1, "Expect") == NULL);
		CHECK_STR(logged(&f, 1, "body"), big);
		free(big);
	}
	/* a DELETE without a body, then a GET reusing the client */
	req.method = "DELETE";
	req.body = NULL;
	req.content_type = NULL;
	CHECK_I64(http_send(c, &req, &resp), 0);
	req.method = "GET";
	CHECK_I64(http_send(c, &req, &resp), 0);
	CHECK_I64(fake_log(&f), 4);
	CHECK_STR(logged(&f, 2, "method"), "DELETE");
	CHECK(logged_header(&f, 2, "Content-Type") == NULL);
	CHECK_STR(logged(&f, 3, "method"), "GET");
	CHECK_STR(logged(&f, 3, "body"), "");
	http_response_release(&resp);
	http_client_free(c);
	fake_stop(&f);
}

static bool has_token(const char *s)
{
	return s && (strstr(s, "EAAB-s3cr3t|tok") ||
		     strstr(s, "EAAB-s3cr3t%7Ctok") || strstr(s, "s3cr3t"));
}

/*
 * The token travels in the URL, a header and the body, and the fake
 * echoes it in its error; at -vv not one trace line, dry-run line or
 * error shows it, while the fake did receive it.
 */
static void no_token_in_traces_dry_runs_or_errors(void)
{
	const char *script =
		"[{\"status\":400,\"json\":{\"error\":{\"code\":100,"
		"\"message\":\"Invalid token EAAB-s3cr3t|tok given\"}}}]";
	static const struct http_header headers[] = {
		{ "Authorization", "OAuth EAAB-s3cr3t|tok" },
		{ "X-Echo", "EAAB-s3cr3t|tok" },
	};
	const char *body = "access_token=EAAB-s3cr3t%7Ctok&name=x";
	struct http_request req = {
		.method = "POST",
		.headers = headers,
		.n_headers = ARRAY_SIZE(headers),
		.body = body,
		.content_type = "application/x-www-form-urlencoded"
	};
	struct http_response resp;
	struct http_options o;
	struct http_client *c;
	struct fake f;
	char *dry = NULL;
	size_t dry_len = 0;
	int saved = verbosity;

	if (!CHECK(fake_start(&f, script, NULL) == 0))
		return;
	verbosity = 2;
	test_options(&o, API_META);
	c = http_client_new(&o);
	http_client_add_secret(c, "EAAB-s3cr3t|tok");
	http_response_init(&resp);
	req.body_len = strlen(body);
	req.url = url(&f, "/v25.0/act_1/campaigns?access_token="
			  "EAAB-s3cr3t%7Ctok");
	CHECK_I64(http_send(c, &req, &resp), -1);
	CHECK_I64(fake_log(&f), 1);
	CHECK(has_token(logged_header(&f, 0, "Authorization")));
	CHECK(has_token(logged(&f, 0, "path")));
	CHECK(has_token(resp.body.buf)); /* the raw reply is the caller's */
	CHECK_HAS(traced.buf, "> Authorization: [redacted]");
	CHECK_HAS(traced.buf, "> X-Echo: [redacted]");
	CHECK_HAS(traced.buf, "< HTTP/1.0 400");
	CHECK(!has_token(traced.buf));
	CHECK_HAS(resp.error.buf, "Invalid token [redacted] given");
	CHECK_HAS(resp.error.buf, "campaigns?access_token=[redacted]");
	CHECK(!has_token(resp.error.buf));
	http_client_free(c);

	o.dry_run = true;
	o.dry_run_out = open_memstream(&dry, &dry_len);
	c = http_client_new(&o);
	http_client_add_secret(c, "EAAB-s3cr3t|tok");
	CHECK_I64(http_send(c, &req, &resp), 0);
	fclose(o.dry_run_out);
	CHECK(!has_token(dry));
	CHECK(!has_token(traced.buf));
	CHECK_HAS(dry, "\"Authorization\":\"[redacted]\"");
	CHECK_I64(fake_log(&f), 1);
	free(dry);
	verbosity = saved;
	http_response_release(&resp);
	http_client_free(c);
	fake_stop(&f);
}

static void dry_run_prints_one_json_line_and_sends_nothing(void)
{
	static const struct http_header headers[] = {
		{ "Access-Token", "tt-secret" },
		{ "X-Trace", "on" },
	};
	const char *body = "{\"advertiser_id\":\"7\",\"budget\":50.0}";
	struct http_request req = { .method = "POST",
				    .headers = headers,
				    .n_headers = ARRAY_SIZE(headers),
				    .content_type = "application/json" };
	struct http_response resp;
	struct http_options o;
	struct fake f;
	char *dry = NULL;
	size_t dry_len = 0;

	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	test_options(&o, API_TIKTOK);
	o.dry_run = true;
	o.dry_run_out = open_memstream(&dry, &dry_len);
	http_response_init(&resp);
	req.url = url(&f, "/open_api/v1.3/campaign/create/");
	req.body = body;
	req.body_len = strlen(body);
	CHECK_I64(send_once(&o, "POST", req.url, NULL, &resp), 0);
	{
		struct http_client *c = http_client_new(&o);

		CHECK_I64(http_send(c, &req, &resp), 0);
		http_client_free(c);
	}
	fclose(o.dry_run_out);
	{
		struct strbuf want = STRBUF_INIT;

		strbuf_addf(&want,
			    "{\"method\":\"POST\",\"url\":\"%s\","
			    "\"headers\":{},\"body\":null}\n",
			    url(&f, "/open_api/v1.3/campaign/create/"));
		strbuf_addf(&want,
			    "{\"method\":\"POST\",\"url\":\"%s\","
			    "\"headers\":{\"Access-Token\":\"[redacted]\","
			    "\"X-Trace\":\"on\",\"Content-Type\":"
			    "\"application/json\"},\"body\":\"{\\\"advertiser_"
			    "id\\\":\\\"7\\\",\\\"budget\\\":50.0}\"}\n",
			    url(&f, "/open_api/v1.3/campaign/create/"));
		CHECK_STR(dry, want.buf);
		strbuf_release(&want);
	}
	CHECK(resp.dry_run);
	CHECK_I64(resp.attempts, 0);
	CHECK_I64(fake_log(&f), 0);
	free(dry);
	http_response_release(&resp);
	fake_stop(&f);
}

static void refuses_plain_http_off_the_loopback(void)
{
	static const char *const urls[] = {
		"http://graph.facebook.com/v25.0/me",
		"http://127.0.0.1.example.com/x",
		"http://[::2]/x",
		"ftp://127.0.0.1/x",
		"file:///etc/passwd",
	};
	struct http_response resp;
	struct http_options o;

	test_options(&o, API_META);
	http_response_init(&resp);
	for (size_t i = 0; i < ARRAY_SIZE(urls); i++) {
		CHECK_I64(send_once(&o, "GET", urls[i], NULL, &resp), -1);
		CHECK_I64(resp.cls, REPLY_CLIENT);
		CHECK_I64(resp.attempts, 0);
		CHECK_HAS(resp.error.buf, "refused: only https://");
	}
	CHECK_I64(send_once(&o, "GET", "https://u:p@graph.facebook.com/", NULL,
			    &resp),
		  -1);
	CHECK_HAS(resp.error.buf, "refused: a URL with a user name");
	CHECK_I64(send_once(&o, "GET", "http://127.0.0.1:80@example.com/x",
			    NULL, &resp),
		  -1);
	CHECK_HAS(resp.error.buf, "refused: a URL with a user name");
	CHECK_I64(send_once(&o, "GET", "no url at all", NULL, &resp), -1);
	CHECK_HAS(resp.error.buf, "refused: not a URL libcurl can read");
	{
		static const struct http_header bad[] = {
			{ "X-A", "1\r\nX-Injected: 2" },
		};
		static const struct http_header unnamed[] = {
			{ "", "1" },
		};
		struct http_client *c = http_client_new(&o);
		struct http_request req = { .method = "GET",
					    .url = "https://127.0.0.1:1/",
					    .headers = bad,
					    .n_headers = 1 };

		CHECK_I64(http_send(c, &req, &resp), -1);
		CHECK_HAS(resp.error.buf, "header 'X-A' has a line break");
		CHECK_I64(resp.attempts, 0);
		req.headers = unnamed;
		CHECK_I64(http_send(c, &req, &resp), -1);
		CHECK_HAS(resp.error.buf, "a header without name or value");
		req.url = NULL;
		CHECK_I64(http_send(c, &req, &resp), -1);
		CHECK_STR(resp.error.buf, "GET ?: client error: a request "
					  "without method or URL");
		http_client_free(c);
	}
	http_response_release(&resp);
}

/* TLS to a server that speaks none: fails at once, never retried */
static void tls_failures_are_not_retried(void)
{
	struct http_response resp;
	struct http_options o;
	struct fake f;
	char https[128];

	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	snprintf(https, sizeof(https), "https://127.0.0.1:%d/x", f.port);
	test_options(&o, API_GENERIC);
	http_response_init(&resp);
	CHECK_I64(send_once(&o, "GET", https, NULL, &resp), -1);
	CHECK_I64(resp.cls, REPLY_NO_REPLY);
	CHECK_I64(resp.attempts, 1);
	CHECK_I64(n_slept, 0);
	o.ca_file = "/nonexistent/ca.pem";
	CHECK_I64(send_once(&o, "GET", https, NULL, &resp), -1);
	CHECK_I64(resp.attempts, 1);
	CHECK_HAS(resp.error.buf, "/nonexistent/ca.pem");
	CHECK_I64(fake_log(&f), 0);
	http_response_release(&resp);
	fake_stop(&f);
}

static void a_reply_over_the_size_limit_fails(void)
{
	struct http_response resp;
	struct http_options o;
	struct fake f;

	if (!CHECK(fake_start(&f, NULL, NULL) == 0))
		return;
	test_options(&o, API_GENERIC);
	o.max_body = 10; /* the reply, {"ok": true}, has 12 bytes */
	http_response_init(&resp);
	CHECK_I64(send_once(&o, "GET", url(&f, "/big"), NULL, &resp), -1);
	CHECK_I64(resp.cls, REPLY_NO_REPLY);
	CHECK_HAS(resp.error.buf, "the reply is longer than 10 bytes");
	CHECK_I64(fake_log(&f), 1);
	o.max_body = 12;
	CHECK_I64(send_once(&o, "GET", url(&f, "/big"), NULL, &resp), 0);
	CHECK_STR(resp.body.buf, "{\"ok\": true}");
	fake_stop(&f);

	/* without a Content-Length the limit is found while reading */
	if (!CHECK(fake_start(&f,
			      "[{\"no_length\":true,\"body\":"
			      "\"0123456789abcdef\"}]",
			      NULL) == 0))
		return;
	o.max_body = 10;
	CHECK_I64(send_once(&o, "GET", url(&f, "/big"), NULL, &resp), -1);
	CHECK_HAS(resp.error.buf, "the reply is longer than 10 bytes");
	CHECK_I64(resp.attempts, 1);
	o.max_body = 16;
	CHECK_I64(send_once(&o, "GET", url(&f, "/big"), NULL, &resp), 0);
	CHECK_STR(resp.body.buf, "0123456789abcdef");
	http_response_release(&resp);
	fake_stop(&f);
}

static void jitter_is_seeded_and_bounded(void)
{
	static const char *const args[] = { "--fail", "20", NULL };
	long first[4];
	struct http_response resp;
	struct http_options o;
	struct fake f;

	if (!CHECK(fake_start(&f, NULL, args) == 0))
		return;
	http_response_init(&resp);
	test_options(&o, API_GENERIC);
	o.max_retries = 4;
	CHECK_I64(send_once(&o, "GET", url(&f, "/j"), NULL, &resp), -1);
	CHECK_I64(n_slept, 4);
	/* full jitter: up to 100, 200, 400, then the 400 cap */
	CHECK(slept[0] <= 100 && slept[1] <= 200 && slept[2] <= 400 &&
	      slept[3] <= 400);
	memcpy(first, slept, sizeof(first));
	test_options(&o, API_GENERIC);
	o.max_retries = 4;
	send_once(&o, "GET", url(&f, "/j"), NULL, &resp);
	CHECK(memcmp(first, slept, sizeof(first)) == 0);
	test_options(&o, API_GENERIC);
	o.max_retries = 4;
	o.seed = 43;
	send_once(&o, "GET", url(&f, "/j"), NULL, &resp);
	CHECK(memcmp(first, slept, sizeof(first)) != 0);
	CHECK_I64(fake_log(&f), 15);
	http_response_release(&resp);
	fake_stop(&f);
}

int main(void)
{
	if (http_global_init() < 0)
		return 1;
	verbosity = 1; /* the trace lines, into record_trace() */
	/* a proxy that is not there: the loopback must never use one */
	setenv("http_proxy", "http://127.0.0.1:9", 1);
	meta_throttles_are_http_400_with_codes();
	meta_auth_transient_and_client_errors();
	linkedin_signals_by_status();
	tiktok_signals_inside_http_200();
	redacts_headers_parameters_and_secrets();
	meta_throttle_waits_for_regained_access();
	throttle_longer_than_the_budget_gives_up();
	meta_success_with_regain_time_holds_the_next_call();
	linkedin_429_waits_retry_after_for_real();
	server_error_retries_a_get_not_a_post();
	tiktok_throttle_retries_even_a_post();
	the_platform_hook_decides();
	hang_past_the_timeout();
	connection_cut_mid_body();
	auth_errors_are_not_retried();
	a_dead_server_is_retried_then_reported();
	sends_exactly_the_request();
	no_token_in_traces_dry_runs_or_errors();
	dry_run_prints_one_json_line_and_sends_nothing();
	refuses_plain_http_off_the_loopback();
	tls_failures_are_not_retried();
	a_reply_over_the_size_limit_fails();
	jitter_is_seeded_and_bounded();
	strbuf_release(&traced);
	http_global_cleanup();
	return test_done();
}
