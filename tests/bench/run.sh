#!/usr/bin/env bash
# Planner benchmarks: jobmix phases, end-to-end wall clock and peak memory,
# glpsol and CLP on the same model, a 20-point budget frontier, and the
# validate/plan of an audience of 100 000 personas. See README.md.
#
#   tests/bench/run.sh [--sizes 10k,100k,1m,100kp] [--runs N] [--seed S]
#                      [--jobmix ./jobmix] [--glpsol-opts "..."]
#                      [--clp-opts "..."] [--persona-timeout S] [--no-glpsol]
#                      [--keep]
#
# Generated inputs, models, plans and logs go to tests/bench/out/<size>/
# (gitignored); the Markdown tables are printed on stdout and saved as
# tests/bench/out/results.md, ending with a compact summary. Progress
# goes to stderr.
set -euo pipefail

usage() {
	awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
	cat <<'EOF'
Options:
  --sizes LIST       comma-separated presets of gen.py (default
                     10k,100k,1m,100kp; 100kp is the 100 000-persona case)
  --runs N           runs per measurement (default 5; 3 for 1m and 100kp)
  --jobmix PATH      the binary (default ./jobmix; build it with make first)
  --seed S           generator seed (default 1)
  --glpsol-opts STR  extra glpsol options, e.g. "--nopresol"
  --clp-opts STR     CLP options before -dualsimplex (default
                     "-moreSpecialOptions 8194 -presolve off -perturbation off";
                     "" for CLP's defaults, which fall back to primal here)
  --persona-timeout S  timeout of each 100kp validate/plan run (default 60)
  --no-glpsol        skip glpsol (its presolve takes minutes at 100k and 1m)
  --keep             keep the (large) MPS files afterwards
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

sizes=10k,100k,1m,100kp
runs=
# CLP kept in its dual simplex: see README.md, "CLP's configuration"
clp_opts="-moreSpecialOptions 8194 -presolve off -perturbation off"
persona_to=60
jobmix=./jobmix
seed=1
glpsol_opts=
keep=0
no_glpsol=0
while [ $# -gt 0 ]; do
	case $1 in
	--sizes) sizes=${2:?--sizes needs a value}; shift 2 ;;
	--sizes=*) sizes=${1#*=}; shift ;;
	--runs) runs=${2:?--runs needs a value}; shift 2 ;;
	--runs=*) runs=${1#*=}; shift ;;
	--jobmix) jobmix=${2:?--jobmix needs a value}; shift 2 ;;
	--jobmix=*) jobmix=${1#*=}; shift ;;
	--seed) seed=${2:?--seed needs a value}; shift 2 ;;
	--seed=*) seed=${1#*=}; shift ;;
	--glpsol-opts) glpsol_opts=${2?--glpsol-opts needs a value}; shift 2 ;;
	--glpsol-opts=*) glpsol_opts=${1#*=}; shift ;;
	--clp-opts) clp_opts=${2?--clp-opts needs a value}; shift 2 ;;
	--clp-opts=*) clp_opts=${1#*=}; shift ;;
	--persona-timeout) persona_to=${2:?--persona-timeout needs a value}; shift 2 ;;
	--persona-timeout=*) persona_to=${1#*=}; shift ;;
	--keep) keep=1; shift ;;
	--no-glpsol) no_glpsol=1; shift ;;
	-h | --help) usage; exit 0 ;;
	*) echo "run.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
	esac
done
if [ -n "$runs" ] && ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
	echo "run.sh: --runs must be a positive integer" >&2
	exit 2
fi
if ! [[ $persona_to =~ ^[1-9][0-9]*$ ]]; then
	echo "run.sh: --persona-timeout must be a positive integer" >&2
	exit 2
fi

say() { printf 'bench: %s\n' "$*" >&2; }

# ---- tools ----------------------------------------------------------------
for t in python3 timeout awk sed sort; do
	command -v "$t" >/dev/null || { echo "run.sh: '$t' is required" >&2; exit 2; }
