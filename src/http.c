#include "http.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "json.h"
#include "strbuf.h"
#include "usage.h"
#include "wrapper.h"

#ifndef JOBMIX_VERSION
#define JOBMIX_VERSION "dev"
#endif

#define REDACTED    "[redacted]"
#define MAX_HEADERS 256 /* of one reply; more are dropped */

struct http_client {
	struct http_options o;
	CURL *curl;
	char errbuf[CURL_ERROR_SIZE];
	char **secrets; /* owned, each owned: raw and percent-encoded */
	size_t n_secrets, alloc_secrets;
	uint64_t rng;
	double hold_until_ms; /* now_ms() before which not to call again */
};

/* header names whose whole value is a credential */
static const char *const secret_headers[] = {
	"Authorization",
	"Proxy-Authorization",
	"Access-Token",
	"Cookie",
};

/* query, form and JSON parameters whose value is a credential */
static const char *const secret_params[] = {
	"access_token",  "appsecret_proof",   "client_secret",
	"refresh_token", "fb_exchange_token",
};

/* ---- setup ---- */

int http_global_init(void)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return errorf("cannot start libcurl");
	return 0;
}

void http_global_cleanup(void)
{
	curl_global_cleanup();
}

void http_options_init(struct http_options *o, enum api_platform p)
{
	memset(o, 0, sizeof(*o));
	o->platform = p;
	o->connect_timeout_ms = 10000;
	o->timeout_ms = 60000;
	o->max_body = 16u << 20;
	o->max_retries = 4;
	o->max_wait_ms = 300000;
	o->backoff_base_ms = 1000;
	o->backoff_cap_ms = 60000;
	o->throttle_wait_ms = 60000;
}

struct http_client *http_client_new(const struct http_options *o)
{
	struct http_client *c = xcalloc(1, sizeof(*c));

	c->o = *o;
	c->curl = curl_easy_init();
	if (!c->curl) {
		free(c);
		errorf("cannot start libcurl");
		return NULL;
	}
	c->rng =
		o->seed ? o->seed
			: (uint64_t)now_ms() * 2654435761u ^ (uint64_t)getpid();
	if (!c->rng)
		c->rng = 1;
	return c;
}

void http_client_free(struct http_client *c)
{
	if (!c)
		return;
	curl_easy_cleanup(c->curl);
	for (size_t i = 0; i < c->n_secrets; i++)
		free(c->secrets[i]);
	free(c->secrets);
	free(c);
}

static void add_secret_text(struct http_client *c, const char *s)
{
	for (size_t i = 0; i < c->n_secrets; i++)
		if (strcmp(c->secrets[i], s) == 0)
			return;
	ALLOC_GROW(c->secrets, c->n_secrets + 1, c->alloc_secrets);
	c->secrets[c->n_secrets++] = xstrdup(s);
}

void http_client_add_secret(struct http_client *c, const char *s)
{
	struct strbuf enc = STRBUF_INIT;

	if (!s || !*s)
		return;
	add_secret_text(c, s);
	/* as it appears in a URL or a form body */
	strbuf_addstr_urlencoded(&enc, s);
	add_secret_text(c, enc.buf);
	strbuf_release(&enc);
}

/* ---- redaction ---- */

static bool is_secret_header(const char *name, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(secret_headers); i++)
		if (strlen(secret_headers[i]) == len &&
		    strncasecmp(name, secret_headers[i], len) == 0)
			return true;
	return false;
}

/* at a line start "Authorization: ...": the bytes up to the line end */
static size_t header_line(const char *t, struct strbuf *out)
{
	size_t name = strcspn(t, ":\r\n");
	size_t end;

	if (t[name] != ':' || !is_secret_header(t, name))
		return 0;
	end = name + strcspn(t + name, "\r\n");
	strbuf_add(out, t, name + 1);
	strbuf_addstr(out, " " REDACTED);
	return end;
}

/* the longest registered secret at t: its length */
static size_t secret_at(const struct http_client *c, const char *t,
			struct strbuf *out)
{
	size_t best = 0;

	for (size_t i = 0; c && i < c->n_secrets; i++) {
		size_t n = strlen(c->secrets[i]);

		if (n > best && strncmp(t, c->secrets[i], n) == 0)
			best = n;
	}
	if (best)
		strbuf_addstr(out, REDACTED);
	return best;
}

/*
 * A credential parameter at t: "access_token=VALUE" in a query or form
 * (after ?, &, a space or the start), or "access_token": "VALUE" in
 * JSON. Writes the name and [redacted]; returns the bytes consumed.
 */
