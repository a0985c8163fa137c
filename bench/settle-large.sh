#!/usr/bin/env bash
# The large-ledger benchmark: generates seeded revenue ledgers with `treaty gen-revenue`, settles
# each with `treaty settle` in a 256 MB heap and prints lines per second and peak memory; then, in
# one run, computes the same revenue bases with Treaty and with DuckDB (read_csv + GROUP BY over
# the same pieces and filters), checks that they agree to the cent, and prints the ratio.
#
#   bench/settle-large.sh                 # 10 million and 100 million lines (about 1 GB and 10 GB)
#   bench/settle-large.sh 1000000         # any sizes
#
# Ledgers are written to $TREATY_BENCH_DIR (default /tmp/treaty-bench) and kept for reruns;
# they are generated data and never committed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk.sh"
dir=${TREATY_BENCH_DIR:-/tmp/treaty-bench}
mkdir -p "$dir"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000000 100000000)

(cd "$root" && ./mvnw -q -B -DskipTests -pl cli,bench -am package)
jar="$root/cli/target/treaty.jar"
java="$JAVA_HOME/bin/java"
example="$root/examples/microsoft-openai"

printf '%-12s %-10s %-12s %-14s %-14s %s\n' lines "file MB" "seconds" "lines/s" "peak RSS MB" "heap"
for lines in "${sizes[@]}"; do
  ledger="$dir/revenue-$lines.csv"
  if [ ! -f "$ledger" ]; then
    "$java" -jar "$jar" gen-revenue --lines "$lines" --seed 42 --out "$ledger" 2>/dev/null
  fi
  mb=$(( $(stat -c %s "$ledger") / 1024 / 1024 ))
  log=$(mktemp)
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$log.rss" "$java" -Xmx256m -XX:+UseSerialGC -jar "$jar" settle "$example" \
      --revenue "$ledger" --events "$example/facts/events.jsonl" --through 2030-12-31 --csv > "$log"
  end=$(date +%s%N)
  seconds=$(awk "BEGIN { print ($end - $start) / 1e9 }")
  rate=$(awk "BEGIN { print $lines / $seconds }")
  rss=$(( $(cat "$log.rss") / 1024 ))
  printf '%-12s %-10s %-12.1f %-14.0f %-14s %s\n' "$lines" "$mb" "$seconds" "$rate" "$rss" "-Xmx256m"
  rm -f "$log" "$log.rss"
  echo "  same bases with DuckDB:"
  "$java" --enable-native-access=ALL-UNNAMED -cp "$root/bench/target/benchmarks.jar" dev.treaty.bench.DuckDbBaseline \
      "$example" "$ledger" "$example/facts/events.jsonl" 2030-12-31 | sed 's/^/    /'
  echo "  the same ledger as Parquet (Treaty's pushdown path vs DuckDB):"
  "$java" --enable-native-access=ALL-UNNAMED -Dparquet -cp "$root/bench/target/benchmarks.jar" dev.treaty.bench.DuckDbBaseline \
      "$example" "$ledger" "$example/facts/events.jsonl" 2030-12-31 | sed 's/^/    /'
done
