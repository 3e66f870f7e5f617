#!/bin/sh
# tests/report.t - jobmix report end to end, run by prove(1): the fixture
# store of tests/report/fixture.py and a generated campaign
# (tests/bench/report_gen.py). Every total of the CSV and the JSON is
# checked against the store's own sums (tests/report/totals.py, which
# reads the store with Python's sqlite3); the HTML goes to its default
# path under [report] dir, which is printed; --plan supplies a plan the
# store does not hold; a campaign not in the store is exit status 65.
cd "$(dirname "$0")/.." || exit 1
JOBMIX=${JOBMIX:-$PWD/jobmix}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
	fi
}

./tests/unit/test_report.t --make-store "$tmp/fix.db" &&
	python3 tests/report/fixture.py "$tmp/fix.db" ||
	{ echo "Bail out! no fixture store"; exit 1; }
./tests/unit/test_report.t --make-store "$tmp/gen.db" &&
	"$JOBMIX" plan audiences/electricians-umea.json --format json \
		-o "$tmp/plan.json" &&
	python3 tests/bench/report_gen.py "$tmp/gen.db" "$tmp/plan.json" \
		--days 42 --ads 40 ||
	{ echo "Bail out! no generated store"; exit 1; }

for db in fix gen; do
	for by in channel persona day ad platform; do
		"$JOBMIX" report --store "$tmp/$db.db" --format csv --by "$by" \
			>"$tmp/$db-$by.csv" 2>"$tmp/err"
		python3 tests/report/totals.py csv "$tmp/$db.db" "$tmp/$db-$by.csv"
		ok $? "$db: CSV by $by: totals and lines add up to the store's rows"
	done
	"$JOBMIX" report --store "$tmp/$db.db" --format json --by ad \
		>"$tmp/$db.json" 2>"$tmp/err"
	python3 tests/report/totals.py json "$tmp/$db.db" "$tmp/$db.json"
	ok $? "$db: JSON totals and tables add up to the store's rows"
done

# what the imports alone give: no id map; --plan claims the rows
./tests/unit/test_report.t --make-store "$tmp/imp.db" &&
	python3 tests/bench/report_gen.py "$tmp/imp.db" "$tmp/plan.json" \
		--days 42 --ads 12 --no-ids ||
	{ echo "Bail out! no import-like store"; exit 1; }
"$JOBMIX" report --store "$tmp/imp.db" --plan "$tmp/plan.json" \
	--format json --by ad >"$tmp/imp.json" 2>"$tmp/err"
python3 tests/report/totals.py json "$tmp/imp.db" "$tmp/imp.json" &&
	python3 - "$tmp/imp.db" "$tmp/imp.json" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
apps, = db.execute("SELECT count(*) FROM ats_event"
                   " WHERE kind = 'application'").fetchone()
doc = json.load(open(sys.argv[2]))
g, = doc["campaigns"]
assert g["campaign_id"] is None and g["campaign"].startswith("Grid"), g
assert g["totals"]["applications"] == apps > 0, (g["totals"], apps)
assert g["plan"] and g["plan"]["spent_to_date"] == g["totals"]["spend"]
assert all(line["key"] != "(none)" for line in g["by_channel"])
PY
ok $? "no id map: --plan claims rows by ad name and events by UTM"
"$JOBMIX" report --store "$tmp/imp.db" --format csv >"$tmp/imp.csv" &&
	grep -q '^0,(no campaign),SEK,total,' "$tmp/imp.csv"
ok $? "no id map and no --plan: the rows are under (no campaign)"

# HTML to reports/<campaign>_<from>_<to>.html under [report] dir
printf '[report]\ndir = %s/out\nagency = Acme Talent\n' "$tmp" >"$tmp/c.ini"
"$JOBMIX" --config "$tmp/c.ini" report --store "$tmp/gen.db" \
	--campaign 1 >"$tmp/path" 2>"$tmp/err"
want="$tmp/out/grid-electricians-umea-winter-2027_2027-01-11_2027-02-21.html"
[ "$(cat "$tmp/path")" = "$want" ] && [ -s "$want" ]
ok $? "HTML goes to the default path, which is printed"
grep -q "Acme Talent" "$want" && ! grep -qi "<script" "$want" &&
	! grep -Eq "(src|href)=\"(https?:|//)" "$want"
ok $? "HTML: the agency's name, no script, no external reference"

# the fixture's campaign 2 holds a plan; remove it, give it as a file
python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
body = db.execute('SELECT body FROM plan WHERE id = 1').fetchone()[0]
open(sys.argv[2], 'w').write(body)
db.execute('UPDATE plan SET body = ? WHERE id = 1', ('{}',))
db.commit()" "$tmp/fix.db" "$tmp/plan1.json"
"$JOBMIX" report --store "$tmp/fix.db" --campaign "Grid electricians" \
	--format json >"$tmp/noplan.json" 2>"$tmp/err"
grep -q '"plan":	null' "$tmp/noplan.json" &&
	grep -q "the store's plan cannot be read" "$tmp/err"
ok $? "a store plan that cannot be read: a warning, no plan versus actual"
"$JOBMIX" report --store "$tmp/fix.db" --campaign "Grid electricians" \
	--format json --plan "$tmp/plan1.json" >"$tmp/plan.out" 2>"$tmp/err"
grep -q '"planned_to_date":	45000' "$tmp/plan.out"
ok $? "--plan FILE: plan versus actual from the file"

"$JOBMIX" report --store "$tmp/fix.db" --campaign "no such" \
	>/dev/null 2>"$tmp/err"
[ $? = 65 ] && grep -q "no campaign 'no such' in the store" "$tmp/err"
ok $? "a campaign not in the store: exit 65"
"$JOBMIX" report --store "$tmp/fix.db" --value-per-hire 1.234 \
	>/dev/null 2>"$tmp/err"
[ $? = 64 ]
ok $? "--value-per-hire with more decimals than the currency: exit 64"

echo "1..$n"
[ $failed = 0 ]
