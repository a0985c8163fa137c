#!/usr/bin/env bash
# Load on `treaty serve` over loopback with wrk (Debian's package; installed if missing): gate
# decisions one per request and a hundred per request, against the same server's constant-answer
# endpoint (/health: no auth, no store, no JSON in) as the ceiling the server library allows here.
# Client and server share this machine's cores. Every decision answered is logged first (the
# decision log in the SQLite store), so the figures include that write.
#
#   bench/serve-load.sh                # 16 connections, 30 s of warm-up, 3 rounds of 10 s runs
#   bench/serve-load.sh 10 32 60 5     # seconds per run, connections, seconds of warm-up, rounds
#   TREATY_SERVE_ARGS="--mask subject,request" bench/serve-load.sh    # flags for treaty serve
#   TREATY_LOAD_STORE=postgresql bench/serve-load.sh   # the store on a PostgreSQL server of its own (Debian's, started here)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk.sh"
seconds=${1:-10}
connections=${2:-16}
warmup=${3:-30}
rounds=${4:-3}
dir=$(mktemp -d /tmp/treaty-serve-load.XXXXXX)
store=${TREATY_LOAD_STORE:-sqlite}
need() { command -v "$1" > /dev/null || { apt-get install -y "$2" > /dev/null 2>&1 || { apt-get update > /dev/null && apt-get install -y "$2" > /dev/null; }; }; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }   # PostgreSQL will not run as root
server=""; trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; [ ! -d "$dir/pg" ] || as_postgres "$pg/pg_ctl" -D "$dir/pg" -m immediate stop > /dev/null 2>&1 || true; rm -rf "$dir"' EXIT
case "$store" in
  sqlite) need sqlite3 sqlite3 ;;
  postgresql)
    need psql postgresql
    pg=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    [ "$(id -u)" != 0 ] || chown postgres "$dir"
    as_postgres "$pg/initdb" -D "$dir/pg" -U postgres -A trust > /dev/null
    pgport=$((40000 + RANDOM % 20000))
    as_postgres "$pg/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -o "-p $pgport -k $dir -c listen_addresses=127.0.0.1" -w start > /dev/null
    as_postgres "$pg/createdb" -h 127.0.0.1 -p "$pgport" -U postgres treaty ;;
  *) echo "TREATY_LOAD_STORE: sqlite or postgresql, not $store" >&2; exit 2 ;;
esac
need wrk wrk
(cd "$root" && ./mvnw -q -B -DskipTests -pl cli -am package)
treaty() { "$JAVA_HOME/bin/java" -jar "$root/cli/target/treaty.jar" "$@"; }
case "$store" in
  sqlite) db="sqlite:$dir/store.db"; count() { sqlite3 "$dir/store.db" "$1"; } ;;
  postgresql) db="jdbc:postgresql://127.0.0.1:$pgport/treaty?user=postgres"; count() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d treaty -Atc "$1"; } ;;
esac
treaty init --db "$db" > /dev/null
treaty agreement add "$root/examples/microsoft-openai" --db "$db" > /dev/null
treaty ingest "$root/examples/microsoft-openai/facts/events.jsonl" --db "$db" > /dev/null
key=$(treaty apikey create --db "$db" --party OpenAI --role pipeline --label "load test" 2> /dev/null)
port=$((20000 + RANDOM % 20000))
"$JAVA_HOME/bin/java" -Xmx1g ${TREATY_SERVE_JVM:-} -jar "$root/cli/target/treaty.jar" serve --db "$db" --port "$port" ${TREATY_SERVE_ARGS:-} > /dev/null 2> "$dir/serve.log" &
server=$!
for _ in $(seq 1 300); do grep -q listening "$dir/serve.log" 2> /dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"

# one question per request; the questions cycle through the flagship's products, clouds and dates
cat > "$dir/single.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $key"
wrk.headers["Content-Type"] = "application/json"
local questions = {
  '{"product":"chatgpt","cloud":"aws","on":"2024-06-01"}',
  '{"product":"chatgpt","cloud":"azure","on":"2024-06-01"}',
  '{"product":"openai-api","cloud":"gcp","on":"2025-06-01"}',
  '{"product":"chatgpt","cloud":"aws","on":"2026-06-01"}',
  '{"product":"agent-kit","cloud":"gcp","on":"2026-07-01"}',
  '{"product":"deep-memory","cloud":"aws","on":"2026-10-20"}'
}
-- each request is formatted once, at the start: formatting it anew every time cost wrk about 1.5 us
-- of CPU a request more (user time 0.55 s against 0.29 s a 10 s run), on the cores it shares with the server
local requests = {}
init = function(args)
  for n, q in ipairs(questions) do requests[n] = wrk.format(nil, nil, nil, q) end
