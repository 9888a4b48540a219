#!/bin/sh
# Run the libFuzzer harnesses one after another, each from its kept corpus
# (build/fuzz/corpus-NAME, seeded by tests/fuzz/corpus/NAME), and append
# one line per run to tests/fuzz/runs.log: date, harness, executions,
# seconds, corpus size, result.  The log is committed: docs/HARDENING.md's
# counts are its sums (tools/fuzz.sh --total prints them).
#   tools/fuzz.sh BUILD SECONDS [NAME...]    run (all harnesses by default)
#   tools/fuzz.sh --total                    executions per harness so far
#   tools/fuzz.sh --keep BUILD [NAME...]     keep the corpus: merge into
#       tests/fuzz/corpus/NAME the inputs of build/fuzz/corpus-NAME that reach
#       code or features the committed ones do not (libFuzzer's -merge=1), so
#       the next machine starts from what this one found
# FUZZ_RUNS=N stops a harness after N executions instead.
set -eu
log="$(dirname "$0")/../tests/fuzz/runs.log"

if [ "${1:-}" = --total ]; then
	# a run that did not finish (a crash found, or stopped) counts apart
	awk '!/^#/ { if ($6 == "ok") { n[$2] += $3; s[$2] += $4; r[$2]++ }
	        else { f[$2] += $3; fr[$2]++ } ; h[$2] = 1 }
	    END { for (x in h) printf "%-8s %12d executions in %d runs, %d s%s\n",
	        x, n[x], r[x], s[x], fr[x] ? sprintf(" (and %d in %d run(s) that did" \
	        " not finish)", f[x], fr[x]) : "" }' "$log" | LC_ALL=C sort
	exit 0
fi
if [ "${1:-}" = --keep ]; then
	build=$2
	shift 2
	names=${*:-$(cd tests/fuzz && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')}
	for n in $names; do
		before=$(ls "tests/fuzz/corpus/$n" | wc -l)
		"$build/fuzz/fuzz_$n" -merge=1 -timeout=10 -rss_limit_mb=2048 \
		    "tests/fuzz/corpus/$n" "$build/fuzz/corpus-$n" \
		    2>"$build/fuzz/$n-merge.err" ||
		    { tail -n 5 "$build/fuzz/$n-merge.err" >&2; exit 1; }
		echo "$n: $before -> $(ls "tests/fuzz/corpus/$n" | wc -l) files," \
		    "$(cat "tests/fuzz/corpus/$n"/* | wc -c) bytes"
	done
	exit 0
fi
build=$1 seconds=$2
shift 2
names=${*:-$(cd tests/fuzz && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')}
for n in $names; do
	f=$build/fuzz/fuzz_$n
	mkdir -p "$build/fuzz/corpus-$n" "$build/fuzz/artifacts"
	if [ -n "${FUZZ_RUNS:-}" ]; then limit="-runs=$FUZZ_RUNS"
	else limit="-max_total_time=$seconds"; fi
	echo "== $f ($limit)"
	rc=0
	"$f" $limit -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$build/fuzz/artifacts/$n-" \
	    "$build/fuzz/corpus-$n" "tests/fuzz/corpus/$n" \
	    2>"$build/fuzz/$n.err" || rc=$?
	tail -n 3 "$build/fuzz/$n.err"
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
	    "$build/fuzz/$n.err")
	secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' \
	    "$build/fuzz/$n.err")
	files=$(ls "$build/fuzz/corpus-$n" | wc -l)
	[ $rc -eq 0 ] && res=ok || res="failed:$rc"
	printf '%s %s %s %s %s %s\n' "$(date -u +%Y-%m-%dT%H:%M)" "$n" \
	    "${runs:-0}" "${secs:-0}" "$files" "$res" >>"$log"
	[ $rc -eq 0 ] || { echo "$n: see $build/fuzz/$n.err and $build/fuzz/artifacts/" >&2; exit 1; }
done
