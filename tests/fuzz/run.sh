#!/bin/sh
# tests/fuzz/run.sh - run jobmix's libFuzzer harnesses (make fuzz).
#
#   sh tests/fuzz/run.sh SECONDS HARNESS...
#
# Each harness (tests/fuzz/fuzz_NAME, already built) runs for SECONDS
# on its seed corpus tests/fuzz/corpus/NAME and dictionary NAME.dict.
# New corpus entries and crash reproducers go to FUZZ_OUT (default
# tests/fuzz/out, not in git): FUZZ_OUT/NAME/corpus, FUZZ_OUT/NAME/crash-*.
# Exits 1 if any harness found a crash, leak or timeout, after running
# them all. FUZZ_FLAGS adds libFuzzer options (e.g. -jobs=2).
set -u
secs=$1
shift
dir=$(dirname "$0")
out=${FUZZ_OUT:-$dir/out}
failed=""
for name in "$@"; do
	mkdir -p "$out/$name/corpus"
	log=$out/$name/log
	echo "== fuzz_$name for ${secs}s (log $log)"
	# shellcheck disable=SC2086 # FUZZ_FLAGS is a list of options
	if "$dir/fuzz_$name" -max_total_time="$secs" -timeout=10 \
		-rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
		-dict="$dir/$name.dict" -artifact_prefix="$out/$name/" \
		${FUZZ_FLAGS:-} "$out/$name/corpus" "$dir/corpus/$name" \
		>"$log" 2>&1; then
		# the last status line: "#N DONE cov: C ft: F corp: ..."
		grep -E '^#[0-9]+' "$log" | tail -n 1
		grep -E 'stat::(number_of_executed_units|average_exec_per_sec)' "$log"
	else
		failed="$failed $name"
		# the report: from the first sanitizer or harness message on
		awk '/^(==[0-9]+==|fuzz_)|runtime error/ { on = 1 }
			on && !/Test unit written/ && n++ < 40' "$log"
		grep -E 'Test unit written' "$log"
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz: FAILED:$failed; reproducers in $out/NAME/ (crash-*, leak-*, timeout-*)."
	echo "fuzz: re-run one with: tests/fuzz/fuzz_NAME $out/NAME/crash-..."
	exit 1
fi
echo "fuzz: no crash in:$*"