static size_t param_at(const char *text, const char *t, struct strbuf *out)
{
	char before = t > text ? t[-1] : '?';
	bool quoted = before == '"';

	if (!quoted && !strchr("?&; \t\n", before))
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(secret_params); i++) {
		size_t n = strlen(secret_params[i]), k = n, v;

		if (strncmp(t, secret_params[i], n) != 0)
			continue;
		if (!quoted && t[n] == '=') {
			v = strcspn(t + n + 1, "&#; \t\r\n\"'");
			strbuf_add(out, t, n + 1);
			strbuf_addstr(out, REDACTED);
			return n + 1 + v;
		}
		if (!quoted || t[k++] != '"')
			continue;
		k += strspn(t + k, " \t");
		if (t[k++] != ':')
			continue;
		k += strspn(t + k, " \t");
		if (t[k++] != '"')
			continue;
		for (v = k; t[v] && t[v] != '"'; v++)
			if (t[v] == '\\' && t[v + 1])
				v++;
		strbuf_add(out, t, k);
		strbuf_addstr(out, REDACTED);
		return v;
	}
	return 0;
}

void http_redact(const struct http_client *c, const char *text,
		 struct strbuf *out)
{
	const char *t = text;
	bool line_start = true;

	strbuf_grow(out, strlen(text));
	while (*t) {
		size_t n = line_start ? header_line(t, out) : 0;

		if (!n)
			n = secret_at(c, t, out);
		if (!n)
			n = param_at(text, t, out);
		if (n) {
			t += n;
			line_start = false;
			continue;
		}
		line_start = *t == '\n';
		strbuf_addch(out, *t++);
	}
}

/* ---- tracing ---- */

static void trace(const struct http_client *c, const char *fmt, ...)
	ATTR_PRINTF(2, 3);

static void trace(const struct http_client *c, const char *fmt, ...)
{
	struct strbuf raw = STRBUF_INIT, clean = STRBUF_INIT;
	va_list ap;

	if (verbosity < 1)
		return;
	va_start(ap, fmt);
	strbuf_vaddf(&raw, fmt, ap);
	va_end(ap);
	http_redact(c, raw.buf, &clean);
	defuse_controls(clean.buf, clean.len);
	if (c->o.trace)
		c->o.trace(c->o.trace_ctx, clean.buf);
	else
		tracef("%s", clean.buf);
	strbuf_release(&raw);
	strbuf_release(&clean);
}

/* -vv: the request and reply headers libcurl saw, one line each */
static int on_debug(CURL *h, curl_infotype type, char *data, size_t size,
		    void *ud)
{
	struct http_client *c = ud;
	const char *mark = type == CURLINFO_HEADER_OUT ? ">" : "<";
	size_t i = 0;

	(void)h;
	if (type != CURLINFO_HEADER_OUT && type != CURLINFO_HEADER_IN)
		return 0;
	while (i < size) {
		size_t n = 0;

		while (i + n < size && data[i + n] != '\n')
			n++;
		if (n && data[i + n - 1] == '\r')
			n--;
		if (n) {
			char *raw = xstrndup(data + i, n);
			struct strbuf line = STRBUF_INIT;

			/* a header name only counts at the start of a line */
			http_redact(c, raw, &line);
			trace(c, "http: %s %s", mark, line.buf);
			strbuf_release(&line);
			free(raw);
		}
		while (i + n < size && data[i + n] != '\n')
			n++;
		i += n + 1;
	}
	return 0;
}

/* ---- responses ---- */

void http_response_init(struct http_response *r)
{
	memset(r, 0, sizeof(*r));
	r->usage_pct = -1;
}

static void clear_headers(struct http_response *r)
{
	for (size_t i = 0; i < r->n_headers; i++) {
		free(r->headers[i].name);
		free(r->headers[i].value);
	}
	r->n_headers = 0;
}

void http_response_release(struct http_response *r)
{
	clear_headers(r);
	free(r->headers);
	strbuf_release(&r->body);
	strbuf_release(&r->error);
	http_response_init(r);
}

