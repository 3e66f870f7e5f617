#!/usr/bin/env bash
# tests/check-house.sh - the house checks of STYLE.md that a script can make.
#
#   bash tests/check-house.sh [DIR]    check DIR/src and DIR/include
#                                      (default: this tree)
#   bash tests/check-house.sh --self-test
#
# 1. One library, one module: each of glpk.h, cjson/, curl/, libxml/ and
#    sqlite3.h is included by at most one file, never by a header in
#    include/.
# 2. No include cycles: module X depends on Y when X.c or X.h includes
#    "Y.h"; every cycle found is printed as a path.
# 3. No function in src/ over 80 lines (first line of its signature to
#    its closing brace) unless a comment right above it says "long:",
#    e.g. /* long: one case per column of the catalogue */.
# (MAX_LINES=N in the environment moves the limit, to see the spread.)
# It then prints the line count of each file in src/. Exit status: 0
# when all three hold, 1 otherwise.
set -u

MAX_LINES=${MAX_LINES:-80}
# each library: the name shown, then what its #include names start with
LIBS="glpk.h=glpk\.h cjson/=(cjson/|cJSON\.h) curl/=curl/ libxml/=libxml/
sqlite3.h=sqlite3\.h"

# the .c and .h files under DIR/src and DIR/include, one a line
sources() {
	find "$1/src" "$1/include" -type f \( -name '*.c' -o -name '*.h' \) \
		2>/dev/null | LC_ALL=C sort
}

# 1: print the owner of each library; 1 if one has two or a header
check_libraries() {
	local dir=$1 lib re files n bad=0
	for lib in $LIBS; do
		re="^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]${lib#*=}"
		lib=${lib%%=*}
		files=$(sources "$dir" | xargs grep -lE "$re" 2>/dev/null |
			sed "s|^$dir/||")
		n=$(printf '%s' "$files" | grep -c .)
		if [ "$n" -eq 0 ]; then
			printf '  %-10s no file\n' "$lib"
		elif [ "$n" -eq 1 ] && [[ $files != include/* ]]; then
			printf '  %-10s %s\n' "$lib" "$files"
		else
			printf '  %-10s FAIL: included by %s\n' "$lib" \
				"$(echo "$files" | paste -sd ' ')"
			if printf '%s\n' "$files" | grep -q '^include/'; then
				echo "             a header in include/ must not include" \
					"a library's header: its users would all depend on it"
			fi
			if [ "$n" -gt 1 ]; then
				echo "             one module owns a library: move these" \
					"calls behind that module's own header"
			fi
			bad=1
		fi
	done
	return $bad
}

# 2: the module graph as "X Y" lines, then its cycles; 1 if any
check_cycles() {
	local dir=$1 f mod
	sources "$dir" | while read -r f; do
		mod=$(basename "$f")
		mod=${mod%.*}
		mod=${mod%_int} # a module's private header is the module
		case $f in
		"$dir"/src/*/*) mod="$(basename "$(dirname "$f")")/$mod" ;;
		esac
		sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)\.h".*/\1/p' \
			"$f" | while read -r dep; do
			dep=$(basename "$dep")
			dep=${dep%_int}
			[ "$dep" != "$mod" ] && echo "$mod $dep"
		done
	done | LC_ALL=C sort -u | awk '
	function add(m) { if (!(m in seen)) { seen[m]; names[++n] = m } }
	{ adj[$1, ++deg[$1]] = $2; add($1); add($2) }
	# depth-first search; a grey node met again closes a cycle
	function visit(u,    i, v, k, p) {
		color[u] = 1
		stack[++top] = u
		for (i = 1; i <= deg[u]; i++) {
			v = adj[u, i]
			if (color[v] == 1) {
				for (k = top; stack[k] != v; k--)
					;
				p = v
				for (k++; k <= top; k++)
					p = p " -> " stack[k]
				print "  cycle: " p " -> " v
				found++
			} else if (!color[v]) {
				visit(v)
			}
		}
		top--
		color[u] = 2
	}
	END {
		for (i = 1; i <= n; i++)
			if (!color[names[i]])
				visit(names[i])
		printf "  %d modules, %d cycles\n", n, found
		exit found > 0
	}'
}

