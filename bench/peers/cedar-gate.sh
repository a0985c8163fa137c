#!/usr/bin/env bash
# Treaty and Cedar side by side on the 16 release-gate questions of the decision tests
# (bench/peers/questions.json): gate.cedar holds the same terms as Cedar policies, evaluated by
# @cedar-policy/cedar-wasm under Node; GatePeer decides them with Treaty, without explanation.
# Both first check all 16 answers (exit 2 on any difference), then each decides the 16 in rounds
# on one thread for SECONDS (after a warm-up). The two engines alternate, RUNS times, and the script
# prints each run's decisions per second and Treaty's ratio, then the spread.
#
#   bench/peers/cedar-gate.sh [RUNS] [SECONDS]        # default 3 runs of 10 s per engine
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/.mvn/jdk.sh"
runs=${1:-3}
seconds=${2:-10}

(cd "$root" && ./mvnw -q -B -DskipTests -pl bench -am package)
(cd "$root/bench/peers" && npm ci --no-audit --no-fund --silent)
java="$JAVA_HOME/bin/java"
rate() { sed -n 's/.*"decisionsPerSecond":\([0-9]*\).*/\1/p'; }

cd "$root"
cedar_version=$(node bench/peers/gate.mjs --check | sed -n 's/.*"version":"\([^"]*\)".*/\1/p')
"$java" -cp bench/target/benchmarks.jar dev.treaty.bench.GatePeer --check >/dev/null
echo "all 16 answers agree; Cedar $cedar_version, Node $(node --version), $("$java" -version 2>&1 | head -1)"
printf '%-5s %-22s %-22s %s\n' run "Treaty decisions/s" "Cedar decisions/s" "ratio"
ratios=()
for run in $(seq 1 "$runs"); do
  treaty=$("$java" -cp bench/target/benchmarks.jar dev.treaty.bench.GatePeer --seconds "$seconds" | rate)
  cedar=$(node bench/peers/gate.mjs --seconds "$seconds" | rate)
  ratio=$(awk "BEGIN { printf \"%.1f\", $treaty / $cedar }")
  ratios+=("$ratio")
  printf '%-5s %-22s %-22s %s\n' "$run" "$treaty" "$cedar" "$ratio"
done
printf 'ratio over %s runs: %s to %s (target >= 3)\n' "$runs" \
  "$(printf '%s\n' "${ratios[@]}" | sort -g | head -1)" "$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1)"