const char *http_response_header(const struct http_response *r,
				 const char *name)
{
	for (size_t i = 0; i < r->n_headers; i++)
		if (strcasecmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

/* ---- one attempt ---- */

struct attempt {
	struct http_client *c;
	struct http_response *resp;
	bool too_big;
};

static size_t on_body(char *data, size_t size, size_t n, void *ud)
{
	struct attempt *a = ud;
	size_t len = size * n;

	if (len > a->c->o.max_body - a->resp->body.len) {
		a->too_big = true;
		return 0; /* libcurl stops with CURLE_WRITE_ERROR */
	}
	strbuf_add(&a->resp->body, data, len);
	return len;
}

static size_t trim_len(const char *s, size_t n)
{
	while (n && strchr(" \t\r\n", s[n - 1]))
		n--;
	return n;
}

static size_t on_header(char *data, size_t size, size_t n, void *ud)
{
	struct attempt *a = ud;
	struct http_response *r = a->resp;
	size_t len = size * n, colon, v;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		clear_headers(r); /* a new reply (after 100 Continue) */
		return len;
	}
	colon = 0;
	while (colon < len && data[colon] != ':')
		colon++;
	if (colon == 0 || colon == len || r->n_headers >= MAX_HEADERS)
		return len;
	v = colon + 1;
	while (v < len && (data[v] == ' ' || data[v] == '\t'))
		v++;
	ALLOC_GROW(r->headers, r->n_headers + 1, r->alloc_headers);
	r->headers[r->n_headers].name = xstrndup(data, trim_len(data, colon));
	r->headers[r->n_headers].value =
		xstrndup(data + v, trim_len(data + v, len - v));
	r->n_headers++;
	return len;
}

static bool has_line_break(const char *s)
{
	return s && strpbrk(s, "\r\n") != NULL;
}

/* the header list of req (check_request() vetted the headers) */
static struct curl_slist *header_list(const struct http_request *req)
{
	struct curl_slist *list = NULL, *more;
	struct strbuf line = STRBUF_INIT;

	for (size_t i = 0; i <= req->n_headers + 1; i++) {
		strbuf_reset(&line);
		if (i < req->n_headers) {
			const struct http_header *h = &req->headers[i];

			strbuf_addf(&line, "%s: %s", h->name, h->value);
		} else if (i == req->n_headers) {
			/* "Content-Type:" alone drops libcurl's default */
			strbuf_addf(&line, "Content-Type:%s%s",
				    req->content_type ? " " : "",
				    req->content_type ? req->content_type : "");
		} else {
			strbuf_addstr(&line, "Expect:"); /* no 100-continue */
		}
		more = curl_slist_append(list, line.buf);
		if (!more)
			die("out of memory");
		list = more;
	}
	strbuf_release(&line);
	return list;
}

static void set_method(CURL *h, const struct http_request *req)
{
	if (strcmp(req->method, "GET") == 0 && !req->body) {
		curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
		return;
	}
	if (strcmp(req->method, "HEAD") == 0) {
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
		return;
	}
	if (strcmp(req->method, "POST") != 0)
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, req->method);
	if (req->body || strcmp(req->method, "POST") == 0) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
				 (curl_off_t)(req->body ? req->body_len : 0));
		curl_easy_setopt(h, CURLOPT_POSTFIELDS,
				 req->body ? req->body : "");
	}
}

static void set_options(struct http_client *c, struct attempt *a,
			const struct http_request *req)
{
	CURL *h = c->curl;

	curl_easy_reset(h); /* keeps the connection cache */
	curl_easy_setopt(h, CURLOPT_URL, req->url);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, c->o.connect_timeout_ms);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, c->o.timeout_ms);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->errbuf);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(h, CURLOPT_PROTOCOLS,
			 (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	/* a proxy from the environment, but never for the loopback */
	curl_easy_setopt(h, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1");
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	if (c->o.ca_file)
		curl_easy_setopt(h, CURLOPT_CAINFO, c->o.ca_file);
	curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "jobmix/" JOBMIX_VERSION);
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
			 (curl_off_t)c->o.max_body);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, a);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, a);
	if (verbosity >= 2) {
		curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, on_debug);
		curl_easy_setopt(h, CURLOPT_DEBUGDATA, c);
		curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
	}
	set_method(h, req);
}

/* libcurl failures worth another try: nothing in them is permanent */
static bool transient(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return true;
	default:
		return false;
	}
}

/*
 * Send once. Returns the libcurl code; *sent says whether any byte of
 * the request left (libcurl's request size), so that a POST that never
 * reached the server may be tried again.
 */
static CURLcode attempt(struct http_client *c, const struct http_request *req,
			struct http_response *resp, bool *sent)
{
	struct attempt a = { c, resp, false };
	struct curl_slist *list = header_list(req);
	long request_size = 0;
	CURLcode rc;