# 3: functions over MAX_LINES without a "long:" comment above; 1 if any
check_lengths() {
	local dir=$1 f
	find "$dir/src" -type f -name '*.c' | LC_ALL=C sort | while read -r f; do
		awk -v file="${f#"$dir"/}" -v max="$MAX_LINES" '
		# a comment block: remember where it ended and what it said
		!in_c && /^[[:space:]]*\/\*/ { in_c = 1; text = "" }
		in_c { text = text $0 "\n" }
		in_c && /\*\/[[:space:]]*$/ { in_c = 0; c_end = NR; c_text = text; next }
		in_c { next }
		# a signature starts at column 0 with an identifier
		!body && /^[A-Za-z_]/ && !/;[[:space:]]*$/ {
			sig = NR; sig_text = $0
			marked = (c_end == NR - 1 && c_text ~ /long:/)
		}
		$0 == "{" && prev ~ /\)[[:space:]]*$/ && sig {
			start = sig; body = 1
			name = sig_text
			sub(/[[:space:]]*\(.*/, "", name)
			sub(/.*[[:space:]*]/, "", name)
		}
		$0 == "}" && body {
			len = NR - start + 1
			if (len > max && !marked) {
				printf "  %s:%d: %s() is %d lines\n", file, start, name, len
				bad++
			}
			body = 0; sig = 0
		}
		{ prev = $0 }
		END { exit bad > 0 }' "$f" || echo FAIL
	done | awk '/^FAIL$/ { bad = 1; next } { print } END { exit bad }'
}

house() {
	local dir=$1 fail=""
	echo "== one library, one module ($dir)"
	check_libraries "$dir" || fail="$fail libraries"
	echo "== include cycles between modules"
	check_cycles "$dir" || fail="$fail cycles"
	echo "== functions over $MAX_LINES lines without a 'long:' comment"
	check_lengths "$dir" || fail="$fail long-functions"
	echo "== lines per file in src/"
	find "$dir/src" -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort |
		xargs wc -l | sed "s|$dir/||"
	if [ -n "$fail" ]; then
		echo "check-house: FAIL:$fail"
		return 1
	fi
	echo "check-house: ok"
}

# a function of n body lines, marked when $3 is given
fixture_fn() {
	local i
	[ -n "${3:-}" ] && echo "/* long: $3 */"
	echo "static int $1(void)"
	echo "{"
	for ((i = 0; i < $2; i++)); do echo "	x++;"; done
	echo "}"
}

# expect STATUS PATTERN DIR: run on DIR, want the status and the text
expect() {
	local want=$1 pattern=$2 dir=$3 out status
	out=$(house "$dir" 2>&1)
	status=$?
	if [ "$status" -ne "$want" ] || ! grep -qE -- "$pattern" <<<"$out"; then
		echo "not ok - $pattern (status $status, wanted $want)"
		printf '# %s\n' "${out//$'\n'/$'\n'# }"
		return 1
	fi
	echo "ok - $pattern"
}

self_test() {
	local fail=0
	t=$(mktemp -d) || exit 1
	trap 'rm -rf "$t"' EXIT # t is global: the trap runs after return
	mkdir -p "$t/src/cmd" "$t/include"
	# a clean house
	printf '#include "b.h"\n#include <glpk.h>\n' >"$t/src/a.c"
	printf '#include "c.h"\n#include <cjson/cJSON.h>\n' >"$t/src/b.c"
	printf '#include "a.h"\n' >"$t/src/cmd/plan.c"
	touch "$t/include/a.h" "$t/include/b.h" "$t/include/c.h"
	fixture_fn short 70 >>"$t/src/a.c"
	fixture_fn marked 100 "a table" >>"$t/src/a.c"
	expect 0 'check-house: ok' "$t" || fail=1
	expect 0 'glpk.h +src/a.c' "$t" || fail=1
	expect 0 'curl/ +no file' "$t" || fail=1
	# a library in two files, and in a header
	printf '#include <glpk.h>\n' >"$t/src/c.c"
	expect 1 'glpk.h +FAIL: included by src/a.c src/c.c' "$t" || fail=1
	printf '#include <sqlite3.h>\n' >"$t/include/c.h"
	expect 1 'a header in include/ must not' "$t" || fail=1
	printf '#include "cJSON.h"\n' >"$t/src/c.c"
	expect 1 'cjson/ +FAIL: included by src/b.c src/c.c$' "$t" || fail=1
	: >"$t/src/c.c"
	: >"$t/include/c.h"
	# a cycle a -> b -> c -> a, through a header
	printf '#include "a.h"\n' >"$t/include/c.h"
	expect 1 'cycle: a -> b -> c -> a' "$t" || fail=1
	: >"$t/include/c.h"
	# an unmarked long function, its signature on two lines
	{
		echo "int two_lines(int a,"
		echo "	      int b)"
		echo "{"
		for ((i = 0; i < 81; i++)); do echo "	a++;"; done
		echo "}"
	} >>"$t/src/b.c"
	expect 1 'src/b.c:3: two_lines\(\) is 85 lines' "$t" || fail=1
	return $fail
}

if [ "${1:-}" = "--self-test" ]; then
	self_test
	exit
fi
house "${1:-$(cd "$(dirname "$0")/.." && pwd)}"
