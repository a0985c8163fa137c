#!/usr/bin/env bash
# The kill -9 crash test at length: a child `treaty ingest` of ten files is killed with SIGKILL at
# random moments, TRIALS times per database (SQLite, and PostgreSQL from Maven Central's embedded
# binaries); after each kill every file must be stored whole or not at all, a re-run must store
# each fact exactly once, and `verify` must pass. CI runs 20 trials per database; this runs 100.
#
#   bench/crash-trials.sh          # 100 trials per database
#   bench/crash-trials.sh 300      # any number
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk.sh"
trials=${1:-100}
cd "$root"
./mvnw -q -B -DskipTests install
start=$(date +%s)
./mvnw -B -pl cli surefire:test -Dtest=StoreCrashTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtreaty.crash.trials="$trials" -DtrimStackTrace=false | grep -E "crash trials on|Tests run:|FAIL|BUILD"
echo "took $(( $(date +%s) - start )) s"