	strbuf_reset(&resp->body);
	clear_headers(resp);
	resp->status = 0;
	resp->wait_s = 0;
	resp->usage_pct = -1;
	resp->code = resp->subcode = 0;
	c->errbuf[0] = '\0';
	set_options(c, &a, req);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, list);
	rc = curl_easy_perform(c->curl);
	curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &resp->status);
	curl_easy_getinfo(c->curl, CURLINFO_REQUEST_SIZE, &request_size);
	*sent = request_size > 0;
	curl_slist_free_all(list);
	if (rc != CURLE_OK) {
		strbuf_reset(&resp->error);
		if (a.too_big || rc == CURLE_FILESIZE_EXCEEDED)
			strbuf_addf(&resp->error,
				    "the reply is longer than %zu bytes",
				    c->o.max_body);
		else
			strbuf_addstr(&resp->error,
				      c->errbuf[0] ? c->errbuf
						   : curl_easy_strerror(rc));
	}
	return rc;
}

/* ---- the retry loop ---- */

static void classify(struct http_client *c, struct http_response *resp)
{
	struct reply r = {
		.status = resp->status,
		.body = resp->body.buf,
		.body_len = resp->body.len,
		.retry_after = http_response_header(resp, "Retry-After"),
		.buc_usage =
			http_response_header(resp, "X-Business-Use-Case-Usage"),
		.app_usage = http_response_header(resp, "X-App-Usage"),
		.ad_account_usage =
			http_response_header(resp, "X-Ad-Account-Usage"),
		.insights_throttle = http_response_header(
			resp, "X-FB-Ads-Insights-Throttle"),
	};
	struct verdict v;

	if (c->o.classify) {
		memset(&v, 0, sizeof(v));
		v.usage_pct = -1;
		v.cls = c->o.classify(c->o.classify_ctx, &r, &v);
		v.message[sizeof(v.message) - 1] = '\0';
		if (!(v.wait_s >= 0 && v.wait_s <= 86400))
			v.wait_s = v.wait_s > 0 ? 86400 : 0;
	} else {
		throttle_classify(c->o.platform, &r, &v);
	}
	resp->cls = v.cls;
	resp->wait_s = v.wait_s;
	resp->usage_pct = v.usage_pct;
	resp->code = v.code;
	resp->subcode = v.subcode;
	strbuf_reset(&resp->error);
	if (v.cls == REPLY_OK)
		return;
	strbuf_addf(&resp->error, "HTTP %ld", resp->status);
	if (v.message[0])
		strbuf_addf(&resp->error, ": %s", v.message);
	if (v.code && v.subcode)
		strbuf_addf(&resp->error, " (code %ld, subcode %ld)", v.code,
			    v.subcode);
	else if (v.code)
		strbuf_addf(&resp->error, " (code %ld)", v.code);
}

static bool safe_method(const struct http_request *req)
{
	return req->idempotent || strcmp(req->method, "GET") == 0 ||
	       strcmp(req->method, "HEAD") == 0;
}

/* the retry rule of the header comment */
static bool may_retry(const struct http_request *req,
		      const struct http_response *resp, CURLcode rc, bool sent)
{
	switch (resp->cls) {
	case REPLY_NO_REPLY:
		return transient(rc) && (!sent || safe_method(req));
	case REPLY_THROTTLED:
		return true;
	case REPLY_RETRYABLE:
	case REPLY_SERVER:
		return safe_method(req);
	default:
		return false;
	}
}

static uint64_t next_random(struct http_client *c)
{
	/* xorshift64* */
	c->rng ^= c->rng >> 12;
	c->rng ^= c->rng << 25;
	c->rng ^= c->rng >> 27;
	return c->rng * 2685821657736338717ull;
}

/* uniform in [0, hi] */
static long jitter(struct http_client *c, long hi)
{
	return hi > 0 ? (long)(next_random(c) % ((uint64_t)hi + 1)) : 0;
}

/*
 * The wait before retry n (1, 2, ...): full jitter, uniform up to
 * base * 2^(n-1) capped; a throttle waits what the platform asked, or
 * throttle_wait_ms, plus up to one base of jitter; a stated wait on
 * any other reply (Retry-After on a 503) is a floor.
 */
