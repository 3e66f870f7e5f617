/*
 * http - requests to the ad platforms; the only module that knows
 * libcurl.
 *
 * A struct http_client holds one connection cache, its options and the
 * secrets it must never show. http_send() sends one request, retrying
 * it where that is safe (docs/development.md, "The http module"): GET
 * and HEAD, and requests marked idempotent, on a throttle, a 5xx, a
 * timeout or a broken connection; any request on a throttle (the
 * platform did not act on it) or when the connection failed before a
 * byte of it was sent. Waits grow exponentially with full jitter and
 * honour the platform's own wait; their number and their sum are
 * bounded. TLS peers are always verified; plain http:// is refused
 * except to the loopback (the test fakes), and so is a URL carrying a
 * user name or password.
 *
 * Nothing here prints: a failure leaves one line in response.error,
 * and progress goes to the trace hook (tracef at -v, headers at -vv).
 * Every trace line, dry-run line and error text has the secrets
 * redacted: Authorization and Access-Token values, access_token (and
 * other credential) parameters, and each string given to
 * http_client_add_secret(), raw or percent-encoded.
 */
#ifndef HTTP_H
#define HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "strbuf.h"
#include "throttle.h"

struct http_header {
	const char *name;
	const char *value;
};

struct http_request {
	const char *method; /* "GET", "POST", "DELETE", ... */
	const char *url;
	const struct http_header *headers; /* borrowed */
	size_t n_headers;
	const char *body; /* NULL: no body */
	size_t body_len;
	const char *content_type; /* NULL: none */
	/*
	 * The caller vouches that sending it twice does no harm (an
	 * idempotency key, a PARTIAL_UPDATE setting the same values):
	 * it is retried as a GET is.
	 */
	bool idempotent;
};

struct http_field {
	char *name;  /* owned */
	char *value; /* owned */
};

struct http_response {
	long status;                /* HTTP status; 0 when no reply came */
	struct strbuf body;         /* the last reply's body */
	struct http_field *headers; /* owned; the last reply's headers */
	size_t n_headers, alloc_headers;
	enum reply_class cls; /* REPLY_OK when http_send() returned 0 */
	double wait_s;        /* the platform's wait (see struct verdict) */
	double usage_pct;     /* Meta's usage headers; -1 none */
	long code, subcode;   /* the platform's error code and subcode */
	int attempts;         /* requests sent or tried; 0 in a dry run */
	long waited_ms;       /* time spent waiting between them */
	bool dry_run;         /* nothing was sent: the request was printed */
	struct strbuf error;  /* one line, redacted, when cls != REPLY_OK */
};

void http_response_init(struct http_response *r);
void http_response_release(struct http_response *r);
/* a header of the last reply, any case; NULL when absent */
const char *http_response_header(const struct http_response *r,
				 const char *name);

struct http_options {
	enum api_platform platform; /* whose throttle and error signals */
	/*
	 * The platform hook: what a reply means. NULL: the platform's
	 * own rules, throttle_classify(platform, ...). An adapter may
	 * wrap those (a batch endpoint with errors inside a 200 reply).
	 */
	enum reply_class (*classify)(void *ctx, const struct reply *r,
				     struct verdict *v);
	void *classify_ctx;
	long connect_timeout_ms;
	long timeout_ms;       /* one attempt, connect to last byte */
	size_t max_body;       /* a longer reply fails */
	int max_retries;       /* attempts after the first */
	long max_wait_ms;      /* all waits of one http_send() together */
	long backoff_base_ms;  /* first retry waits up to this, then x2 */
	long backoff_cap_ms;   /* one backoff wait at most */
	long throttle_wait_ms; /* a throttle that does not say how long */
	const char *ca_file;   /* CA bundle; NULL: the system's */
	bool dry_run;          /* send nothing; print each request */
	FILE *dry_run_out;     /* NULL: stdout */
	uint64_t seed;         /* jitter; 0: from the clock */
	/* each trace line, redacted, no newline; NULL: tracef() */
	void (*trace)(void *ctx, const char *line);
	void *trace_ctx;
	/* how to wait; NULL: nanosleep (tests record instead) */
	void (*sleep_ms)(void *ctx, long ms);
	void *sleep_ctx;
};

/*
 * The defaults: connect 10 s, 60 s an attempt, 16 MiB replies, 4
 * retries, 5 minutes of waiting, backoff from 1 s up to 60 s, 60 s for
 * a throttle without a stated wait.
 */
void http_options_init(struct http_options *o, enum api_platform p);

/* once per process, before any client; 0 or -1 (message printed) */
int http_global_init(void);
void http_global_cleanup(void);

struct http_client; /* opaque */

/* NULL after printing why (libcurl could not start) */
struct http_client *http_client_new(const struct http_options *o);
void http_client_free(struct http_client *c); /* accepts NULL */
/* never show s (an empty s is ignored); copied */
void http_client_add_secret(struct http_client *c, const char *s);

/*
 * Send req, with the retries above, into resp (initialised by the
 * caller, reset here). 0 when the last reply is REPLY_OK (or in a dry
 * run), -1 otherwise with resp->cls and resp->error saying why.
 */
int http_send(struct http_client *c, const struct http_request *req,
	      struct http_response *resp);

/* text with every secret of c replaced by "[redacted]", added to out */
void http_redact(const struct http_client *c, const char *text,
		 struct strbuf *out);

#endif
