/*
 * ads_format - the ads of `jobmix ads` as a readable preview (table)
 * or as JSON (docs/ads-json.md). Each writer appends to a strbuf, so
 * the caller writes a file whole or not at all.
 */
#ifndef ADS_FORMAT_H
#define ADS_FORMAT_H

struct ad_plan;
struct feed;
struct planfile;
struct strbuf;

void ads_write_table(struct strbuf *sb, const struct planfile *pf,
		     const struct feed *feed, const struct ad_plan *ap);
void ads_write_json(struct strbuf *sb, const struct planfile *pf,
		    const struct feed *feed, const struct ad_plan *ap);

#endif
