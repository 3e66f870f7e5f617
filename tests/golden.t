#!/bin/sh
# tests/golden.t - golden outputs of the jobmix binary, run by prove(1).
# tests/golden/README says what the cases are and when to regenerate.
#
# Each folder tests/golden/<case>/ holds:
#   args        the arguments, shell-quoted; $D is the case folder
#   status      the expected exit status
#   stdout      the exact expected standard output
#   stderr      optional: the exact expected standard error
#   stderr-has  optional: lines that must each appear in stderr
#   by-hand     optional: the expectations are written by hand and
#               `make golden` leaves the case alone
#   todo        optional: why the case is expected to fail for now; it
#               is reported as a TAP TODO (prove passes it, and says so
#               when it starts passing: then delete the file)
#   anything else: inputs the args name through $D
# A plan in the table format (no --format, or --format table) also
# fails when a line of its output is wider than 100 columns.
# Every case runs from the top of the tree, with no standard input,
# LC_ALL=C and JOBMIX_CONFIG=/dev/null (so a jobmix.ini there changes
# nothing).
#
#   tests/golden.t            compare (TAP)
#   tests/golden.t --update   rewrite stdout, stderr and status of every
#                             case without a by-hand file (make golden)
cd "$(dirname "$0")/.." || exit 1
JOBMIX=${JOBMIX:-$PWD/jobmix}
update=0
[ "${1:-}" = --update ] && update=1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

# run the case in folder $1; output in $tmp/out, $tmp/err, $tmp/status
run_case() {
	D=$1
	export D
	eval "set -- $(cat "$D/args")"
	(
		unset JOBMIX_CONFIG
		LC_ALL=C JOBMIX_CONFIG=/dev/null exec "$JOBMIX" "$@"
	) >"$tmp/out" 2>"$tmp/err" </dev/null
	echo $? >"$tmp/status"
}

# files $1 (expected) and $2 (got) differ: a diff as TAP comments
show_diff() {
	echo "#   $3 differs (- expected, + got):"
	diff -u "$1" "$2" | sed '1,2d; s/^/#   /' | head -60
}

for dir in tests/golden/*/; do
	dir=${dir%/}
	name=${dir#tests/golden/}
	[ -f "$dir/args" ] || continue
	n=$((n + 1))
	run_case "$dir"
	if [ $update = 1 ]; then
		if [ -f "$dir/by-hand" ]; then
			echo "golden: $name: by hand, left alone" >&2
			continue
		fi
		cp "$tmp/out" "$dir/stdout"
		cp "$tmp/err" "$dir/stderr"
		cp "$tmp/status" "$dir/status"
		echo "golden: $name: exit $(cat "$tmp/status")" >&2
		continue
	fi
	ok=1
	msg=$tmp/msg
	: >"$msg"
	if ! cmp -s "$dir/status" "$tmp/status"; then
		ok=0
		echo "#   exit status $(cat "$tmp/status"), want $(cat "$dir/status")" >>"$msg"
	fi
	for f in stdout stderr; do
		got=$tmp/out
		[ $f = stderr ] && got=$tmp/err
		if [ -f "$dir/$f" ] && ! cmp -s "$dir/$f" "$got"; then
			ok=0
			show_diff "$dir/$f" "$got" "$f" >>"$msg"
		fi
	done
	if [ -f "$dir/stderr-has" ]; then
		while IFS= read -r line || [ -n "$line" ]; do
			[ -z "$line" ] && continue
			grep -qF -- "$line" "$tmp/err" && continue
			ok=0
			echo "#   missing in stderr: $line" >>"$msg"
		done <"$dir/stderr-has"
	fi
	# the table format fits 100 columns (a UTF-8 sequence is one)
	if grep -q '^plan ' "$dir/args" && { ! grep -q -- '--format' "$dir/args" ||
		grep -q -- '--format table' "$dir/args"; }; then
		wide=$(LC_ALL=C tr -d '\200-\277' <"$tmp/out" |
			LC_ALL=C awk 'length > 100 { print NR": "length }')
		if [ -n "$wide" ]; then
			ok=0
			echo "#   lines over 100 columns (line: width):" >>"$msg"
			echo "$wide" | sed 's/^/#     /' | head -10 >>"$msg"
		fi
	fi
	todo=""
	[ -f "$dir/todo" ] && todo=" # TODO $(head -n1 "$dir/todo")"
	if [ $ok = 1 ]; then
		echo "ok $n - $name$todo"
	else
		[ -n "$todo" ] || failed=$((failed + 1))
		echo "not ok $n - $name$todo"
		cat "$msg"
		if ! [ -f "$dir/stderr" ]; then
			echo "#   stderr:"
			sed 's/^/#     /' "$tmp/err" | head -20
		fi
	fi
done
[ $update = 1 ] && exit 0
echo "1..$n"
[ $failed = 0 ]
