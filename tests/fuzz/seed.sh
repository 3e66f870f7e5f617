#!/bin/sh
# tests/fuzz/seed.sh - add to the seed corpora in tests/fuzz/corpus/
# the bundled files and the inputs of tests/cli. Copies only, one file
# per distinct content, named after where it came from; files put there
# by hand (inputs found by fuzzing) stay. Commit the result.
set -eu
cd "$(dirname "$0")/../.."
c=tests/fuzz/corpus
mkdir -p "$c/audience" "$c/catalogue" "$c/csv" "$c/config" "$c/feed" \
	"$c/planfile" "$c/import"

# add SRC NAME DEST...: copy SRC as DEST/NAME unless DEST has its bytes
add() {
	src=$1 name=$2
	shift 2
	for dest in "$@"; do
		for have in "$dest"/*; do
			[ -e "$have" ] && cmp -s "$src" "$have" && continue 2
		done
		cp "$src" "$dest/$name"
	done
}

for f in audiences/*.json; do
	add "$f" "$(basename "$f")" "$c/audience"
done
for f in tests/cli/*/audience.json; do
	add "$f" "$(basename "$(dirname "$f")").json" "$c/audience"
done
add audiences/channels.csv channels.csv "$c/catalogue" "$c/csv"
for f in tests/cli/*/channels.csv; do
	add "$f" "$(basename "$(dirname "$f")").csv" "$c/catalogue" "$c/csv"
done
add config.example.ini config.example.ini "$c/config"
for f in tests/cli/*/*.ini; do
	add "$f" "$(basename "$(dirname "$f")").ini" "$c/config"
done
for f in audiences/*.xml; do
	add "$f" "$(basename "$f")" "$c/feed"
done
for f in tests/cli/*/feed.xml; do
	add "$f" "$(basename "$(dirname "$f")").xml" "$c/feed"
done
for f in tests/golden/*/plan.json tests/cli/*/plan.json; do
	add "$f" "$(basename "$(dirname "$f")").json" "$c/planfile"
done
for f in audiences/ats-*.csv audiences/metrics-*.csv; do
	add "$f" "$(basename "$f")" "$c/import"
done
for f in tests/cli/import-*/*.csv; do
	add "$f" "$(basename "$(dirname "$f")")-$(basename "$f")" "$c/import"
done
for d in "$c"/*; do
	echo "$d: $(find "$d" -type f | wc -l) files, $(du -sk "$d" | cut -f1) KiB"
done
