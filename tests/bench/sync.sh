#!/usr/bin/env bash
# Sync benchmark: jobmix sync of N rows (one Meta account, 30 days of
# N/30 ads, so one window and one transaction) from the loopback Meta
# fake in synthetic mode, into a fresh store, twice per N: first while
# the fake renders every page (Python), then from the same fake
# replaying the pages it kept (--memo), which shows what jobmix itself
# does. Per run: wall time, rows per second, jobmix's own CPU time,
# rows per CPU second, peak RSS (GNU time); the store must hold exactly
# the N rows. See README.md, "Sync".
#
#   tests/bench/sync.sh [--sizes 10k,100k,1m] [--perf]
#
# --perf records a perf profile of the last replay run and prints where
# jobmix's time goes, by library and by function.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
sizes=10k,100k,1m
perf=0
while [ $# -gt 0 ]; do
	case $1 in
	--sizes) sizes=$2; shift 2 ;;
	--perf) perf=1; shift ;;
	-h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
	*) echo "sync.sh: unknown option $1" >&2; exit 64 ;;
	esac
done
[ -x ./jobmix ] || { echo "sync.sh: build ./jobmix first (make)" >&2; exit 1; }
out=tests/bench/out/sync
rm -rf "$out"; mkdir -p "$out"
cp ./jobmix "$out/jobmix.bench"
export FAKE_TOKEN=bench-token JOBMIX_NOW=2026-11-30
fake=
trap '[ -n "$fake" ] && kill "$fake" 2>/dev/null || true' EXIT

rows_of() {
	case $1 in
	*k) echo $(( ${1%k} * 1000 )) ;;
	*m) echo $(( ${1%m} * 1000000 )) ;;
	*) echo "$1" ;;
	esac
}

# run LABEL DIR ROWS [perf]: one sync into a fresh store, one table row
run() {
	local label=$1 d=$2 want=$3 got
	local cmd=("$out/jobmix.bench" -q -c "$d/jobmix.ini" sync --platform meta
		--since 2026-10-31 --until 2026-11-29)
	rm -f "$d/jobmix.db"*
	if [ "${4:-}" = perf ]; then
		perf record -q -o "$d/perf.data" -- "${cmd[@]}" 2>"$d/perf.err"
		rm -f "$d/jobmix.db"*
	fi
	/usr/bin/time -v "${cmd[@]}" 2>"$d/time.txt"
	got=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from metric_day').fetchone()[0])" "$d/jobmix.db")
	[ "$got" = "$want" ] || { echo "sync.sh: the store has $got rows, not $want" >&2; exit 1; }
	awk -v n="$got" -v label="$label" -F': ' '
		/Elapsed \(wall clock\)/ { k = split($2, t, ":"); wall = t[k - 1] * 60 + t[k]; if (k == 3) wall += t[1] * 3600 }
		/User time/ { u = $2 } /System time/ { s = $2 }
		/Maximum resident/ { rss = $2 / 1024 }
		END { printf "| %d | %s | %.2f | %.0f | %.2f | %.0f | %.1f |\n", n, label, wall, n / wall, u + s, n / (u + s), rss }' "$d/time.txt"
}

printf '| rows | fake | wall s | rows/s | jobmix CPU s | rows/CPU s | peak RSS MB |\n'
printf '| ---: | --- | ---: | ---: | ---: | ---: | ---: |\n'
IFS=, read -ra list <<<"$sizes"
last=
for size in "${list[@]}"; do
	n=$(rows_of "$size")
	ads=$(( (n + 29) / 30 ))
	d=$out/$size
	mkdir -p "$d"
	python3 tests/fake/meta_fake.py --port-file "$d/port" --log "$d/fake.log" \
		--synthetic "1:$ads:30:2026-10-31" --memo --idle-timeout 20 \
		--lifetime 300 &
	fake=$!
	for _ in $(seq 100); do [ -s "$d/port" ] && break; sleep 0.05; done
	cat >"$d/jobmix.ini" <<EOT
[store]
path = $d/jobmix.db
[meta]
base_url = http://127.0.0.1:$(cat "$d/port")
account_id = 1
token_env = FAKE_TOKEN
EOT
	run renders "$d" $(( ads * 30 ))
	if [ "$perf" = 1 ] && [ "$size" = "${list[-1]}" ]; then
		run replays "$d" $(( ads * 30 )) perf
	else
		run replays "$d" $(( ads * 30 ))
	fi
	kill "$fake" 2>/dev/null; wait "$fake" 2>/dev/null || true
	fake=
	last=$d
done
if [ "$perf" = 1 ]; then
	echo
	echo "perf, the last replay run: jobmix's samples by library"
	perf report -i "$last/perf.data" --stdio --no-children --sort dso 2>/dev/null |
		grep -E '^ +[0-9]' | head -8
	echo
	echo "and by function"
	perf report -i "$last/perf.data" --stdio --no-children --sort dso,symbol 2>/dev/null |
		grep -E '^ +[0-9]' | head -20
fi