static long wait_ms(struct http_client *c, const struct http_response *resp,
		    int n)
{
	long ceiling = c->o.backoff_base_ms, stated = 0, w;

	for (int i = 1; i < n && ceiling < c->o.backoff_cap_ms; i++)
		ceiling *= 2;
	if (ceiling > c->o.backoff_cap_ms)
		ceiling = c->o.backoff_cap_ms;
	if (resp->wait_s > 0)
		stated = (long)(resp->wait_s * 1000);
	if (resp->cls == REPLY_THROTTLED)
		return (stated ? stated : c->o.throttle_wait_ms) +
		       jitter(c, c->o.backoff_base_ms);
	w = jitter(c, ceiling);
	return w > stated ? w : stated;
}

static void pause_ms(struct http_client *c, long ms)
{
	struct timespec ts;

	if (ms <= 0)
		return;
	if (c->o.sleep_ms) {
		c->o.sleep_ms(c->o.sleep_ctx, ms);
		return;
	}
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* the final error line: what, where, how often; redacted */
static void finish_error(struct http_client *c, const struct http_request *req,
			 struct http_response *resp, long refused_wait_ms)
{
	struct strbuf raw = STRBUF_INIT;

	strbuf_addf(&raw, "%s %s: %s: %s", req->method ? req->method : "?",
		    req->url ? req->url : "?", throttle_class_name(resp->cls),
		    strbuf_str(&resp->error));
	if (resp->attempts > 1)
		strbuf_addf(&raw, " (after %d attempts)", resp->attempts);
	if (refused_wait_ms > 0)
		strbuf_addf(&raw,
			    "; the next try would have to wait %ld s, "
			    "past the %ld s allowed",
			    (refused_wait_ms + 999) / 1000,
			    c->o.max_wait_ms / 1000);
	strbuf_reset(&resp->error);
	http_redact(c, raw.buf, &resp->error);
	defuse_controls(resp->error.buf, resp->error.len);
	strbuf_release(&raw);
}

/* ", usage 95 %, wait 720 s" for the trace, or "" */
static const char *usage_note(const struct http_response *resp, char *buf,
			      size_t size)
{
	int n = 0;

	buf[0] = '\0';
	if (resp->usage_pct >= 0)
		n = snprintf(buf, size, ", usage %.0f %%", resp->usage_pct);
	if (resp->wait_s > 0 && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, ", wait %.0f s",
			 resp->wait_s);
	return buf;
}

/*
 * NULL when the client may call url: https, or http to the loopback,
 * as libcurl itself parses it (so "http://127.0.0.1:80@example.com"
 * is example.com), and no user or password in it; else why not.
 */
static const char *url_refusal(const char *url)
{
	static const char *const loopback[] = { "127.0.0.1", "localhost",
						"[::1]" };
	const char *why = "refused: only https:// URLs (or http:// to "
			  "127.0.0.1, localhost or [::1]) are called";
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *user = NULL;

	if (!u)
		die("out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK) {
		why = "refused: not a URL libcurl can read";
	} else if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK) {
		why = "refused: a URL with a user name or password in it";
	} else if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
		/* file:///... has none: refused as not https */
	} else if (strcasecmp(scheme, "https") == 0) {
		why = NULL;
	} else if (strcasecmp(scheme, "http") == 0) {
		for (size_t i = 0; i < ARRAY_SIZE(loopback); i++)
			if (strcasecmp(host, loopback[i]) == 0)
				why = NULL;
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(user);
	curl_url_cleanup(u);
	return why;
}

/* the request as one JSON line on dry_run_out */
static int print_dry_run(struct http_client *c, const struct http_request *req)
{
	struct strbuf line = STRBUF_INIT, tmp = STRBUF_INIT;
	struct json_writer w;
	FILE *out = c->o.dry_run_out ? c->o.dry_run_out : stdout;
	int ok;

	json_writer_init(&w, &line, false);
	json_object_begin(&w);
	json_key(&w, "method");
	json_string(&w, req->method);
	json_key(&w, "url");
	http_redact(c, req->url, &tmp);
	json_string(&w, tmp.buf);
	json_key(&w, "headers");
	json_object_begin(&w);
	for (size_t i = 0; i < req->n_headers; i++) {
		const struct http_header *h = &req->headers[i];

		strbuf_reset(&tmp);
		if (is_secret_header(h->name, strlen(h->name)))
			strbuf_addstr(&tmp, REDACTED);
		else
			http_redact(c, h->value, &tmp);
		json_key(&w, h->name);
		json_string(&w, tmp.buf);
	}
	if (req->content_type) {
		json_key(&w, "Content-Type");
		json_string(&w, req->content_type);
	}
	json_object_end(&w);
	json_key(&w, "body");
	if (req->body) {
		char *body = xstrndup(req->body, req->body_len);

		strbuf_reset(&tmp);
		http_redact(c, body, &tmp);
		json_string(&w, tmp.buf);
		free(body);
	} else {
		json_null(&w);
	}
	json_object_end(&w);
	strbuf_addch(&line, '\n');
	ok = fwrite(line.buf, 1, line.len, out) == line.len && fflush(out) == 0;
	strbuf_release(&line);
	strbuf_release(&tmp);
	return ok ? 0 : -1;
}

