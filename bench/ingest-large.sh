#!/usr/bin/env bash
# Ingest throughput into SQLite and PostgreSQL (a real server from Maven Central's embedded
# binaries): generates a seeded ledger with `treaty gen-revenue` and ingests it into a fresh store
# of each kind, three times, printing lines per second.
#
#   bench/ingest-large.sh              # 1 million lines
#   bench/ingest-large.sh 5000000      # any size
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk.sh"
dir=${TREATY_BENCH_DIR:-/tmp/treaty-bench}
mkdir -p "$dir"
lines=${1:-1000000}
(cd "$root" && ./mvnw -q -B -DskipTests -pl cli,bench -am package)
ledger="$dir/revenue-$lines.csv"
[ -f "$ledger" ] || "$JAVA_HOME/bin/java" -jar "$root/cli/target/treaty.jar" gen-revenue --lines "$lines" --seed 42 --out "$ledger" 2>/dev/null
"$JAVA_HOME/bin/java" -Dtreaty.root="$root" -cp "$root/bench/target/benchmarks.jar" dev.treaty.bench.IngestBenchmark "$ledger" 3
