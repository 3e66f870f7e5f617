/* tests/unit/test_feed.c - reading the XML job feed */
#include "feed.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "strbuf.h"
#include "wrapper.h"
#include "test.h"

static struct strbuf cap;
static struct diag d;

/* parse len bytes as "f.xml", capturing the messages */
static int parse_n(const char *text, size_t len, struct feed *f)
{
	strbuf_reset(&cap);
	diag_init(&d, "f.xml");
	d.capture = &cap;
	return feed_parse(text, len, f, &d);
}

static int parse(const char *text, struct feed *f)
{
	return parse_n(text, strlen(text), f);
}

/* a one-job feed around the given elements; the job is on line 3 */
static int parse_job(const char *elements, struct feed *f)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	strbuf_addf(&sb,
		    "<?xml version=\"1.0\"?>\n<source>\n<job>%s</job>\n"
		    "</source>\n",
		    elements);
	rc = parse(sb.buf, f);
	strbuf_release(&sb);
	return rc;
}

#define REQUIRED                                               \
	"<title>T</title><referencenumber>R</referencenumber>" \
	"<url>https://example.com/r</url>"

static void reads_every_field(void)
{
	struct feed f;
	const char *xml =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<source>\n"
		"  <publisher>P</publisher>\n"
		"  <job>\n"
		"    <title><![CDATA[  Elektriker i Umeå ]]></title>\n"
		"    <date>Mon, 11 Jan 2027 08:00:00 GMT</date>\n"
		"    <referencenumber> NE-1 </referencenumber>\n"
		"    <url>https://example.com/ne-1?a=1&amp;b=2</url>\n"
		"    <company>Norrlands Elnät AB</company>\n"
		"    <city>Umeå</city>\n"
		"    <state>Västerbotten</state>\n"
		"    <country>SE</country>\n"
		"    <postalcode>903 27</postalcode>\n"
		"    <description><![CDATA[<p>Hej &amp; välkommen</p>]]>"
		"</description>\n"
		"    <salary>34 000 SEK</salary>\n"
		"    <jobtype>Heltid</jobtype>\n"
		"    <category>Elektriker</category>\n"
		"    <experience>2 år</experience>\n"
		"    <education>Gymnasium</education>\n"
		"  </job>\n"
		"  <job><title>B</title><referencenumber>NE-2</referencenumber>"
		"<url>http://example.com/2</url></job>\n"
		"</source>\n";

	CHECK(parse(xml, &f) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_I64(f.n, 2);
	CHECK_I64(f.jobs[0].line, 4);
	CHECK_STR(f.jobs[0].title, "Elektriker i Umeå");
	CHECK_STR(f.jobs[0].date, "Mon, 11 Jan 2027 08:00:00 GMT");
	CHECK_STR(f.jobs[0].date_ymd, "2027-01-11");
	CHECK_STR(f.jobs[0].referencenumber, "NE-1");
	CHECK_STR(f.jobs[0].url, "https://example.com/ne-1?a=1&b=2");
	CHECK_STR(f.jobs[0].company, "Norrlands Elnät AB");
	CHECK_STR(f.jobs[0].city, "Umeå");
	CHECK_STR(f.jobs[0].state, "Västerbotten");
	CHECK_STR(f.jobs[0].country, "SE");
	CHECK_STR(f.jobs[0].postalcode, "903 27");
	/* CDATA is kept as written: the HTML and its &amp; */
	CHECK_STR(f.jobs[0].description, "<p>Hej &amp; välkommen</p>");
	CHECK_STR(f.jobs[0].salary, "34 000 SEK");
	CHECK_STR(f.jobs[0].jobtype, "Heltid");
	CHECK_STR(f.jobs[0].category, "Elektriker");
	CHECK_STR(f.jobs[0].experience, "2 år");
	CHECK_STR(f.jobs[0].education, "Gymnasium");
	CHECK_I64(f.jobs[1].line, 21);
	CHECK_STR(f.jobs[1].title, "B");
	CHECK(f.jobs[1].description == NULL);
	CHECK(f.jobs[1].date == NULL);
	CHECK_STR(f.jobs[1].date_ymd, "");
	feed_release(&f);
	CHECK(f.jobs == NULL && f.n == 0);
}

static void joins_text_and_cdata_and_skips_the_unknown(void)
{
	struct feed f;

	CHECK(parse_job(REQUIRED "<company>A <![CDATA[& B]]> &lt;C&gt;<!-- x"
				 " --> D</company>"
				 "<logo><img src=\"x\"/></logo>"
				 "<category></category><city>  </city>",
			&f) == 0);
	CHECK_STR(strbuf_str(&cap), "");
	CHECK_STR(f.jobs[0].company, "A & B <C> D");
	CHECK(f.jobs[0].category == NULL);
	CHECK(f.jobs[0].city == NULL);
	feed_release(&f);
	/* other elements of <source>, and an empty feed */
	CHECK(parse("<source><publisher>P</publisher><lastBuildDate>x"
		    "</lastBuildDate></source>",
		    &f) == 0);
	CHECK_I64(f.n, 0);
	feed_release(&f);
}

static void reads_a_declared_latin1_feed_as_utf8(void)
{
	struct feed f;

	CHECK(parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
		    "<source><job><title>Ume\xe5</title>"
		    "<referencenumber>R</referencenumber>"
		    "<url>https://example.com/r</url></job></source>",
		    &f) == 0);
	CHECK_STR(f.jobs[0].title, "Ume\xc3\xa5");
	feed_release(&f);
}

