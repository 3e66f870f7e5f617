#!/usr/bin/env bash
# The report benchmark: jobmix report over a store of 1 000 000 daily
# metric rows (tests/bench/report_gen.py: the bundled example's plan,
# 2 500 ads over 400 days), in each format, with wall time and peak
# memory, and SQLite's plans of the report's queries (indexes used).
#
#   tests/bench/report.sh [--runs N] [--days D] [--ads N] [--rebuild]
#
# The store is kept in tests/bench/out/report/ (gitignored) and built
# again only with --rebuild or when missing. Needs python3 and GNU time
# (/usr/bin/time, Debian package time). The table goes to stdout and
# tests/bench/out/report/results.md. Build first: make jobmix
# tests/unit/test_report.t (make check builds both).
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=3 days=400 ads=2500 rebuild=0
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=$2; shift 2 ;;
	--days) days=$2; shift 2 ;;
	--ads) ads=$2; shift 2 ;;
	--rebuild) rebuild=1; shift ;;
	*) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 64 ;;
	esac
done
out=tests/bench/out/report
store=$out/store.db
mkdir -p "$out"
if [ "$rebuild" = 1 ] || [ ! -f "$store" ]; then
	rm -f "$store" "$store-wal" "$store-shm"
	echo "building $store: $days days x $ads ads" >&2
	./tests/unit/test_report.t --make-store "$store"
	./jobmix plan audiences/electricians-umea.json --format json \
		-o "$out/plan.json"
	python3 tests/bench/report_gen.py "$store" "$out/plan.json" \
		--days "$days" --ads "$ads"
fi

{
	echo "## Query plans"
	echo
	echo '```'
	./tests/unit/test_report.t --explain "$store"
	echo '```'
	echo
	echo "| report | wall time (median of $runs) | peak RSS |"
	echo "| --- | ---: | ---: |"
	while IFS='|' read -r name args; do
		times=""
		for _ in $(seq "$runs"); do
			# shellcheck disable=SC2086
			/usr/bin/time -f '%e %M' -o "$out/time" ./jobmix report \
				--store "$store" $args -o "$out/report.out" >/dev/null
			times="$times$(cat "$out/time")
"
		done
		med=$(printf '%s' "$times" | sort -n | awk -v n="$runs" \
			'NR == int((n + 1) / 2) { printf "%.2f s", $1 }')
		rss=$(printf '%s' "$times" | sort -n -k2 | tail -1 |
			awk '{ printf "%.1f MiB", $2 / 1024 }')
		echo "| $name | $med | $rss |"
	done <<'CASES'
HTML, every campaign|--format html
JSON|--format json
CSV by channel|--format csv
CSV by ad|--format csv --by ad
HTML, one month (--from/--to)|--format html --from 2027-02-01 --to 2027-02-28
CASES
} | tee "$out/results.md"
