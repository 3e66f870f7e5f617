#!/bin/sh
# tests/cli.t - end-to-end cases of the jobmix binary, run by prove(1).
#
# Each folder tests/cli/<case>/ holds:
#   args        the arguments, shell-quoted; $D is the case folder and
#               $T a scratch folder for outputs
#   status      the expected exit status
#   stdout      optional: the exact expected standard output
#   stderr      optional: the exact expected standard error
#   stdout-has  optional: lines that must each appear in stdout
#   stderr-has  optional: lines that must each appear in stderr
#   stdout-not, stderr-not  optional: lines that must not appear
#   files-not   optional: paths (after $T expansion) that must not exist
#   env         optional: sourced before the run (exports)
# The binary runs from the top of the tree with no standard input.
cd "$(dirname "$0")/.." || exit 1
JOBMIX=${JOBMIX:-$PWD/jobmix}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

# lines of file $1 must (want=1) or must not (want=0) be in file $2
has_lines() {
	while IFS= read -r line || [ -n "$line" ]; do
		[ -z "$line" ] && continue
		if grep -qF -- "$line" "$2"; then
			[ "$3" = 1 ] || { echo "#   unexpected: $line"; return 1; }
		else
			[ "$3" = 0 ] || { echo "#   missing: $line"; return 1; }
		fi
	done <"$1"
	return 0
}

for dir in tests/cli/*/; do
	dir=${dir%/}
	name=${dir#tests/cli/}
	n=$((n + 1))
	D=$dir
	T=$tmp/$name
	mkdir -p "$T"
	export D T
	eval "set -- $(cat "$dir/args")"
	(
		unset JOBMIX_CONFIG
		[ -f "$dir/env" ] && . "./$dir/env"
		exec "$JOBMIX" "$@"
	) >"$T/.stdout" 2>"$T/.stderr" </dev/null
	got=$?
	want=$(cat "$dir/status")
	ok=1
	msg=""
	if [ "$got" != "$want" ]; then
		ok=0
		msg="#   exit status $got, want $want"
	fi
	if [ $ok = 1 ] && [ -f "$dir/stdout" ] &&
		! cmp -s "$dir/stdout" "$T/.stdout"; then
		ok=0
		msg=$(diff -u "$dir/stdout" "$T/.stdout" | sed 's/^/#   /')
	fi
	if [ $ok = 1 ] && [ -f "$dir/stderr" ] &&
		! cmp -s "$dir/stderr" "$T/.stderr"; then
		ok=0
		msg=$(diff -u "$dir/stderr" "$T/.stderr" | sed 's/^/#   /')
	fi
	for check in "stdout-has .stdout 1" "stderr-has .stderr 1" \
		"stdout-not .stdout 0" "stderr-not .stderr 0"; do
		set -- $check
		if [ $ok = 1 ] && [ -f "$dir/$1" ]; then
			if ! msg=$(has_lines "$dir/$1" "$T/$2" "$3"); then
				ok=0
				msg="$msg (in $2)"
			fi
		fi
	done
	if [ $ok = 1 ] && [ -f "$dir/files-not" ]; then
		while IFS= read -r f; do
			f=$(eval "echo \"$f\"")
			if [ -e "$f" ]; then
				ok=0
				msg="#   $f exists but should not"
			fi
		done <"$dir/files-not"
	fi
	if [ $ok = 1 ]; then
		echo "ok $n - $name"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name"
		[ -n "$msg" ] && printf '%s\n' "$msg"
		echo "#   stderr:"
		sed 's/^/#     /' "$T/.stderr" | head -20
	fi
done
echo "1..$n"
[ $failed = 0 ]