static void requires_title_reference_and_url(void)
{
	struct feed f;

	CHECK(parse_job("<description>x</description>", &f) < 0);
	CHECK_STR(strbuf_str(&cap),
		  "f.xml:3: error: the job has no <title>\n"
		  "f.xml:3: error: the job has no <referencenumber>\n"
		  "f.xml:3: error: the job has no <url>\n");
	CHECK(f.jobs == NULL && f.n == 0);
	/* an empty element is an absent one */
	CHECK(parse_job("<title> </title><referencenumber>R</referencenumber>"
			"<url>https://example.com/r</url>",
			&f) < 0);
	CHECK_STR(strbuf_str(&cap), "f.xml:3: error: the job has no <title>\n");
}

static void checks_the_url(void)
{
	static const char *const bad[] = {
		"ftp://example.com/r",  "https://",      "https:///path",
		"https://exa mple.com", "example.com/r", "javascript:alert(1)",
	};
	struct feed f;

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct strbuf sb = STRBUF_INIT;
		struct strbuf want = STRBUF_INIT;

		strbuf_addf(&sb,
			    "<title>T</title><referencenumber>R"
			    "</referencenumber>\n<url>%s</url>",
			    bad[i]);
		strbuf_addf(&want,
			    "f.xml:4: error: <url> '%s' is not an http:// or "
			    "https:// address\n",
			    bad[i]);
		CHECK(parse_job(sb.buf, &f) < 0);
		CHECK_STR(strbuf_str(&cap), want.buf);
		strbuf_release(&sb);
		strbuf_release(&want);
	}
	CHECK(parse_job("<title>T</title><referencenumber>R</referencenumber>"
			"<url>HTTPS://Example.com</url>",
			&f) == 0);
	feed_release(&f);
}

