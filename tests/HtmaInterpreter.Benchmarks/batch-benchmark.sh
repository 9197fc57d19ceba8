#!/usr/bin/env bash
# Batch benchmark (issue 5, point 5): a generated wide CSV of ROWS panels (default 1,000,000, with four broken rows in
# the middle), measured with /usr/bin/time -v, RUNS times each, alternately, in one invocation:
#   (a) parse-only baseline: plain CsvHelper reads every field of the file and counts the rows (no HtmaInterpreter code);
#   (b) htma batch FILE --out results.csv --summary (Release, published ReadyToRun), the run the targets are judged on;
#   (c) htma batch FILE --out results.csv, the same without the cohort summary, for comparison.
# Prints the elapsed times, the ratio of their medians batch / parse-only and the peak resident set size of each, against the targets
# (batch within 3x of parse-only, peak memory under 300 MB). Exit 0 when both targets are met, 1 when one is missed.
#
# usage: tests/HtmaInterpreter.Benchmarks/batch-benchmark.sh [ROWS]
#   WORK_DIR=DIR  where the generated file and the results go (default: a new temporary folder, removed at the end)
#   KEEP=1        keep WORK_DIR
#   RUNS=N        how many times each program runs, alternately (default 3); the medians are compared
set -euo pipefail

rows="${1:-1000000}"
runs="${RUNS:-3}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${WORK_DIR:-$(mktemp -d -t htma-batch-bench.XXXXXX)}"
mkdir -p "$work"
if [[ -z "${WORK_DIR:-}" && "${KEEP:-0}" != 1 ]]; then
    trap 'rm -rf "$work"' EXIT
fi

if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time (Debian package 'time') for /usr/bin/time -v" >&2
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq time >/dev/null; else sudo apt-get install -y -qq time >/dev/null; fi
fi

# Both programs are published the way a command-line tool ships: Release, ReadyToRun (compiled ahead of time, so the
# run does not wait for the JIT), framework-dependent.
rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
echo "== publishing htma and the baseline (Release, ReadyToRun, $rid)" >&2
publish() {
    dotnet publish "$1" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -nologo -v q -o "$2" >&2
}
publish "$root/src/HtmaInterpreter.Cli/HtmaInterpreter.Cli.csproj" "$work/publish/htma"
publish "$root/tests/HtmaInterpreter.Benchmarks/HtmaInterpreter.Benchmarks.csproj" "$work/publish/bench"
htma="$work/publish/htma/htma"
bench="$work/publish/bench/HtmaInterpreter.Benchmarks"

input="$work/panels-$rows.csv"
echo "== generating $rows panels into $input (seed 20260314)" >&2
"$bench" generate "$rows" "$input" "$root/samples/wide-clinic-batch.csv" 20260314

# Reads "Elapsed (wall clock) time" as seconds and "Maximum resident set size" as MB from a time -v report.
elapsed_seconds() {
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"
}
peak_mb() {
    awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Warm the page cache so every run reads the file from memory, and stop the build servers the publish left running.
cat "$input" >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true
sleep 2

# The machine's wall times vary from run to run, so the two are measured RUNS times, alternately, and compared by
# their medians.
echo "== load before the runs: $(uptime)" >&2
batch_exit=0
for run in $(seq 1 "$runs"); do
    echo "== run $run of $runs: (a) parse-only baseline (plain CsvHelper)" >&2
    /usr/bin/time -v -o "$work/parse.time.$run" "$bench" parse-only "$input" >&2
    echo "== run $run of $runs: (b) htma batch FILE --out results.csv --summary" >&2
    # Each run writes a new file, as a batch over an archive usually does: emptying the last run's 140 MB first
    # costs ext4 about 0.1-0.2 s more (freeing its blocks, then flushing the new ones on close).
    rm -f "$work/results.csv" "$work/results-plain.csv"
    set +e
    /usr/bin/time -v -o "$work/batch.time.$run" "$htma" batch "$input" --out "$work/results.csv" --summary \
        >"$work/summary.txt" 2>"$work/batch.stderr"
    batch_exit=$?
    echo "== run $run of $runs: (c) htma batch FILE --out results.csv (no summary)" >&2
    /usr/bin/time -v -o "$work/plain.time.$run" "$htma" batch "$input" --out "$work/results-plain.csv" \
        >/dev/null 2>"$work/plain.stderr"
    set -e
done
echo "== load after the runs: $(uptime)" >&2

parse_runs=$(for run in $(seq 1 "$runs"); do elapsed_seconds "$work/parse.time.$run"; done)
batch_runs=$(for run in $(seq 1 "$runs"); do elapsed_seconds "$work/batch.time.$run"; done)
plain_runs=$(for run in $(seq 1 "$runs"); do elapsed_seconds "$work/plain.time.$run"; done)
parse_s=$(echo "$parse_runs" | median)
batch_s=$(echo "$batch_runs" | median)
parse_mb=$(for run in $(seq 1 "$runs"); do peak_mb "$work/parse.time.$run"; echo; done | sort -n | tail -1)
batch_mb=$(for run in $(seq 1 "$runs"); do peak_mb "$work/batch.time.$run"; echo; done | sort -n | tail -1)
ratio=$(awk -v b="$batch_s" -v p="$parse_s" 'BEGIN { printf "%.2f", b / p }')
plain_s=$(echo "$plain_runs" | median)
plain_mb=$(for run in $(seq 1 "$runs"); do peak_mb "$work/plain.time.$run"; echo; done | sort -n | tail -1)
plain_ratio=$(awk -v b="$plain_s" -v p="$parse_s" 'BEGIN { printf "%.2f", b / p }')
result_rows=$(($(wc -l <"$work/results.csv") - 1))
reported=$(grep -c ': error HTMA' "$work/batch.stderr" || true)

echo
echo "batch benchmark: $rows panels on $(nproc) cores"
printf '  %-24s median %6s s (runs: %s)   peak RSS %7s MB\n' "parse-only (CsvHelper)" "$parse_s" "$(echo $parse_runs)" "$parse_mb"
printf '  %-24s median %6s s (runs: %s)   peak RSS %7s MB\n' "htma batch --summary" "$batch_s" "$(echo $batch_runs)" "$batch_mb"
printf '  %-24s median %6s s (runs: %s)   peak RSS %7s MB\n' "htma batch (no summary)" "$plain_s" "$(echo $plain_runs)" "$plain_mb"
echo "  ratio of the medians, batch --summary / parse-only: ${ratio}x (target <= 3x); without the summary: ${plain_ratio}x"
echo "  batch exit code: $batch_exit (1 expected: the broken rows), result rows: $result_rows, errors reported: $reported"
cmp -s "$work/results.csv" "$work/results-plain.csv" || echo "  WARNING: the rows written without --summary differ from those written with it"
grep -E '^htma batch:' "$work/batch.stderr" | sed 's/^/  /' || true
head -1 "$work/summary.txt" | sed 's/^/  /'

missed=0
awk -v r="$ratio" 'BEGIN { exit !(r <= 3) }' || { echo "  MISSED: batch is ${ratio}x the parse-only time (target 3x)"; missed=1; }
awk -v m="$batch_mb" 'BEGIN { exit !(m < 300) }' || { echo "  MISSED: batch peak RSS ${batch_mb} MB (target < 300 MB)"; missed=1; }
[[ $missed -eq 0 ]] && echo "  both targets met"
exit $missed