done
case $jobmix in */*) ;; *) jobmix=./$jobmix ;; esac
if [ ! -x "$jobmix" ]; then
	echo "run.sh: $jobmix not found or not executable; run 'make' first" >&2
	exit 2
fi
have_glpsol=1 have_clp=1 have_time=1
if ! [ -x /usr/bin/time ]; then
	have_time=0
	say "/usr/bin/time not found (apt-get install time); no peak memory"
fi
if [ "$no_glpsol" -eq 1 ]; then
	have_glpsol=0
elif ! command -v glpsol >/dev/null; then
	have_glpsol=0
	say "glpsol not found (apt-get install glpk-utils coinor-clp); skipping the glpsol column"
fi
if ! command -v clp >/dev/null; then
	have_clp=0
	say "clp not found (apt-get install glpk-utils coinor-clp); skipping the clp column"
fi

OUT=tests/bench/out
mkdir -p "$OUT"
# Benchmark a snapshot, so that a rebuild meanwhile cannot change or
# remove the binary halfway through.
cp -p "$jobmix" "$OUT/jobmix.bench"
jobmix_orig=$jobmix
jobmix=$OUT/jobmix.bench
NOTES=$OUT/notes.txt      # warnings and contract deviations, printed at the end
ROWS=$OUT/rows.md          # the table rows
SUMMARY=$OUT/summary.md    # the compact summary rows
: >"$NOTES"
: >"$ROWS"
: >"$SUMMARY"
rm -f "$OUT/objectives.txt.new"
status=0

note() {
	say "WARNING: $*"
	printf -- '- %s\n' "$*" >>"$NOTES"
}

now_ns() { date +%s%N; }
# elapsed milliseconds between two now_ns values
ms_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'; }
# median of the numbers on stdin (one a line); "n/a" if none
median() {
	awk '/^[-+0-9.eE]+$/' | sort -g | awk '
		{ v[NR] = $1 }
		END {
			if (NR == 0) { print "n/a"; exit }
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%.3f\n", m
		}'
}
# a / b with 2 decimals, or n/a
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "n/a" || b == "n/a" || b + 0 == 0) print "n/a"
		else printf "%.2f\n", a / b }'
}
# pretty milliseconds: 3 significant-ish digits; seconds above 10 s
fmt_ms() {
	awk -v v="$1" 'BEGIN {
		if (v == "") { print "n/a"; exit }
		if (v !~ /^[-+0-9.eE]+$/) { print v; exit }
		if (v >= 10000) printf "%.1f s\n", v / 1000
		else if (v >= 100) printf "%.0f ms\n", v
		else if (v >= 10) printf "%.1f ms\n", v
		else printf "%.2f ms\n", v }'
}
# kilobytes (GNU time's %M) as MB, or n/a
fmt_mb() {
	awk -v v="$1" 'BEGIN {
		if (v !~ /^[0-9.]+$/) { print "n/a"; exit }
		printf "%.0f MB\n", v / 1024 }'
}
# the largest number on stdin, or n/a
maxof() { awk '/^[0-9.]+$/ { if (n++ == 0 || $1 > m) m = $1 } END { print n ? m : "n/a" }'; }

# Per-size time budget (s) and per-command timeout (s): bounded runtime
# (the 1m preset must fit in ~10 minutes on a 2-core machine).
size_budget() {
	case $1 in
	10k) echo 120 ;;
	100k) echo 300 ;;
	1m) echo 570 ;;
	100kp) echo $((persona_to * 2 * ${runs:-3} + 60)) ;;
	*) echo 600 ;;
	esac
}
cmd_timeout() {
	case $1 in
	10k) echo 30 ;;
	100k) echo 90 ;;
	100kp) echo "$persona_to" ;;
	*) echo 150 ;;
	esac
}

SIZE_T0=0 SIZE_BUDGET=0 CMD_TO=0
# seconds left for this size; 0 when the budget is spent
left_s() {
	local now
	now=$(date +%s)
	awk -v t0="$SIZE_T0" -v b="$SIZE_BUDGET" -v now="$now" \
		'BEGIN { l = b - (now - t0); print (l > 0) ? int(l) : 0 }'
}
# timeout for the next command: the per-command cap or what is left
next_to() {
	local l
	l=$(left_s)
	if [ "$l" -lt "$CMD_TO" ]; then echo "$l"; else echo "$CMD_TO"; fi
}

# timed LOG CMD... : run CMD with a timeout, stdout to LOG.out, stderr to
# LOG; sets WALL_MS, RSS_KB (peak resident memory of CMD, from GNU time,
# which reports the largest of timeout and the process it waited for)
# and RC. Never fails (for set -e).
WALL_MS=n/a RSS_KB=n/a RC=0 LAST_TO=0
timed() {
	local log=$1 to t0 t1
	shift
	to=$(next_to)
	LAST_TO=$to
	if [ "$to" -le 0 ]; then
		WALL_MS=n/a RC=124
		echo "run.sh: time budget for this size exhausted; not run" >"$log"
		: >"$log.out"
		return 0
	fi
	t0=$(now_ns)
	RC=0
	if [ "$have_time" -eq 1 ]; then
		/usr/bin/time -f %M -o "$log.rss" timeout "$to" "$@" >"$log.out" 2>"$log" || RC=$?
	else
		timeout "$to" "$@" >"$log.out" 2>"$log" || RC=$?
	fi
	t1=$(now_ns)
	RSS_KB=n/a
	if [ "$RC" -eq 0 ]; then
		WALL_MS=$(ms_between "$t0" "$t1")
		[ "$have_time" -eq 0 ] || RSS_KB=$(tail -n1 "$log.rss")
	else
		WALL_MS=n/a
	fi
	if [ "$RC" -eq 124 ]; then echo "run.sh: timed out after ${to}s" >>"$log"; fi
	return 0
}

# timing lines of one jobmix stderr log -> "phase value" lines on stdout.
# Lenient: also takes a "jobmix: " prefix (collect_timing reports it).
timings() {
	sed -nE 's/^(jobmix: )?timing: ([a-z]+) ([0-9]+(\.[0-9]+)?) ms$/\2 \3/p' "$1"
}
# timings of the first run: appended to FILE, and every line that is not
# in the contract form, or a missing phase, is reported.
TIMING_RE='^timing: (parse|build|solve|write|total) [0-9]+(\.[0-9]+)? ms$'
collect_timing() {
	local log=$1 file=$2 what=$3 ph
	local bad
	bad=$(grep -E 'timing:' "$log" | grep -vE "$TIMING_RE" || true)
	if [ -n "$bad" ]; then
		note "$what: $(printf '%s\n' "$bad" | wc -l) timing line(s) not in the contract form 'timing: <phase> N ms', e.g. '$(printf '%s\n' "$bad" | head -n1)'"
	fi
	timings "$log" >>"$file"
	for ph in parse build solve write total; do
		grep -qE "^(jobmix: )?timing: $ph [0-9.]+ ms$" "$log" ||
			note "$what: no 'timing: $ph N ms' line on stderr with -v"
	done
}
# "R x C (NZ nz)" from the model line; lenient like timings(), and a
# trailing ", B binaries" is shown as "+B bin"
model_dims() {
	sed -nE 's/^(jobmix: )?model: ([0-9]+) rows, ([0-9]+) columns, ([0-9]+) nonzeros(, ([0-9]+) binaries)?$/\2 x \3 (\4 nz) +\6 bin/p' "$1" |
		head -n1 | sed 's/ +0\{0,1\} bin$//'
}
phase_median() { awk -v p="$2" '$1 == p { print $2 }' "$1" | median; }

# objective of a plan.json, as the LP solver saw it: "objective_lp" or
# "approximation.objective_lp" if there is one (plan.json's
# "objective_value" is the value on the exact curves, not the LP's), else
# a numeric top-level "objective" (or an object holding the value), else
# "objective_value". Prints the number or n/a;
# says on stderr which key it used when that is not plain "objective".
plan_objective() {
	python3 - "$1" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception as e:
    print("n/a"); print(f"cannot read {sys.argv[1]}: {e}", file=sys.stderr); sys.exit(0)
def num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)
def found(v, key):
    print(repr(float(v)))
    if key != "objective":
        print(f"compared the MPS solvers with plan.json '{key}'", file=sys.stderr)
    sys.exit(0)
if not isinstance(d, dict):
    print("n/a"); print(f"plan.json is a {type(d).__name__}, not an object", file=sys.stderr); sys.exit(0)
# the exported model's objective is scaled (solver.objective_scale): the
# MPS solvers are compared with its optimum, in its own units
sv = d.get("solver")
if isinstance(sv, dict) and num(sv.get("export_objective")):
    found(sv["export_objective"], "solver.export_objective")
for k in ("objective_lp", "lp_objective"):
    if num(d.get(k)):
        found(d[k], k)
a = d.get("approximation")
if isinstance(a, dict) and num(a.get("objective_lp")):
    found(a["objective_lp"], "approximation.objective_lp")
o = d.get("objective")
if isinstance(o, dict):
    for k in ("lp", "objective_lp", "lp_value", "value"):
        if num(o.get(k)):
            found(o[k], "objective." + k)
if num(o):
    found(o, "objective")
if num(d.get("objective_value")):
    found(d["objective_value"], "objective_value")
print("n/a")
print(f"no numeric top-level 'objective' in plan.json (top-level keys: {list(d.keys())}; objective = {o!r})"[:400], file=sys.stderr)
EOF
}

# agree REF NAME VALUE: warn unless |a-b| <= 1e-6 * max(1,|a|)
agree() {
	local ref=$1 name=$2 val=$3 what=$4
	if [ "$ref" = n/a ] || [ "$val" = n/a ]; then return 0; fi
	if awk -v a="$ref" -v b="$val" 'BEGIN {
		d = a - b; if (d < 0) d = -d; s = (a < 0) ? -a : a; if (s < 1) s = 1
		exit !(d <= 1e-6 * s) }'; then
		say "$what: $name objective $val agrees with jobmix $ref"
	else
		note "$what: $name objective $val differs from jobmix objective $ref (more than 1e-6 relative)"
	fi
}

CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n1)
[ -n "$CPU" ] || CPU=$(uname -m)
NPROC=$(nproc 2>/dev/null || echo '?')
MEM=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)

# an external solver run over 20 s is not repeated (bounded runtime; the
# noise is small next to such a time)
slow() { awk -v w="$1" 'BEGIN { exit !(w != "n/a" && w > 20000) }'; }
# a wall-clock median for the table: "> N s" when the first run timed out
wall_cell() {
	if [ "$1" = n/a ] && [ -f "$dir/timeout.$2" ]; then
		echo "> $(cat "$dir/timeout.$2") s (timeout)"
	else
		fmt_ms "$1"
	fi
}

# one measured run of KIND in round I; returns 1 (and notes why) when the
# run failed, so the caller stops measuring that kind.
#   mps       jobmix plan --write-mps (phases; the model for glpsol/clp)
#   plain     jobmix plan (end to end)
#   clp       clp on the MPS
#   frontier  jobmix plan --frontier
#   glpsol    glpsol on the MPS
measure() {
	local kind=$1 i=$2 log=$dir/$1.$2.log fpts fs np
	case $kind in
	mps) timed "$log" "${plan[@]}" -o "$dir/plan.json" --write-mps "$dir/model.mps" ;;
	plain) timed "$log" "${plan[@]}" -o "$dir/plan-plain.json" ;;
	frontier) timed "$log" "${plan[@]}" -o "$dir/frontier.json" --frontier "$f_from:$f_to:$f_step" ;;
	clp) # shellcheck disable=SC2086 # clp_opts is a word list
		timed "$log" clp "$dir/model.clp.mps" -maximize $clp_opts -dualsimplex ;;
	glpsol) # shellcheck disable=SC2086 # glpsol_opts is a word list
		timed "$log" glpsol --freemps "$dir/model.mps" --max --dual --flip $glpsol_opts -o "$dir/glpsol.sol" ;;  # glpsol replaces its -o file: never /dev/null
	esac
	if [ "$RC" -eq 124 ] && ! grep -q 'budget for this size exhausted' "$log"; then
		echo "$LAST_TO" >"$dir/timeout.$kind"
	fi
	if [ "$RC" -ne 0 ]; then
		note "$size: $kind run $i exited $RC$([ "$RC" -eq 124 ] && echo ' (timeout)'); output tail: $(tail -q -n 2 "$log.out" "$log" 2>/dev/null | tr '\n' ' ' | cut -c1-300)"
		case $kind in mps | plain | frontier) status=1 ;; esac
		return 1
	fi
	echo "$WALL_MS" >>"$dir/wall.$kind.txt"
	[ "$RSS_KB" = n/a ] || echo "$RSS_KB" >>"$dir/rss.$kind.txt"
	say "$size: $kind run $i: $(fmt_ms "$WALL_MS") wall$([ "$RSS_KB" = n/a ] || echo ", max RSS $(fmt_mb "$RSS_KB")")"
	case $kind in
	mps | plain)
		if [ "$i" -eq 1 ] && [ "$kind" = mps ]; then
			collect_timing "$log" "$dir/t.$kind.txt" "$size"
		else
			timings "$log" >>"$dir/t.$kind.txt"
		fi
		;;
	frontier)
		timings "$log" >>"$dir/t.frontier.txt"
		# The contract: "timing: solve" covers every solve of the run. If
		# jobmix reports the frontier's solves on a line of their own
		# ("frontier: 20 points in X ms") outside "timing: solve", they
		# are added to it.
		fpts=$(sed -nE 's/^(jobmix: )?frontier: ([0-9]+) points in ([0-9]+(\.[0-9]+)?) ms$/\3/p' "$log" | head -n1)
		fs=$(timings "$log" | awk '$1 == "solve" { print $2; exit }')
		if [ -n "$fs" ]; then
			awk -v a="$fs" -v b="${fpts:-0}" 'BEGIN { printf "solve_all %.3f\n", a + b }' >>"$dir/t.frontier.txt"
		fi
		[ -z "$fpts" ] || echo "points $fpts" >>"$dir/t.frontier.txt"
		if [ "$i" -eq 1 ]; then
			[ -n "$fs" ] || note "$size: no 'timing: solve' line with --frontier"
			if [ -n "$fpts" ]; then
				note "$size: with --frontier, 'timing: solve' leaves out the frontier's solves, reported apart as '$(grep -m1 -E 'frontier: [0-9]+ points in' "$log")'; frontier/single counts both"
			fi
			np=$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1])); f = d.get("frontier") if isinstance(d, dict) else None
print(len(f) if isinstance(f, list) else "no frontier list")' "$dir/frontier.json" 2>/dev/null || echo unreadable)
			[ "$np" = 20 ] || note "$size: frontier.json: expected a 'frontier' list of 20 points, got: $np"
		fi
		;;
	esac
	return 0
}

# The 100 000-persona audience (preset 100kp: one location and one
# channel each): jobmix validate and jobmix plan end to end, each under
# --persona-timeout; a run that times out is not repeated.
persona_case() {
	local k i kinds next rows cols
	for k in validate plan; do
		: >"$dir/wall.$k.txt"
		: >"$dir/rss.$k.txt"
	done
	kinds="validate plan"
	for i in $(seq 1 "$n"); do
		next=""
		for k in $kinds; do
			case $k in
			validate) timed "$dir/$k.$i.log" "$jobmix" validate --channels "$dir/channels.csv" "$dir/audience.json" ;;
			plan) timed "$dir/$k.$i.log" "$jobmix" -v plan "$dir/audience.json" --channels "$dir/channels.csv" --format json -o "$dir/plan.json" ;;
			esac
			if [ "$RC" -ne 0 ]; then
				if [ "$RC" -eq 124 ]; then
					echo "$LAST_TO" >"$dir/timeout.$k"
					note "$size: $k run $i timed out after ${LAST_TO} s; not repeated"
				else
					note "$size: $k run $i exited $RC; output tail: $(tail -q -n 2 "$dir/$k.$i.log" 2>/dev/null | tr '\n' ' ' | cut -c1-300)"
					status=1
				fi
				continue
			fi
			echo "$WALL_MS" >>"$dir/wall.$k.txt"
			[ "$RSS_KB" = n/a ] || echo "$RSS_KB" >>"$dir/rss.$k.txt"
			say "$size: $k run $i: $(fmt_ms "$WALL_MS") wall$([ "$RSS_KB" = n/a ] || echo ", max RSS $(fmt_mb "$RSS_KB")")"
			next="$next $k"
		done
		kinds=$next
	done
	pers=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["planner_personas"])' "$dir/meta.json")
	dims=$(model_dims "$dir/plan.1.log")
	for k in validate plan; do
		printf '| %s %s | %s personas%s | %s | - | - | %s | - |\n' "$size" "$k" "$pers" \
			"$([ "$k" = plan ] && [ -n "$dims" ] && echo "; $dims")" \
			"$(wall_cell "$(median <"$dir/wall.$k.txt")" "$k")" \
			"$(fmt_mb "$(maxof <"$dir/rss.$k.txt")")" >>"$SUMMARY"
	done
	printf -- '- %s: %s personas; validate runs %s, plan runs %s; %s s\n' "$size" "$pers" \
		"$(grep -c . "$dir/wall.validate.txt" || true)" "$(grep -c . "$dir/wall.plan.txt" || true)" \
		"$(($(date +%s) - SIZE_T0))" >>"$OUT/objectives.txt.new"
}

IFS=, read -r -a size_list <<<"$sizes"
for size in "${size_list[@]}"; do
	[ -n "$size" ] || continue
	dir=$OUT/$size
	rm -rf "$dir"
	mkdir -p "$dir"
	SIZE_T0=$(date +%s)
	SIZE_BUDGET=$(size_budget "$size")
	CMD_TO=$(cmd_timeout "$size")
	n=${runs:-5}
	if [ -z "$runs" ]; then case $size in 1m | 100kp) n=3 ;; esac; fi
	say "== $size: generating (seed $seed), $n runs each, budget ${SIZE_BUDGET}s"
	if ! python3 tests/bench/gen.py --preset "$size" --seed "$seed" --out "$dir" 2>"$dir/gen.log"; then
		cat "$dir/gen.log" >&2
		note "$size: gen.py failed; size skipped"
		status=1
		continue
	fi
	sed 's/^/bench: /' "$dir/gen.log" >&2
	budget=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["budget"])' "$dir/meta.json")
	if [ "$size" = 100kp ]; then
		persona_case
		continue
	fi
	plan=("$jobmix" -v plan "$dir/audience.json" --channels "$dir/channels.csv" --format json)
	# frontier: 20 budgets from budget/4 to 2*budget
	read -r f_from f_step f_to < <(awk -v b="$budget" 'BEGIN {
		from = int(b / 4 + 0.5); step = int((2 * b - from) / 19 + 0.5)
		if (step < 1) step = 1
		print from, step, from + 19 * step }')
	for k in mps plain clp frontier glpsol; do
		: >"$dir/wall.$k.txt"
		: >"$dir/t.$k.txt"
	done

	# -- round 1: the model, its checks, and the objectives ----------------
	dims=n/a obj_jobmix=n/a obj_glpsol=n/a obj_clp=n/a clp_path=n/a
	for k in plain clp; do : >"$dir/rss.$k.txt"; done
	kinds=""
	if measure mps 1; then
		kinds="mps plain"
		m=$(model_dims "$dir/mps.1.log")
		[ -z "$m" ] || dims=$m
		if ! grep -qE '^model: [0-9]+ rows, [0-9]+ columns, [0-9]+ nonzeros$' "$dir/mps.1.log"; then
			note "$size: no line 'model: R rows, C columns, NZ nonzeros' on stderr with -v (got: '$(grep -m1 'model:' "$dir/mps.1.log" || echo none)')"
		fi
		[ -s "$dir/plan.json" ] || note "$size: -o did not write $dir/plan.json"
		if [ -s "$dir/plan.json" ]; then
			obj_jobmix=$(plan_objective "$dir/plan.json" 2>"$dir/objective.log")
			if grep -q '^compared' "$dir/objective.log"; then
				say "$size: $(cat "$dir/objective.log")"
			elif [ -s "$dir/objective.log" ]; then
				note "$size: $(cat "$dir/objective.log")"
			fi
		fi
		say "$size: model $dims; jobmix objective $obj_jobmix"
		if [ -s "$dir/model.mps" ]; then
			# CLP's MPS reader guesses fixed vs free format and misreads
			# free MPS with short names; "FREE" on the NAME card forces
			# free format, so CLP reads a copy whose NAME card is marked.
			if [ "$have_clp" -eq 1 ]; then
				awk 'done != 1 && /^NAME([ \t]|$)/ {
					nm = $2; if (nm == "" || nm == "FREE") nm = "jobmix"
					print "NAME " nm " FREE"; done = 1; next } { print }' \
					"$dir/model.mps" >"$dir/model.clp.mps"
				kinds="$kinds clp"
			fi
		else
			note "$size: --write-mps did not write $dir/model.mps; no glpsol/clp"
		fi
		kinds="$kinds frontier"
	fi
	# -- rounds: each kind once per round, so that drift on a shared
	# machine hits every column alike --------------------------------------
	for i in $(seq 1 "$n"); do
		[ -n "$kinds" ] || break
		next=""
		for k in $kinds; do
			[ "$k" = mps ] && [ "$i" -eq 1 ] && { next="$next $k"; continue; }
			measure "$k" "$i" || continue
			if [ "$k" = clp ] && [ "$i" -lt "$n" ] && slow "$WALL_MS"; then
				note "$size: clp took $(fmt_ms "$WALL_MS"); measured once, not $n times"
				continue
			fi
			next="$next $k"
		done
		kinds=$next
	done
	if [ -s "$dir/clp.1.log.out" ]; then
		if grep -qE 'errors? (when importing|on input)|model not valid' "$dir/clp.1.log.out"; then
			note "$size: clp could not read the MPS: $(grep -m2 -E 'No match|error' "$dir/clp.1.log.out" | tr '\n' ' ')"
		fi
		obj_clp=$(sed -nE 's/^Optimal objective +([-+0-9.eE]+).*/\1/p' "$dir/clp.1.log.out" | tail -n1)
		[ -n "$obj_clp" ] || obj_clp=n/a
		[ "$obj_clp" != n/a ] || note "$size: clp reported no optimal objective (see $dir/clp.1.log.out)"
		say "$size: clp objective $obj_clp"
		agree "$obj_jobmix" clp "$obj_clp" "$size"
		# Did CLP stay in its dual simplex? Its dual prints "Primal inf"
		# on each progress line; once it falls back to the primal, the
		# lines carry only "Dual inf" (line 0 is the start, either way).
		clp_iter=$(sed -nE 's/^Optimal objective .* - ([0-9]+) iterations.*/\1/p' "$dir/clp.1.log.out" | tail -n1)
		clp_primal=$(awk '$1 ~ /^[0-9]+$/ && $1 != 0 && $2 == "Obj" && /Dual inf/ && !/Primal inf/' "$dir/clp.1.log.out" | wc -l)
		if [ "$clp_primal" -eq 0 ]; then
			clp_path="stayed in the dual, ${clp_iter:-?} iterations"
		else
			clp_path="left the dual for the primal ($clp_primal primal progress lines), ${clp_iter:-?} iterations"
			note "$size: clp $clp_path; see $dir/clp.1.log.out"
		fi
		say "$size: clp $clp_path (log: $dir/clp.1.log.out)"
	fi
	rm -f "$dir/model.clp.mps"

	# -- glpsol last: with its default presolver it can be slow ------------
	if [ "$have_glpsol" -eq 1 ] && [ -s "$dir/model.mps" ]; then
		for i in $(seq 1 "$n"); do
			measure glpsol "$i" || break
			if [ "$i" -lt "$n" ] && slow "$WALL_MS"; then
				note "$size: glpsol took $(fmt_ms "$WALL_MS"); measured once, not $n times"
				break
			fi
		done
		if [ -s "$dir/glpsol.1.log.out" ]; then
			# the last simplex log line carries "obj = <value>"; a MIP's
			# last branch-and-bound line "... mip = <value>"
			obj_glpsol=$(sed -nE 's/.*(obj|mip) = +([-+0-9.eE]+).*/\2/p' "$dir/glpsol.1.log.out" | tail -n1)
			[ -n "$obj_glpsol" ] || obj_glpsol=n/a
			[ -f "$dir/timeout.glpsol" ] ||
				grep -qE 'OPTIMAL (LP )?SOLUTION FOUND|INTEGER OPTIMAL' "$dir/glpsol.1.log.out" ||
				note "$size: glpsol did not report an optimal solution (see $dir/glpsol.1.log.out)"
			say "$size: glpsol objective $obj_glpsol"
			agree "$obj_jobmix" glpsol "$obj_glpsol" "$size"
		fi
	fi

	p_parse=$(phase_median "$dir/t.mps.txt" parse)
	p_build=$(phase_median "$dir/t.mps.txt" build)
	p_solve=$(phase_median "$dir/t.mps.txt" solve)
	p_write=$(phase_median "$dir/t.mps.txt" write)
	p_total=$(phase_median "$dir/t.mps.txt" total)
	pl_write=$(phase_median "$dir/t.plain.txt" write)
	wall_mps=$(median <"$dir/wall.mps.txt")
	wall_plain=$(median <"$dir/wall.plain.txt")
	wall_clp=$(median <"$dir/wall.clp.txt")
	wall_glpsol=$(median <"$dir/wall.glpsol.txt")
	single_solve=$(phase_median "$dir/t.plain.txt" solve)
	[ "$single_solve" != n/a ] || single_solve=$p_solve
	f_solve=$(phase_median "$dir/t.frontier.txt" solve_all)
	f_points=$(phase_median "$dir/t.frontier.txt" points)
	f_wall=$(median <"$dir/wall.frontier.txt")
	f_ratio=$(ratio "$f_solve" "$single_solve")
	say "$size: frontier $f_from:$f_to:$f_step solve $(fmt_ms "$f_solve") (frontier line $(fmt_ms "$f_points")) vs single $(fmt_ms "$single_solve") -> x$f_ratio"
	jc=$(ratio "$wall_plain" "$wall_clp")
	[ "$have_glpsol" -eq 1 ] || wall_glpsol=skipped
	[ "$have_clp" -eq 1 ] || { wall_clp=skipped; jc=n/a; }
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
		"$size" "$dims" "$(fmt_ms "$p_parse")" "$(fmt_ms "$p_build")" \
		"$(fmt_ms "$p_solve")" "$(fmt_ms "$p_write")" \
		"$(wall_cell "$wall_plain" plain)" "$(wall_cell "$wall_mps" mps)" \
		"$(wall_cell "$wall_glpsol" glpsol)" "$(wall_cell "$wall_clp" clp)" \
		"$jc" "$f_ratio" >>"$ROWS"
	printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$size" "$dims" \
		"$(wall_cell "$wall_plain" plain)" "$(wall_cell "$wall_clp" clp)" "$jc" \
		"$(fmt_mb "$(maxof <"$dir/rss.plain.txt")")" "$(fmt_mb "$(maxof <"$dir/rss.clp.txt")")" >>"$SUMMARY"
	printf -- '- %s: objective jobmix %s, glpsol %s, clp %s (%s); timing total %s (write without MPS %s); budget %s; frontier %s:%s:%s solve %s (of which %s on the frontier line), wall %s; runs: %s; %s s\n' \
		"$size" "$obj_jobmix" "$obj_glpsol" "$obj_clp" "$clp_path" "$(fmt_ms "$p_total")" "$(fmt_ms "$pl_write")" "$budget" \
		"$f_from" "$f_to" "$f_step" "$(fmt_ms "$f_solve")" "$(fmt_ms "$f_points")" "$(fmt_ms "$f_wall")" \
		"$(for k in mps plain clp frontier glpsol; do printf '%s %s ' "$k" "$(grep -c . "$dir/wall.$k.txt" || true)"; done)" \
		"$(($(date +%s) - SIZE_T0))" >>"$OUT/objectives.txt.new"
	[ "$keep" -eq 1 ] || rm -f "$dir/model.mps" "$dir/plan-plain.json" "$dir/frontier.json"
