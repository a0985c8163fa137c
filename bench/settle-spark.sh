#!/usr/bin/env bash
# Settlement on Spark, side by side with the streaming path and DuckDB, in one run: generates a
# seeded revenue ledger (`treaty gen-revenue`), writes it as Parquet (DuckDB), then settles the
# flagship over it
#   1. with `treaty settle` streaming the CSV (the reference statements),
#   2. with Treaty's pushdown path and with plain DuckDB over the Parquet (bases compared to the cent),
#   3. with the Spark job in local[2] over the same Parquet (statements compared with 1, byte for byte),
# and prints the times, how Spark's time splits (driver planning, scan, shuffle, driver settling),
# and the projected cost per billion lines per executor core.
#
#   bench/settle-spark.sh              # 100 million lines (about 10 GB of CSV, 1 GB of Parquet)
#   bench/settle-spark.sh 10000000     # any size
#
# Ledgers are written to $TREATY_BENCH_DIR (default /tmp/treaty-bench) and kept for reruns; they
# are generated data and never committed. Not a test: CI does not run it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk.sh"
dir=${TREATY_BENCH_DIR:-/tmp/treaty-bench}
mkdir -p "$dir"
lines=${1:-100000000}

(cd "$root" && ./mvnw -q -B -DskipTests -pl cli,bench,spark -am package)
jar="$root/cli/target/treaty.jar"
java="$JAVA_HOME/bin/java"
example="$root/examples/microsoft-openai"
events="$example/facts/events.jsonl"
through=2030-12-31

ledger="$dir/revenue-$lines.csv"
[ -f "$ledger" ] || "$java" -jar "$jar" gen-revenue --lines "$lines" --seed 42 --out "$ledger" 2>/dev/null
parquet="$dir/revenue-$lines.parquet"
echo "ledger: $lines lines, CSV $(( $(stat -c %s "$ledger") / 1000000 )) MB"

seconds() { awk "BEGIN { printf \"%.1f\", ($2 - $1) / 1e9 }"; }

echo "1. streaming path (treaty settle, CSV, -Xmx256m):"
start=$(date +%s%N)
"$java" -Xmx256m -XX:+UseSerialGC -jar "$jar" settle "$example" --revenue "$ledger" --events "$events" \
    --through "$through" --csv > "$dir/statements-stream.csv"
stream=$(seconds "$start" "$(date +%s%N)")
echo "   $stream s"

echo "2. the same ledger as Parquet: Treaty's pushdown path and plain DuckDB (writes the Parquet on first use):"
"$java" --enable-native-access=ALL-UNNAMED -Dparquet -cp "$root/bench/target/benchmarks.jar" dev.treaty.bench.DuckDbBaseline \
    "$example" "$ledger" "$events" "$through" | sed 's/^/   /'
echo "   Parquet $(( $(du -sb "$parquet" | cut -f1) / 1000000 )) MB"

echo "3. Spark local[2] over the Parquet (the job's JVM, -Xmx4g):"
opens=$(cat "$root/spark/target/classes/dev/treaty/spark/jvm.options")
start=$(date +%s%N)
# shellcheck disable=SC2086
"$java" $opens -Xmx4g -cp "$root/spark/target/classes:$root/spark/target/lib/*" dev.treaty.spark.SparkSettle "$example" \
    --revenue "$parquet" --events "$events" --through "$through" --master 'local[2]' --timings \
    > "$dir/statements-spark.csv" 2> "$dir/spark.log"
spark=$(seconds "$start" "$(date +%s%N)")
grep -E '^timings:|revenue lines counted once' "$dir/spark.log" | sed 's/^/   /'
echo "   $spark s in all (JVM and Spark start included)"
if cmp -s "$dir/statements-stream.csv" "$dir/statements-spark.csv"; then
  echo "   statements identical to the streaming path's: yes (bases agree to the cent)"
else
  echo "   statements identical to the streaming path's: NO"; diff "$dir/statements-stream.csv" "$dir/statements-spark.csv" | head; exit 1
fi
cluster=$(grep -oP 'cluster \K[0-9.]+' "$dir/spark.log")
awk -v l="$lines" -v s="$spark" -v c="$cluster" -v t="$stream" 'BEGIN {
  printf "   throughput: Spark %.0f lines/s in all, %.0f lines/s on the cluster phase; streaming %.0f lines/s\n", l / s, l / c, l / t;
  printf "   projection: %.0f core-seconds per billion lines on the cluster phase (2 cores), about %.1f core-minutes\n", c * 2 * 1e9 / l, c * 2 * 1e9 / l / 60 }'
