#!/bin/sh
# tests/export.t - the exported model gives the same optimum in another
# solver: plan each example (and a MIP), write CPLEX LP and free MPS,
# re-solve both with glpsol with its defaults, the MPS with CBC and (for
# an LP) CLP when they are installed, and compare the objective to 1e-6
# relative. A campaign in yen, where hires per yen are tiny, shows the
# export is scaled for any solver's tolerances.
cd "$(dirname "$0")/.." || exit 1
JOBMIX=${JOBMIX:-$PWD/jobmix}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
if ! command -v glpsol >/dev/null 2>&1; then
	echo "1..0 # SKIP glpsol (Debian glpk-utils) is not installed"
	exit 0
fi
# exact MIP optimum, so both sides agree to 1e-6
printf '[planner]\nmip_gap = 0\n' >"$tmp/exact.ini"
n=0
failed=0
# objective value glpsol prints in its -o report
glpsol_obj() {
	sed -n 's/^Objective: *[^=]*= *\([-0-9.e+]*\).*/\1/p' "$1" | head -1
}
check() {
	name=$1
	shift
	n=$((n + 1))
	"$JOBMIX" --config "$tmp/exact.ini" plan "$@" --format json \
		-o "$tmp/plan.json" --write-lp "$tmp/m.lp" \
		--write-mps "$tmp/m.mps" 2>"$tmp/err"
	st=$?
	if [ $st -ne 0 ]; then
		echo "not ok $n - $name: jobmix exited $st"
		sed 's/^/#   /' "$tmp/err"
		failed=$((failed + 1))
		return
	fi
	# the optimum of the exported model (before refinement), its units
	ours=$(python3 -c 'import json,sys; print(repr(json.load(open(sys.argv[1]))["solver"]["export_objective"]))' "$tmp/plan.json")
	dir=--max
	grep -q '^Minimize' "$tmp/m.lp" && dir=--min
	glpsol --lp "$tmp/m.lp" -o "$tmp/lp.out" >/dev/null 2>&1
	glpsol --freemps "$tmp/m.mps" $dir -o "$tmp/mps.out" >/dev/null 2>&1
	lp=$(glpsol_obj "$tmp/lp.out")
	mps=$(glpsol_obj "$tmp/mps.out")
	# CLP and CBC read free MPS reliably only when NAME says FREE
	sed '1s/$/ FREE/' "$tmp/m.mps" >"$tmp/free.mps"
	cbc=""
	if command -v cbc >/dev/null 2>&1; then
		cbc=$(cbc "$tmp/free.mps" "${dir#-}" -solve 2>&1 |
			sed -n -e 's/^Objective value: *\([-0-9.e+]*\).*/\1/p' \
				-e 's/^Optimal - objective value *\([-0-9.e+]*\).*/\1/p' |
			head -1)
		[ -n "$cbc" ] || cbc=nan
	fi
	clp=""
	if command -v clp >/dev/null 2>&1 && ! grep -q '^Generals' "$tmp/m.lp"; then
		clp=$(clp "$tmp/free.mps" "${dir#-}imize" -solve 2>&1 |
			sed -n 's/^Optimal objective *\([-0-9.e+]*\).*/\1/p')
		[ -n "$clp" ] || clp=nan
	fi
	if python3 - "$ours" "$lp" "$mps" "$cbc" "$clp" <<'PY'; then
import sys
vals = [float(x) if x else None for x in sys.argv[1:6]]
ours = vals[0]
names = ["glpsol LP", "glpsol MPS", "cbc", "clp"]
got = [(n, v) for n, v in zip(names, vals[1:]) if v is not None or n.startswith("glpsol")]
ok = all(v is not None and abs(v - ours) <= 1e-6 * max(1.0, abs(ours)) for _, v in got)
print("#   jobmix %.10g, " % ours + ", ".join("%s %s" % (n, "%.10g" % v if v is not None else "none") for n, v in got))
sys.exit(0 if ok else 1)
PY
		echo "ok $n - $name: other solvers re-solve the export to the same optimum"
	else
		echo "not ok $n - $name: objectives differ"
		failed=$((failed + 1))
	fi
}
# audiences/nordic-*.json plan on the Nordic catalogue, the rest on the default
for a in audiences/*.json; do
	case $a in
	audiences/nordic-*)
		check "$(basename "$a" .json)" "$a" \
			--channels audiences/channels-nordic.csv
		;;
	*) check "$(basename "$a" .json)" "$a" ;;
	esac
done
check "electricians as hires" audiences/electricians-umea.json --objective hires
check "electricians by reach, 4 segments" audiences/electricians-umea.json --objective reach --segments 4
check "electricians in yen, hires" tests/export/electricians-jpy.json --objective hires
check "electricians in yen, a 500 million budget" tests/export/electricians-jpy.json --objective hires --budget 500000000
check "electricians in yen as an LP, hires" --channels tests/export/channels-lp.csv tests/export/electricians-jpy-lp.json --objective hires
check "the same at a 500 million budget" --channels tests/export/channels-lp.csv tests/export/electricians-jpy-lp.json --objective hires --budget 500000000
check "the same, minimum cost of 3 hires" --channels tests/export/channels-lp.csv tests/export/electricians-jpy-lp.json --objective min-cost
echo "1..$n"
[ $failed = 0 ]