static void reads_the_dates_feeds_write(void)
{
	static const struct {
		const char *in, *ymd;
	} good[] = {
		{ "2027-01-11", "2027-01-11" },
		{ "2027-01-11T08:00:00Z", "2027-01-11" },
		{ "2027-01-11T08:00Z", "2027-01-11" },
		{ "2027-01-11 08:00:00", "2027-01-11" },
		{ "2027-01-11T08:00:00.250+01:00", "2027-01-11" },
		{ "2027-01-11T23:59:59-0500", "2027-01-11" },
		{ "Mon, 11 Jan 2027 08:00:00 GMT", "2027-01-11" },
		{ "Mon, 1 Feb 2027 08:00 +0100", "2027-02-01" },
		{ "29 Feb 2028 08:00:00 CET", "2028-02-29" },
	};
	static const char *const bad[] = {
		"2027-02-29",
		"2027-13-01",
		"11.01.2027",
		"2027-1-11",
		"2027-01-11T25:00:00",
		"2027-01-11T08:00:00Zulu",
		"Mon, 11 Jnu 2027 08:00:00 GMT",
		"Mon, 32 Jan 2027 08:00:00 GMT",
		"Mon, 11 Jan 2027",
		"Monday, 11 Jan 2027 08:00:00 GMT",
		"",
	};
	char ymd[11];

	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		CHECK(feed_date(good[i].in, ymd) == 0);
		CHECK_STR(ymd, good[i].ymd);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		CHECK(feed_date(bad[i], ymd) < 0);
		CHECK_STR(ymd, "");
	}
}

static void reports_a_bad_date_at_its_line(void)
{
	struct feed f;

	CHECK(parse_job(REQUIRED "\n\n<date>2027-02-30</date>", &f) < 0);
	CHECK_STR(strbuf_str(&cap),
		  "f.xml:5: error: <date> '2027-02-30' is not a real date in "
		  "a form jobmix reads (2027-01-11, 2027-01-11T08:00:00Z or "
		  "Mon, 11 Jan 2027 08:00:00 GMT)\n");
}

static void refuses_a_field_twice_and_a_reference_twice(void)
{
	struct feed f;
	const char *xml =
		"<source>\n"
		"<job>" REQUIRED "\n<title>U</title></job>\n"
		"<job><title>T</title><referencenumber>S</referencenumber>"
		"<url>https://example.com/s</url></job>\n"
		"<job><title>T</title><referencenumber>R</referencenumber>"
		"<url>https://example.com/r</url></job>\n"
		"</source>\n";

	CHECK(parse(xml, &f) < 0);
	CHECK_STR(strbuf_str(&cap),
		  "f.xml:3: error: a second <title> in one job (the first is "
		  "on line 2)\n"
		  "f.xml:5: error: reference number 'R' again (first on line "
		  "2)\n");
	CHECK_I64(d.n_errors, 2);
}

static void refuses_markup_inside_a_field(void)
{
	struct feed f;

	CHECK(parse_job(REQUIRED "\n<description><p>x</p></description>", &f) <
	      0);
	CHECK_STR(strbuf_str(&cap),
		  "f.xml:4: error: <description> holds an element <p>; put "
		  "HTML inside <![CDATA[ ... ]]>\n");
}

static void refuses_a_document_type_and_its_entities(void)
{
	static const char *const hostile[] = {
		/* an external entity */
		"<?xml version=\"1.0\"?>\n<!DOCTYPE source [\n<!ENTITY x "
		"SYSTEM \"file:///etc/passwd\">]>\n<source><job><title>&x;"
		"</title></job></source>\n",
		/* billion laughs */
		"<?xml version=\"1.0\"?>\n<!DOCTYPE source [\n<!ENTITY a "
		"\"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		"<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
		"<source><job><title>&c;</title></job></source>\n",
		/* a parameter entity, fetched from the network */
		"<?xml version=\"1.0\"?>\n<!DOCTYPE source [\n<!ENTITY % p "
		"SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p;]>\n<source/>\n",
		/* an external DTD, and no entity at all */
		"<?xml version=\"1.0\"?>\n<!DOCTYPE source SYSTEM "
		"\"feed.dtd\">\n<source/>\n",
	};
	struct feed f;

	for (size_t i = 0; i < ARRAY_SIZE(hostile); i++) {
		CHECK(parse(hostile[i], &f) < 0);
		CHECK_STR(strbuf_str(&cap),
			  "f.xml:2: error: the feed has a <!DOCTYPE; jobmix "
			  "reads no document type declaration, so no entity "
			  "is ever declared, loaded or expanded\n");
		CHECK(f.jobs == NULL);
	}
	/* an entity never declared: libxml2's error, on its line */
	CHECK(parse("<source>\n<job><title>&nbsp;</title></job></source>", &f) <
	      0);
	CHECK_STR(strbuf_str(&cap), "f.xml:2: error: malformed XML: Entity "
				    "'nbsp' not defined\n");
}