end
local i = 0
request = function()
  i = i + 1
  return requests[(i % #requests) + 1]
end
LUA
batch=$(python3 -c '
import json
qs=[("chatgpt","aws","2024-06-01"),("chatgpt","azure","2024-06-01"),("openai-api","gcp","2025-06-01"),("chatgpt","aws","2026-06-01"),("agent-kit","gcp","2026-07-01")]
print(json.dumps({"questions":[{"product":p,"cloud":c,"on":d} for i in range(20) for (p,c,d) in qs]}))')
cat > "$dir/batch.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $key"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$batch'
LUA

measure() {   # name, path, script, seconds: one wrk run, its figures on one line
  wrk -t1 -c"$connections" -d"$4s" --latency ${3:+-s "$3"} "$base$2" > "$dir/$1.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$dir/$1.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$dir/$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$dir/$1.txt")
  errors=$(awk '/Non-2xx/ {print $5}' "$dir/$1.txt")
  # the requests answered (2xx) that the log must hold: each is one entry, a batch's too
  [ "$1" = constant ] || awk -v e="${errors:-0}" '/requests in/ {print $1 - e}' "$dir/$1.txt" >> "$dir/answered"
  echo "$rps $p50 $p99 ${errors:-0}"
}
row() {   # round, name, decisions per request, figures
  local rps=$4
  printf '%-6s %-9s %14s %14s %10s %10s %8s\n' "$1" "$2" "$rps" "$(python3 -c "print(round($rps * $3))")" "$5" "$6" "$7"
}
single=/v1/agreements/msft-openai/gate
# the JIT needs more than one short run to settle (a single run right after 10 s of warm-up was a
# fifth slower than the runs after it), so each endpoint is warmed up for a while first
echo "treaty serve on $(nproc) cores, the store on $store, wrk -t1 -c$connections; each endpoint warmed up for ${warmup}s, then $rounds rounds of ${seconds}s alternating the constant endpoint and single decisions"
measure constant /health "" "$warmup" > /dev/null
measure single "$single" "$dir/single.lua" "$warmup" > /dev/null
measure batch100 "$single" "$dir/batch.lua" "$warmup" > /dev/null
printf '%-6s %-9s %14s %14s %10s %10s %8s\n' round run requests/s decisions/s p50 p99 non-2xx
ratios=""
for round in $(seq 1 "$rounds"); do
  read -r crps cp50 cp99 cerr < <(measure constant /health "" "$seconds")
  row "$round" constant 0 "$crps" "$cp50" "$cp99" "$cerr"
  read -r srps sp50 sp99 serr < <(measure single "$single" "$dir/single.lua" "$seconds")
  row "$round" single 1 "$srps" "$sp50" "$sp99" "$serr"
  ratios="$ratios $(python3 -c "print('%.2f' % ($srps / $crps))")"
done
read -r brps bp50 bp99 berr < <(measure batch100 "$single" "$dir/batch.lua" "$seconds")
row - batch100 100 "$brps" "$bp50" "$bp99" "$berr"
echo "single / constant by round:$ratios (median $(python3 -c "import statistics, sys; print('%.2f' % statistics.median(map(float, sys.argv[1:])))" $ratios))"
# the decision log over all the runs, from the server's own metrics: how many requests each commit
# wrote, and how often and how long the writer held the log up to start SQLite's log over
curl -s "$base/metrics" | awk '
  /^treaty_store_decision_log_requests_per_commit_(count|sum) / { n[$1] = $2 }
  /^treaty_store_decision_log_checkpoint_seconds_(count|sum|max) / { n[$1] = $2 }
  END {
    c = n["treaty_store_decision_log_requests_per_commit_count"]; k = n["treaty_store_decision_log_checkpoint_seconds_count"]
    if (c > 0) printf "decision log: %d commits, %.1f requests per commit", c, n["treaty_store_decision_log_requests_per_commit_sum"] / c
    if (k > 0) printf "; the log started over %d times, holding it up %.0f ms on average, %.0f ms at most", k,
        1000 * n["treaty_store_decision_log_checkpoint_seconds_sum"] / k, 1000 * n["treaty_store_decision_log_checkpoint_seconds_max"]
    print ""
  }'
# stopped as an operator stops it (SIGTERM): every request answered must have its entry in the log
# (a few more entries than answers: a run's last answers in flight when wrk stopped are logged too)
kill -TERM "$server"; wait "$server" || true
answered=$(awk '{n += $1} END {print n}' "$dir/answered")
entries=$(count "select count(*) from decision")
echo "decision log after the server stopped: $entries entries for $answered requests answered"
[ "$entries" -ge "$answered" ] || { echo "serve-load: $((answered - entries)) answered requests are missing from the decision log" >&2; exit 3; }
logged=$(treaty verify --db "$db" 2>&1 | head -1 || true)
echo "store after the runs: $logged"
