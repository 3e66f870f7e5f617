#!/bin/sh
# tests/push.t - `jobmix push` end to end: a bundled plan and the example
# job feed pushed to the three fakes of tests/fake at once, then again
# (nothing created); a dry run first (no token, nothing sent) and a
# refused token last. TAP.
cd "$(dirname "$0")/.." || exit 1
JOBMIX=${JOBMIX:-$PWD/jobmix}
tmp=${KEEP:-$(mktemp -d)} || exit 1
mkdir -p "$tmp"
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; [ -n "$KEEP" ] || rm -rf "$tmp"' EXIT
n=0
failed=0
ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}

token=EAAB-push-t-token-not-real
export FAKE_TOKEN=$token JOBMIX_TEST_TOKEN=$token
start() { # name script args...
	name=$1
	script=$2
	shift 2
	python3 "tests/fake/$script" --port-file "$tmp/$name.port" \
		--log "$tmp/$name.log" --idle-timeout 30 "$@" &
	pids="$pids $!"
}
start meta meta_fake.py --account act_1:EUR:Europe/Helsinki
start linkedin linkedin_fake.py --account 507404993:EUR
start tiktok tiktok_fake.py
i=0
while [ $i -lt 100 ] && { [ ! -s "$tmp/meta.port" ] ||
	[ ! -s "$tmp/linkedin.port" ] || [ ! -s "$tmp/tiktok.port" ]; }; do
	sleep 0.05
	i=$((i + 1))
done
url() { echo "http://127.0.0.1:$(cat "$tmp/$1.port")"; }
cat >"$tmp/jobmix.ini" <<INI
[store]
path = $tmp/jobmix.db
[meta]
base_url = $(url meta)
account_id = act_1
token_env = JOBMIX_TEST_TOKEN
identity = 111222333
[linkedin]
base_url = $(url linkedin)/rest
account_id = 507404993
token_env = JOBMIX_TEST_TOKEN
identity = 2414183
[tiktok]
base_url = $(url tiktok)/open_api
account_id = 7000000001
token_env = JOBMIX_TEST_TOKEN
identity = 6987654321
image = ad-image-1
INI
"$JOBMIX" plan --budget 30000 --format json audiences/developers-helsinki.json \
	>"$tmp/plan.json" 2>/dev/null
ok $? "the bundled plan is written"

objects() { # the number of objects a fake holds
	python3 - "$(url "$1")" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/__fake/objects", headers={
    "Authorization": "Bearer EAAB-push-t-token-not-real",
    "LinkedIn-Version": "202601", "X-RestLi-Protocol-Version": "2.0.0",
    "Access-Token": "EAAB-push-t-token-not-real"})
d = json.load(urllib.request.urlopen(req))
d = d.get("data", d)
print(len(d.get("list", d.get("elements", d)) if isinstance(d, dict) else d))
PY
}

