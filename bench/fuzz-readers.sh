#!/usr/bin/env bash
# The long fuzzing run: INPUTS generated inputs (default 1,000,000) spread over the four readers
# (agreements, event files, revenue files, scenarios), each made by mutating a real input and
# then read and used as its command would; see ReaderFuzz. Exits 3 on any crash or hang, and
# keeps the crashing inputs under target/fuzz-crashes/. Heap capped at 512 MB.
#
#   bench/fuzz-readers.sh                  # 1,000,000 inputs, seed 1
#   bench/fuzz-readers.sh 100000 7         # any size, any seed
#   bench/fuzz-readers.sh 1 7 123456       # replay input 123456 of seed 7 alone
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk.sh"
cd "$root"
./mvnw -q -B -DskipTests -pl bench -am package
exec "$JAVA_HOME/bin/java" -Xmx512m -cp bench/target/benchmarks.jar dev.treaty.bench.ReaderFuzz "${1:-1000000}" "${2:-1}" ${3:+"$3"}