static void reports_malformed_xml_once_with_its_line(void)
{
	static const struct {
		const char *xml;
		size_t len;
		const char *want;
	} cases[] = {
		{ "<source>\n<job>\n<title>T", 0,
		  "f.xml:3: error: malformed XML: Premature end of data in tag "
		  "title line 3\n" },
		{ "<source>\n<job><title>Ume\xe5</title></job></source>", 0,
		  "f.xml:2: error: malformed XML: Input is not proper UTF-8, "
		  "indicate encoding ! Bytes: 0xE5 0x3C 0x2F 0x74\n" },
		{ "<source>\n<job>\0</job></source>", 24,
		  "f.xml:2: error: the feed holds a NUL byte\n" },
		{ "", 0, "f.xml:1: error: the feed is empty\n" },
		{ " \n", 0,
		  "f.xml:2: error: malformed XML: Start tag expected, '<' not "
		  "found\n" },
		{ "<source></job></source>", 0,
		  "f.xml:1: error: malformed XML: Opening and ending tag "
		  "mismatch: source line 1 and job\n" },
	};
	struct strbuf deep = STRBUF_INIT;
	struct feed f;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].xml);

		CHECK(parse_n(cases[i].xml, len, &f) < 0);
		CHECK_STR(strbuf_str(&cap), cases[i].want);
		CHECK_I64(d.n_errors, 1);
	}
	/* libxml2's own limit on nesting stays on */
	strbuf_addstr(&deep, "<source>\n<job>");
	for (int i = 0; i < 300; i++)
		strbuf_addstr(&deep, "<x>");
	CHECK(parse(deep.buf, &f) < 0);
	CHECK_STR(strbuf_str(&cap),
		  "f.xml:2: error: malformed XML: Excessive depth in document: "
		  "256 use XML_PARSE_HUGE option\n");
	strbuf_release(&deep);
}

static void wants_a_source_root(void)
{
	struct feed f;

	CHECK(parse("<?xml version=\"1.0\"?>\n<rss><job/></rss>", &f) < 0);
	CHECK_STR(strbuf_str(&cap),
		  "f.xml:2: error: the root element is <rss>; a job feed is "
		  "a <source> of <job> elements\n");
}

static void limits_a_field_and_the_jobs(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct feed f;
	size_t i;

	strbuf_addstr(&sb, "<source><job>" REQUIRED "\n<description>");
	for (i = 0; i < FEED_MAX_FIELD; i++)
		strbuf_addch(&sb, 'a');
	strbuf_addstr(&sb, "</description></job></source>");
	CHECK(parse(sb.buf, &f) == 0); /* exactly the limit */
	CHECK_I64(strlen(f.jobs[0].description), FEED_MAX_FIELD);
	feed_release(&f);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "<source><job>" REQUIRED "\n<description>");
	for (i = 0; i <= FEED_MAX_FIELD; i++)
		strbuf_addch(&sb, 'a');
	strbuf_addstr(&sb, "</description></job></source>");
	CHECK(parse(sb.buf, &f) < 0);
	CHECK_STR(strbuf_str(&cap), "f.xml:2: error: <description> is longer "
				    "than 1 MiB (1 048 576 bytes)\n");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "<source>\n");
	for (i = 0; i <= FEED_MAX_JOBS; i++)
		strbuf_addf(
			&sb,
			"<job><title>T</title><referencenumber>%zu"
			"</referencenumber><url>https://e.com/</url></job>\n",
			i);
	strbuf_addstr(&sb, "</source>\n");
	CHECK(parse(sb.buf, &f) < 0);
	CHECK_STR(strbuf_str(&cap),
		  "f.xml:100002: error: the feed has more than 100 000 jobs\n");
	strbuf_release(&sb);
}

