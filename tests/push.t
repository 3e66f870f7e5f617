#!/bin/sh
# tests/push.t - `jobmix push` end to end: a bundled plan and the example
# job feed pushed to the three fakes of tests/fake at once, then again
# (nothing created); a dry run first (no token, nothing sent) and a
# refused token last. TAP.
cd "$(dirname "$0")/.." || exit 1
JOBMIX=${JOBMIX:-$PWD/jobmix}
tmp=$(mktemp -d) || exit 1
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

"$JOBMIX" --config "$tmp/jobmix.ini" push "$tmp/plan.json" \
	--feed audiences/jobs.xml >"$tmp/out1" 2>"$tmp/err1"
ok $? "push creates the whole hierarchy"
grep -q " created, 0 updated, 0 unchanged, 0 skipped, 0 failed$" "$tmp/out1"
ok $? "the summary counts the objects created and none failed"
m1=$(objects meta) l1=$(objects linkedin) t1=$(objects tiktok)
[ "$m1" -gt 0 ] && [ "$l1" -gt 0 ] && [ "$t1" -gt 0 ]
ok $? "each fake holds objects (meta $m1, linkedin $l1, tiktok $t1)"
grep -q '"status":"PAUSED"\|status=PAUSED' "$tmp/meta.log"
ok $? "meta objects are created PAUSED"

"$JOBMIX" --config "$tmp/jobmix.ini" push "$tmp/plan.json" \
	--feed audiences/jobs.xml >"$tmp/out2" 2>"$tmp/err2"
ok $? "a second push succeeds"
grep -q ': 0 created, 0 updated, ' "$tmp/out2"
ok $? "a second push creates nothing"
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

echo "1..$n"
[ "$failed" = 0 ]