done

{
	echo "## jobmix planner benchmarks"
	echo
	echo "Machine: $NPROC CPUs ($CPU)${MEM:+, $MEM RAM}; $(uname -sr)."
	echo "Binary: $jobmix_orig ($("$jobmix" --version 2>/dev/null | head -n1 || echo 'no --version'), built $(date -u -r "$jobmix" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || echo '?'); HEAD $(git rev-parse --short HEAD 2>/dev/null || echo '?'))."
	echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'). $(glpsol --version 2>/dev/null | head -n1 || true)$([ "$have_clp" -eq 1 ] && echo "; $(clp -quit 2>/dev/null | head -n1 || true)")."
	echo "Medians of ${runs:-5 (3 for 1m)} runs; seed $seed. Phases from \`jobmix -v\` (\`write\` includes the MPS export);"
	echo "\"plan\" = end-to-end wall clock of \`jobmix plan\` without \`--write-mps\`, \"+MPS\" with it;"
	echo "glpsol = \`glpsol --freemps --max --dual --flip${glpsol_opts:+ $glpsol_opts}\`, clp = \`clp -maximize${clp_opts:+ $clp_opts} -dualsimplex\`, wall clock incl. reading the MPS;"
	echo "jobmix/clp = plan wall / clp wall; frontier/single = solver time of a plan with a 20-point \`--frontier\` (its \`timing: solve\`, plus a separate \`frontier: N points in X ms\` line if jobmix prints one) / \`timing: solve\` of one plan."
	echo
	echo "| size | rows x cols (nnz) | parse | build | solve | write | jobmix plan | jobmix +MPS | glpsol | clp | jobmix/clp | frontier/single |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
	cat "$ROWS"
	echo
	if [ -f "$OUT/objectives.txt.new" ]; then
		cat "$OUT/objectives.txt.new"
		rm -f "$OUT/objectives.txt.new"
		echo
	fi
	if [ -s "$NOTES" ]; then
		echo "Warnings:"
		echo
		cat "$NOTES"
	else
		echo "No warnings: every timing line present, objectives agree to 1e-6."
	fi
	echo
	echo "### Summary"
	echo
	echo "End to end \`jobmix plan AUDIENCE --channels CSV --format json -o plan.json\` against \`clp MPS -maximize${clp_opts:+ $clp_opts} -dualsimplex\` (wall medians; max RSS the largest of the runs, GNU time %M)."
	echo
	echo "| size | model | jobmix | clp | jobmix/clp | jobmix max RSS | clp max RSS |"
	echo "|---|---|---|---|---|---|---|"
	cat "$SUMMARY"
} | tee "$OUT/results.md"
exit "$status"