/* libxml2 prints nothing of its own: every message goes through the diag */
static void libxml2_prints_nothing(void)
{
	char path[] = "/tmp/test_feed_XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	struct feed f;
	off_t size;

	CHECK(fd >= 0 && saved >= 0);
	fflush(stderr);
	dup2(fd, 2);
	parse("<source>\n<job>\n<title>Ume\xe5", &f);
	parse("<?xml version=\"1.0\"?>\n<!DOCTYPE s [<!ENTITY x \"y\">]><s/>",
	      &f);
	parse("<source xmlns:a=\"relative\"><a:job/></source>", &f);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	size = lseek(fd, 0, SEEK_END);
	close(fd);
	unlink(path);
	CHECK_I64(size, 0);
}

static void loads_a_file_within_the_limit(void)
{
	char path[] = "/tmp/test_feed_XXXXXX";
	int fd = mkstemp(path);
	const char *xml = "<source><job>" REQUIRED "</job></source>\n";
	size_t limit = read_file_limit;
	struct feed f;

	CHECK(fd >= 0 && write(fd, xml, strlen(xml)) == (ssize_t)strlen(xml));
	close(fd);
	strbuf_reset(&cap);
	diag_init(&d, path);
	d.capture = &cap;
	CHECK(feed_load(path, &f, &d) == 0);
	CHECK_I64(f.n, 1);
	feed_release(&f);
	read_file_limit = 20;
	CHECK(feed_load(path, &f, &d) < 0);
	CHECK_HAS(strbuf_str(&cap), "error: cannot read: the file is larger "
				    "than the input limit");
	CHECK_I64(d.status, 65);
	read_file_limit = limit;
	unlink(path);
}

static void plain(const char *html, const char *want)
{
	char *got = feed_plain_text(html);

	CHECK_STR(got, want);
	free(got);
}

static void makes_plain_text_of_html(void)
{
	plain("<p>Vi söker <strong>elektriker</strong>.</p>\n<p>Sök nu!</p>",
	      "Vi söker elektriker.\n\nSök nu!");
	plain("<h2>Du</h2><ul>\n <li>B-körkort</li>\n <li>Behörighet\n AB"
	      "</li></ul><p>Lön &ndash; 34&nbsp;000 SEK &amp; mer</p>",
	      "Du\n\n- B-körkort\n- Behörighet AB\n\nLön \xe2\x80\x93 34 000 "
	      "SEK & mer");
	plain("a<br>b<br/>c<BR />d", "a\nb\nc\nd");
	plain("<script>alert('<p>')</script><style>p{}</style>x<!-- <p> -->y",
	      "xy");
	plain("<b>x</b>&#229;&#xE5;&#x1F600;&#0;&#xD800;&#99999999;&bogus;&amp",
	      "x\xc3\xa5\xc3\xa5\xf0\x9f\x98\x80 &bogus;&amp");
	plain("<p>  </p><p></p>", "");
	/* not HTML: line breaks and '&' stay, white space folds */
	plain("Line one  \n\n\n\nLine &amp; two\t end", "Line one\n\nLine "
							"&amp; two end");
	plain("5 < 6 and 7 > 3", "5 < 6 and 7 > 3");
	plain("<b>unclosed", "unclosed");
	plain("x<p", "x");
}

int main(void)
{
	reads_every_field();
	joins_text_and_cdata_and_skips_the_unknown();
	reads_a_declared_latin1_feed_as_utf8();
	requires_title_reference_and_url();
	checks_the_url();
	reads_the_dates_feeds_write();
	reports_a_bad_date_at_its_line();
	refuses_a_field_twice_and_a_reference_twice();
	refuses_markup_inside_a_field();
	refuses_a_document_type_and_its_entities();
	reports_malformed_xml_once_with_its_line();
	wants_a_source_root();
	limits_a_field_and_the_jobs();
	libxml2_prints_nothing();
	loads_a_file_within_the_limit();
	makes_plain_text_of_html();
	strbuf_release(&cap);
	return test_done();
}