before=$(cat "$tmp"/*.log | wc -l)
JOBMIX_TEST_TOKEN= "$JOBMIX" --config "$tmp/jobmix.ini" push "$tmp/plan.json" \
	--feed audiences/jobs.xml --dry-run --platform tiktok \
	>"$tmp/dry" 2>"$tmp/dryerr"
ok $? "a dry run needs no token"
after=$(cat "$tmp"/*.log | wc -l)
[ "$before" = "$after" ]
ok $? "a dry run sends nothing"
! grep -q "$token" "$tmp/dry" "$tmp/dryerr"
ok $? "a dry run prints no token"
grep -q '"method":"POST"' "$tmp/dry" && ! grep -qv '^{"method"' "$tmp/dry"
ok $? "a dry run prints one JSON request per line on stdout"
grep -q '"url":"[^"]*/open_api/v1.3/tool/targeting/search/"' "$tmp/dry" &&
	grep -qF 'keywords\":[\"Helsinki\"],\"geo_types\":[\"CITY\"],\"region_codes\":[\"FI\"]' "$tmp/dry" &&
	grep -q "dry run: the city 'Helsinki' (FI) is not in the store's cache of tiktok's location ids, so this dry run targets all of FI" "$tmp/dryerr" &&
	grep -qF 'location_ids\":[\"660013\"]' "$tmp/dry"
ok $? "a dry run without a store prints the lookup and targets the country"
JOBMIX_TEST_TOKEN= "$JOBMIX" --config "$tmp/jobmix.ini" push "$tmp/plan.json" \
	--feed audiences/jobs.xml --dry-run --platform linkedin \
	>"$tmp/dry-li" 2>"$tmp/dryerr-li"
ok $? "a LinkedIn dry run needs no token"
after=$(cat "$tmp"/*.log | wc -l)
[ "$before" = "$after" ] && ! grep -q "$token" "$tmp/dry-li" "$tmp/dryerr-li"
ok $? "a LinkedIn dry run sends nothing and prints no token"
grep -q '"url":"[^"]*/rest/adTargetingEntities?q=typeahead&facet=urn%3Ali%3AadTargetingFacet%3Atitles&query=Backend%20Developer&queryVersion=QUERY_USES_URNS"' "$tmp/dry-li" &&
	grep -q '"url":"[^"]*/rest/adTargetingEntities?q=typeahead&facet=urn%3Ali%3AadTargetingFacet%3Askills&query=Python&queryVersion=QUERY_USES_URNS"' "$tmp/dry-li" &&
	! grep -q 'adTargetingFacet:titles' "$tmp/dry-li" &&
	grep -q "linkedin: campaign 'backend / linkedin_sponsored': dry run: the title 'Backend Developer', .* are not in the store's cache of linkedin's title and skill ids, so this dry run leaves them out" "$tmp/dryerr-li"
ok $? "a LinkedIn dry run prints the title and skill lookups and sends none"

"$JOBMIX" --config "$tmp/jobmix.ini" push "$tmp/plan.json" \
	--feed audiences/jobs.xml >"$tmp/out1" 2>"$tmp/err1"
ok $? "push creates the whole hierarchy"
grep -q " created, 0 updated, 0 unchanged, [0-9]* skipped, 0 failed$" \
	"$tmp/out1" && ! grep 'skipped ' "$tmp/out1" | grep -qv '^offline: '
ok $? "the summary counts the objects created; only offline cells skipped"
m1=$(objects meta) l1=$(objects linkedin) t1=$(objects tiktok)
[ "$m1" -gt 0 ] && [ "$l1" -gt 0 ] && [ "$t1" -gt 0 ]
ok $? "each fake holds objects (meta $m1, linkedin $l1, tiktok $t1)"
grep -q '"status":"PAUSED"\|status=PAUSED' "$tmp/meta.log"
ok $? "meta objects are created PAUSED"
# the store holds the plan it pushed, and every ad set and ad not on a
# shared ad set is tied to its plan cell: what report joins on
python3 - "$tmp/jobmix.db" "$tmp/plan.json" <<'PY'
import hashlib, json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
body = open(sys.argv[2], "rb").read()
plan = json.loads(body)
sha = hashlib.sha256(body).hexdigest()
rows = db.execute("SELECT p.id, c.name, p.body FROM plan p JOIN campaign c"
                  " ON c.id = p.campaign_id WHERE p.sha256 = ?", (sha,)).fetchall()
assert len(rows) == 1 and rows[0][1] == plan["campaign"]["name"], rows
assert rows[0][2].encode() == body
cells = db.execute("SELECT count(*) FROM cell WHERE plan_id = ?",
                   (rows[0][0],)).fetchone()[0]
assert cells == len(plan["cells"]), (cells, len(plan["cells"]))
loose = db.execute("SELECT count(*) FROM object WHERE kind IN ('ad_set', 'ad')"
                   " AND cell_id IS NULL AND local_key NOT LIKE '%:shared:%'"
                   ).fetchone()[0]
tied = db.execute("SELECT count(*) FROM object WHERE cell_id IS NOT NULL"
                  ).fetchone()[0]
assert loose == 0 and tied > 0, (loose, tied)
PY
ok $? "the store holds the pushed plan and ties its ad sets and ads to cells"
lookups() { # the location searches the fakes' logs hold
	cat "$tmp/meta.log" "$tmp/linkedin.log" "$tmp/tiktok.log" |
		grep -c '"path": "\(/v25.0/search\|/rest/adTargetingEntities\|/open_api/v1.3/tool/targeting/search/\)"'
}
k1=$(lookups)
facets() { # the title and skill searches the LinkedIn fake's log holds
	grep -c '"facet": "urn:li:adTargetingFacet:\(titles\|skills\)"' \
		"$tmp/linkedin.log"
}
f1=$(facets)
# Helsinki and Espoo on Meta and LinkedIn, Helsinki alone on TikTok
[ "$((k1 - f1))" = 5 ]
ok $? "each city is looked up once per platform ($((k1 - f1)) lookups)"
# the three LinkedIn personas' titles (4 + 5 + 3) and skills (6, then 4
# and 4 not asked before: Kotlin and Python are shared), once each
[ "$f1" = 26 ]
ok $? "each title and skill is looked up once on LinkedIn ($f1 lookups)"
! grep -q 'adTargetingFacet\|urn:li:title\|urn:li:skill\|flexible_spec\|work_positions' \
	"$tmp/meta.log" "$tmp/tiktok.log"
ok $? "Meta and TikTok get no titles or skills"
grep -qF '{\"or\":{\"urn:li:adTargetingFacet:titles\":[\"urn:li:title:104\",\"urn:li:title:102\"],\"urn:li:adTargetingFacet:skills\":[\"urn:li:skill:18\",\"urn:li:skill:26\",\"urn:li:skill:17\",\"urn:li:skill:27\",\"urn:li:skill:20\"]}}' "$tmp/linkedin.log"
ok $? "the backend campaign targets its titles or skills by their URNs"
grep -q "linkedin: campaign 'backend / linkedin_sponsored': linkedin's title and skill search found no title 'Ohjelmistokehittäjä', no title 'Senior Software Developer' and no skill 'Go', so they are left out of its targeting$" "$tmp/out1"
ok $? "the summary names the titles and skills left out"
grep -q 'targeting=%7B%22geo_locations%22%3A%7B%22cities%22%3A%5B%7B%22key%22%3A%221900103%22%2C%22radius%22%3A40%2C%22distance_unit%22%3A%22kilometer%22%7D%5D%7D' "$tmp/meta.log" &&
	grep -qF 'locations\":[\"urn:li:geo:1900203\"]' "$tmp/linkedin.log" &&
	grep -qF 'location_ids\":[\"1900303\"]' "$tmp/tiktok.log"
ok $? "Helsinki is sent by each platform's own id (Meta with its 40 km)"
grep -q "meta: ad set 'data-ml / meta_feed': meta's location search found no city named 'Espoo' in FI, so it targets all of FI" "$tmp/out1" &&
	grep -q "linkedin: campaign 'backend / linkedin_sponsored': linkedin has no radius around a city, so Helsinki (40 km) is targeted as the city alone, without the radius" "$tmp/out1"
ok $? "the summary says which city targets its country, and which radius is dropped"

"$JOBMIX" -vv --config "$tmp/jobmix.ini" push "$tmp/plan.json" \
	--feed audiences/jobs.xml >"$tmp/out2" 2>"$tmp/err2"
ok $? "a second push succeeds"
grep -qi 'authorization\|access-token' "$tmp/err2" &&
	! grep -q "$token" "$tmp/err2"
ok $? "its -vv trace shows the headers, never the token"
grep -q ': 0 created, 0 updated, ' "$tmp/out2"
ok $? "a second push creates nothing"
[ "$(lookups)" = "$k1" ]
ok $? "a second push looks nothing up (no city, title or skill)"
# a store with the first push's lookups but none of its objects
python3 - "$tmp/jobmix.db" "$tmp/cache.db" <<'PY'
import shutil, sqlite3, sys
shutil.copy(sys.argv[1], sys.argv[2])
db = sqlite3.connect(sys.argv[2])
db.execute("DELETE FROM object")
db.commit()
PY
sed "s|^path = .*|path = $tmp/cache.db|" "$tmp/jobmix.ini" >"$tmp/cache.ini"
JOBMIX_TEST_TOKEN= "$JOBMIX" --config "$tmp/cache.ini" push "$tmp/plan.json" \
	--feed audiences/jobs.xml --dry-run --platform linkedin \
	>"$tmp/dry-li2" 2>"$tmp/dryerr-li2"
! grep -q 'adTargetingEntities' "$tmp/dry-li2" &&
	! grep -q 'dry run: the title' "$tmp/dryerr-li2" &&
	grep -qF 'titles\":[\"urn:li:title:104\",\"urn:li:title:102\"]' "$tmp/dry-li2" &&
	[ "$(lookups)" = "$k1" ] && ! grep -q "$token" "$tmp/dry-li2" "$tmp/dryerr-li2"
ok $? "a dry run after the push answers titles and skills from the store"
[ "$(objects meta)" = "$m1" ] && [ "$(objects linkedin)" = "$l1" ] &&
	[ "$(objects tiktok)" = "$t1" ]
ok $? "the fakes hold the same objects after the second push"

JOBMIX_TEST_TOKEN=wrong "$JOBMIX" --config "$tmp/jobmix.ini" push \
	"$tmp/plan.json" --feed audiences/jobs.xml --platform meta \
	>/dev/null 2>"$tmp/err401"
[ $? = 78 ]
ok $? "a refused token is exit status 78"
grep -q 'meta refused the access token' "$tmp/err401" &&
	grep -q 'renew the token' "$tmp/err401"
ok $? "the message names the platform and what to renew"

# a second push while the store is locked (by a push or sync): 75
if command -v flock >/dev/null; then
	flock "$tmp/jobmix.db.lock" sleep 2 &
	holder=$!
	sleep 0.3
	"$JOBMIX" --config "$tmp/jobmix.ini" push "$tmp/plan.json" \
		--feed audiences/jobs.xml >/dev/null 2>"$tmp/err-lock"
	[ $? = 75 ] && grep -q "holds the store" "$tmp/err-lock"
	ok $? "a push while the store is locked: status 75"
	wait "$holder"
fi

# hostile feeds are refused before anything is sent
before=$(cat "$tmp"/*.log | wc -l)
for c in feed-external-entity feed-billion-laughs feed-truncated; do
	"$JOBMIX" --config "$tmp/jobmix.ini" push "$tmp/plan.json" \
		--feed "tests/cli/$c/feed.xml" >/dev/null 2>"$tmp/err-$c"
	[ $? = 65 ] && grep -q "feed.xml" "$tmp/err-$c"
	ok $? "$c: refused with status 65 and a message naming the feed"
done
{
	printf '<?xml version="1.0"?>\n<source>\n'
	yes '<job><title>T</title><referencenumber>R</referencenumber></job>' |
		head -n 790000
	printf '</source>\n'
} >"$tmp/big.xml"
"$JOBMIX" --config "$tmp/jobmix.ini" push "$tmp/plan.json" \
	--feed "$tmp/big.xml" >/dev/null 2>"$tmp/err-big"
[ $? = 65 ] && grep -q "big.xml" "$tmp/err-big"
ok $? "a 50 MB feed: refused with status 65 and a message"
after=$(cat "$tmp"/*.log | wc -l)
[ "$before" = "$after" ]
ok $? "nothing was sent for any hostile feed"

# one more Meta fake per case, alone in its config
meta_alone() { # name, fake args...: writes $tmp/$name.ini
	name=$1
	shift
	start "$name" meta_fake.py "$@"
	i=0
	while [ ! -s "$tmp/$name.port" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	cat >"$tmp/$name.ini" <<INI
[store]
path = $tmp/$name.db
[meta]
base_url = $(url "$name")
account_id = act_1
token_env = JOBMIX_TEST_TOKEN
identity = 111222333
INI
}
"$JOBMIX" plan --format json audiences/electricians-umea.json \
	>"$tmp/sek.json" 2>/dev/null

# an account in NOK and a plan in SEK with no NOK rate
meta_alone nok --account act_1:NOK:Europe/Oslo
"$JOBMIX" --config "$tmp/nok.ini" push "$tmp/sek.json" \
	--feed audiences/jobs.xml >/dev/null 2>"$tmp/err-nok"
[ $? = 65 ] && grep -q "is in NOK and the plan in SEK" "$tmp/err-nok"
ok $? "an account in another currency without a rate: status 65"
[ "$(wc -l <"$tmp/nok.log")" = 1 ] && [ "$(objects nok)" = 0 ]
ok $? "only the account was read: nothing was created"

# an account in USD: the audience's fx (1 USD = 10.45 SEK) converts
meta_alone usd --account act_1:USD:America/New_York
"$JOBMIX" --config "$tmp/usd.ini" push "$tmp/sek.json" \
	--feed audiences/jobs.xml >"$tmp/out-usd" 2>&1
ok $? "an account in USD is pushed with the plan's rate"
# 21.65 SEK / 10.45 = 2.0717... USD: 207 cents, rounded down
grep -q 'daily_budget=207&' "$tmp/usd.log"
ok $? "21.65 SEK a day becomes 207 US cents"
"$JOBMIX" --config "$tmp/usd.ini" push "$tmp/sek.json" \
	--feed audiences/jobs.xml --activate >"$tmp/out-act" 2>&1
ok $? "a second push with --activate succeeds"
grep -q ': 0 created, 11 updated, 6 unchanged, ' "$tmp/out-act" &&
	grep -q 'status=ACTIVE' "$tmp/usd.log"
ok $? "--activate sets the campaign, 4 ad sets and 6 ads ACTIVE"

# the platform refuses some ad sets: the rest is pushed, status 2
meta_alone low --min-daily 5000
"$JOBMIX" --config "$tmp/low.ini" push "$tmp/sek.json" \
	--feed audiences/jobs.xml >"$tmp/out-low" 2>&1
[ $? = 2 ]
ok $? "some ad sets refused by the platform: status 2"
grep -q ' 2 failed$' "$tmp/out-low" && grep -q "Budget Is Too Low" "$tmp/out-low"
ok $? "the summary counts the failures and says why"

echo "1..$n"
[ "$failed" = 0 ]
