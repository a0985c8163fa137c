#!/usr/bin/env bash
# Server time of the web pages for the flagship (its agreements, events and illustrative revenue in
# a fresh SQLite store): each page once cold (the first request after the server starts, as a
# user opening it first would see it) and then N times warm; the figure is the server's own time
# from the request's arrival to the rendered HTML, read from the page's Server-Timing header.
# Every settlement shown is also logged, as the API logs it, so the money page's time includes that write.
#
#   bench/web-pages.sh          # 20 warm requests per page
#   bench/web-pages.sh 50
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/jdk.sh"
runs=${1:-20}
dir=$(mktemp -d /tmp/treaty-web-pages.XXXXXX)
server=""; trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
(cd "$root" && ./mvnw -q -B -DskipTests -pl cli -am package)
treaty() { "$JAVA_HOME/bin/java" -jar "$root/cli/target/treaty.jar" "$@"; }
db="sqlite:$dir/store.db"
facts="$root/examples/microsoft-openai/facts"
treaty init --db "$db" > /dev/null
treaty agreement add "$root/examples/microsoft-openai" --db "$db" > /dev/null
treaty ingest "$facts/events.jsonl" "$facts/revenue.csv" --db "$db" > /dev/null
key=$(treaty apikey create --db "$db" --party Microsoft --role reader,auditor,operator,pipeline --label "page timings" 2> /dev/null)
port=$((20000 + RANDOM % 20000))
"$JAVA_HOME/bin/java" -Xmx1g -jar "$root/cli/target/treaty.jar" serve --db "$db" --port "$port" > /dev/null 2> "$dir/serve.log" &
server=$!
for _ in $(seq 1 300); do grep -q listening "$dir/serve.log" 2> /dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
jar="$dir/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" "$base/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "credential=$key" "$base/sign-in"

pages=(/agreements /agreements/msft-openai "/agreements/msft-openai?on=2026-04-26" "/agreements/msft-openai/changes?from=2026-04-26&to=2026-04-27&through=2030-12-31"
  "/agreements/msft-openai/money?through=2030-12-31" "/agreements/msft-openai/decisions?on=2026-07-01" /agreements/msft-openai/facts /audit)
timing() { curl -s -o /dev/null -D - -b "$jar" "$base$1" | tr -d '\r' | sed -n 's/^Server-Timing: page;dur=//Ip'; }
printf '%-80s %10s %10s %10s\n' "page" "cold ms" "median ms" "max ms"
for page in "${pages[@]}"; do
  cold=$(timing "$page")
  warm=$(for _ in $(seq 1 "$runs"); do timing "$page"; done | sort -g)
  median=$(echo "$warm" | sed -n "$(( (runs + 1) / 2 ))p")
  max=$(echo "$warm" | tail -1)
  printf '%-80s %10s %10s %10s\n' "$page" "$cold" "$median" "$max"
done
