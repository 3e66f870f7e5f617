#!/bin/sh
# tests/export.t - the exported model gives the same optimum in another
# solver: plan each example (and a MIP), write CPLEX LP and free MPS,
# re-solve both with glpsol and compare the objective to 1e-6 relative.
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
	ours=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["approximation"]["objective_lp"])' "$tmp/plan.json")
	dir=--max
	grep -q '^Minimize' "$tmp/m.lp" && dir=--min
	glpsol --lp "$tmp/m.lp" -o "$tmp/lp.out" >/dev/null 2>&1
	glpsol --freemps "$tmp/m.mps" $dir -o "$tmp/mps.out" >/dev/null 2>&1
	lp=$(glpsol_obj "$tmp/lp.out")
	mps=$(glpsol_obj "$tmp/mps.out")
	if python3 - "$ours" "$lp" "$mps" <<'PY'; then
import sys
ours, lp, mps = (float(x) if x else float("nan") for x in sys.argv[1:4])
ok = all(abs(v - ours) <= 1e-6 * max(1.0, abs(ours)) for v in (lp, mps))
print("#   jobmix %.10g, glpsol LP %.10g, glpsol MPS %.10g" % (ours, lp, mps))
sys.exit(0 if ok else 1)
PY
		echo "ok $n - $name: glpsol re-solves LP and MPS to the same optimum"
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
echo "1..$n"
[ $failed = 0 ]
