#!/bin/sh
# tests/browser.t - the HTML report in headless Chromium, run by prove(1).
#
# Two reports: a generated campaign (the plan of the bundled example,
# tests/bench/report_gen.py) and the fixture of hostile names
# (tests/report/fixture.py). tests/report/browser.py opens each from its
# file:// URL over --remote-debugging-pipe (no port) and checks that it
# loads with no console error and no network request and that the
# charts rendered; it saves a screenshot and an A4 PDF of each in
# tests/report/out/. With --update, the first screenshot becomes
# docs/report.png, the one the README shows. Skipped when Chromium is
# not installed (Debian: apt-get install chromium; .ci/run installs it).
cd "$(dirname "$0")/.." || exit 1
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
	echo "1..0 # SKIP chromium is not installed (apt-get install chromium)"
	exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
out=tests/report/out
mkdir -p "$out"
status=0

./tests/unit/test_report.t --make-store "$tmp/demo.db" &&
	./jobmix plan audiences/electricians-umea.json --format json \
		-o "$tmp/plan.json" &&
	python3 tests/bench/report_gen.py "$tmp/demo.db" "$tmp/plan.json" \
		--ads 24 --seed 3 &&
	./jobmix report --store "$tmp/demo.db" -o "$out/demo.html" >/dev/null ||
	{ echo "Bail out! cannot make the demo report"; exit 1; }
./tests/unit/test_report.t --make-store "$tmp/hostile.db" &&
	python3 tests/report/fixture.py "$tmp/hostile.db" &&
	./jobmix report --store "$tmp/hostile.db" -o "$out/hostile.html" \
		>/dev/null ||
	{ echo "Bail out! cannot make the hostile report"; exit 1; }

python3 tests/report/browser.py "$chromium" "$out/demo.html" \
	"$out/demo.png" "$out/demo.pdf" 1 || status=1
python3 tests/report/browser.py "$chromium" "$out/hostile.html" \
	"$out/hostile.png" "$out/hostile.pdf" 9 || status=1
echo "1..16"
if [ "$1" = --update ] && [ "$status" = 0 ]; then
	cp "$out/demo.png" docs/report.png
	echo "# docs/report.png updated"
fi
exit "$status"