/* checks before anything is sent; -1 with resp->error set */
static int check_request(struct http_client *c, const struct http_request *req,
			 struct http_response *resp)
{
	const char *bad = NULL, *why;
	bool unnamed = false;

	for (size_t i = 0; i < req->n_headers; i++) {
		const struct http_header *h = &req->headers[i];

		if (!h->name || !*h->name || !h->value)
			unnamed = true;
		else if (has_line_break(h->name) || has_line_break(h->value))
			bad = h->name;
	}
	resp->cls = REPLY_CLIENT;
	if (!req->method || !*req->method || !req->url)
		strbuf_addstr(&resp->error, "a request without method or URL");
	else if (unnamed)
		strbuf_addstr(&resp->error, "a header without name or value");
	else if (bad || has_line_break(req->content_type))
		strbuf_addf(&resp->error, "header '%s' has a line break",
			    bad ? bad : "Content-Type");
	else if ((why = url_refusal(req->url)) != NULL)
		strbuf_addstr(&resp->error, why);
	else if (c->o.dry_run && print_dry_run(c, req) < 0)
		strbuf_addf(&resp->error, "cannot write the dry run: %s",
			    strerror(errno));
	else
		return 0;
	finish_error(c, req, resp, 0);
	return -1;
}

/* wait out a hold the platform asked for; -1 if it is too long */
static int honour_hold(struct http_client *c, struct http_response *resp)
{
	long left = (long)(c->hold_until_ms - now_ms());

	if (left <= 0)
		return 0;
	if (left > c->o.max_wait_ms) {
		resp->cls = REPLY_THROTTLED;
		resp->wait_s = (double)left / 1000;
		strbuf_addstr(&resp->error,
			      "not sent: the platform asked for a pause");
		return -1;
	}
	trace(c, "http: pausing %.3f s, as the platform asked",
	      (double)left / 1000);
	pause_ms(c, left);
	resp->waited_ms += left;
	return 0;
}

int http_send(struct http_client *c, const struct http_request *req,
	      struct http_response *resp)
{
	long next = 0;

	http_response_release(resp);
	if (check_request(c, req, resp) < 0)
		return -1;
	if (c->o.dry_run) {
		trace(c, "http: dry run, not sent: %s %s", req->method,
		      req->url);
		resp->dry_run = true;
		resp->cls = REPLY_OK;
		return 0;
	}
	if (honour_hold(c, resp) < 0) {
		finish_error(c, req, resp, (long)(resp->wait_s * 1000));
		return -1;
	}
	for (;;) {
		double t0 = now_ms();
		char note[64];
		bool sent;
		CURLcode rc;

		resp->attempts++;
		trace(c, "http: %s %s", req->method, req->url);
		rc = attempt(c, req, resp, &sent);
		if (rc == CURLE_OK)
			classify(c, resp);
		else
			resp->cls = REPLY_NO_REPLY;
		trace(c, "http: %s %s -> %s, HTTP %ld in %.0f ms%s",
		      req->method, req->url, throttle_class_name(resp->cls),
		      resp->status, now_ms() - t0,
		      usage_note(resp, note, sizeof(note)));
		if (resp->wait_s > 0 &&
		    (resp->cls == REPLY_OK || resp->cls == REPLY_THROTTLED))
			c->hold_until_ms = now_ms() + resp->wait_s * 1000;
		if (resp->cls == REPLY_OK)
			return 0;
		if (!may_retry(req, resp, rc, sent) ||
		    resp->attempts > c->o.max_retries)
			break;
		next = wait_ms(c, resp, resp->attempts);
		if (resp->waited_ms + next > c->o.max_wait_ms)
			break;
		trace(c, "http: retry %d of %d in %.3f s (%s)", resp->attempts,
		      c->o.max_retries, (double)next / 1000,
		      throttle_class_name(resp->cls));
		pause_ms(c, next);
		resp->waited_ms += next;
		c->hold_until_ms = 0;
		next = 0;
	}
	finish_error(c, req, resp, next);
	return -1;
}
