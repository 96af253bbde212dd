#!/usr/bin/env bash
# Load test of `redline serve` on loopback: wrk at 100 concurrent connections against each main
# endpoint of a store, printing requests/s, p50/p99 latency, errors and the server's memory.
#
#   bash scripts/load-test.sh [STORE] [SECONDS]
#
# STORE defaults to /tmp/redline-million.db; when it does not exist it is built first by the
# ingest benchmark (a million events, about ten minutes on two cores). SECONDS is the run per
# endpoint (default 15). Needs `wrk` (Debian: apt-get install wrk) and curl. Run from the
# repository root. Nothing leaves the machine: the server listens on 127.0.0.1 only.
set -euo pipefail

db="${1:-/tmp/redline-million.db}"
seconds="${2:-15}"
port="${LOAD_PORT:-18080}"
connections=100
here="$(cd "$(dirname "$0")" && pwd)"
export LOAD_DIR="$here/load"

for tool in wrk curl; do
  command -v "$tool" > /dev/null || { echo "load-test: $tool is missing (Debian: apt-get install $tool)" >&2; exit 2; }
done

if [ ! -f "$db" ]; then
  echo "load-test: $db does not exist; building a store of a million events with the ingest benchmark" >&2
  REDLINE_BENCH_DB="$db" cargo bench -p redline-ingest --bench ingest >&2
fi

cargo build --release --quiet
bin=target/release/redline
work="$(mktemp -d)"
log="$work/serve.log"
"$bin" serve --db "$db" --bind "127.0.0.1:$port" > "$log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null || true; rm -rf "$work"' EXIT

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }

# The server warms the overview's answers beside serving; the load starts once that is done, so
# that the figures are of a server in use, and the warm-up time is reported on its own.
started=$(date +%s)
until grep -q "overview ready\|could not prepare" "$log"; do
  kill -0 $server 2> /dev/null || { cat "$log" >&2; exit 1; }
  if [ $(( $(date +%s) - started )) -gt 600 ]; then echo "load-test: no warm-up after 600 s" >&2; exit 1; fi
  sleep 1
done
grep "overview ready\|could not prepare" "$log"
api="http://127.0.0.1:$port"
echo "store: $db ($(du -h "$db" | cut -f1)); $(curl -s "$api/api/stats")"
echo "server RSS after warm-up: $(rss_mb) MB"

# Resources to cycle through: the 50 busiest dyads, 500 documents, and common words.
curl -s "$api/api/dyads?top=50" | grep -o '"a":"[A-Z0-9]*","b":"[A-Z0-9]*"' \
  | sed 's/"a":"\([A-Z0-9]*\)","b":"\([A-Z0-9]*\)"/\/api\/dyads\/\1\/\2/' > "$work/dyads"
head -5 "$work/dyads" > "$work/dyads5"
curl -s "$api/api/documents?limit=500" | grep -o '"id":[0-9]*' | sed 's/"id":/\/api\/documents\//' > "$work/documents"
for w in troops ceasefire missiles border talks drones sanctions pipeline; do
  echo "/api/search?q=$w&limit=50"
done > "$work/search"
sed 's/^\/api\/dyads\/\([A-Z0-9]*\)\/\([A-Z0-9]*\)$/\/api\/events?dyad=\1:\2\&limit=50/' "$work/dyads" > "$work/dyad-events"
printf '%s\n' /api/stats "/api/dyads?top=10" "/api/alerts?limit=20" "/api/network" /api/volume \
  "/api/movers?days=30&top=10" > "$work/overview"

# Work a run left behind (queries whose clients gave up still finish) would slow the next run:
# wait until a request that needs a reader is answered at once.
wait_idle() {
  for _ in $(seq 120); do
    t="$(curl -s -o /dev/null -w '%{time_total}' "$api/api/health")"
    awk -v t="$t" 'BEGIN { exit !(t < 0.05) }' && return
    sleep 1
  done
}

run() { # name, script, [paths file], url
  local name="$1" script="$2" paths="$3" url="$4" out
  wait_idle
  out="$(LOAD_PATHS="$paths" wrk -t2 -c$connections -d"${seconds}s" --timeout 10s -s "$LOAD_DIR/$script" "$url" 2>&1)"
  local line
  line="$(grep '^RESULT' <<< "$out" || true)"
  if [ -z "$line" ]; then echo "$out" >&2; line="RESULT (wrk failed)"; fi
  printf '| %s | %s | %s MB |\n' "$name" "${line#RESULT }" "$(rss_mb)"
}

# A dyad page asked for the first time is computed (then kept until the store changes): its
# time, one at a time, over the 50 busiest dyads less the 5 warmed.
tail -n +6 "$work/dyads" | while read -r path; do
  curl -s -o /dev/null -w '%{time_total}\n' "$api$path"
done | sort -n | awk '{ t[NR] = $1 } END {
  printf "first computation of a dyad page (%d dyads, one at a time): p50 %.2f s, max %.2f s\n", NR, t[int((NR + 1) / 2)], t[NR] }'
echo "server RSS after computing them: $(rss_mb) MB"

echo
echo "wrk -t2 -c$connections -d${seconds}s per endpoint; $(nproc) cores shared by wrk and the server"
echo
echo "| endpoint | result | server RSS after |"
echo "|---|---|---|"
run "GET /api/health" paths.lua /dev/null "$api/api/health"
run "overview: stats, busiest dyads, alerts, network, volume, movers (cached)" paths.lua "$work/overview" "$api"
run "GET /api/dyads/{a}/{b}, 5 busiest (warmed)" paths.lua "$work/dyads5" "$api"
run "GET /api/dyads/{a}/{b}, 50 busiest (computed)" paths.lua "$work/dyads" "$api"
run "GET /api/events?limit=50 (first page)" paths.lua /dev/null "$api/api/events?limit=50"
run "GET /api/events?dyad=A:B (50 dyads)" paths.lua "$work/dyad-events" "$api"
run "GET /api/events, walking pages by cursor" cursor.lua /dev/null "$api"
run "GET /api/documents/{id} (500 documents)" paths.lua "$work/documents" "$api"
run "GET /api/search?q= (8 common words)" paths.lua "$work/search" "$api"
run "GET /api/clusters?limit=50 (first page, cached)" paths.lua /dev/null "$api/api/clusters?limit=50"
LOAD_QUERY="/api/clusters?limit=50" run "GET /api/clusters, walking pages by cursor" cursor.lua /dev/null "$api"
run "GET / and the dashboard script" paths.lua /dev/null "$api/assets/app.js"
