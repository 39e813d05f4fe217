#!/usr/bin/env bash
# Runs the same page dumps through a fresh stack twice and compares the dedup verdicts:
#   A  ingest everything, then start enrich-service
#   B  start enrich-service, wait until it is ready, then ingest the same files
# Prints published / duplicates / "decided late" per run (enrich-service's /api/stats), how many item
# ids got a different verdict than in the first run, and ids published more than once. Real
# processes, real broker. Run B depends on timing: RUNS="A B B B" runs it three times.
#
#   [RUNS="A B"] tools/dedup-timing/compare-runs.sh PAGES_DIR [WORK_DIR]
#
# Ports (defaults in brackets) come from the environment: NEWSFLOW_EMBEDDED_KAFKA_PORT [29092],
# NEWSFLOW_EMBEDDED_CONTROLLER_PORT [29093], NEWSFLOW_EMBEDDED_REGISTRY_PORT [28081],
# NEWSFLOW_ENRICH_HTTP_PORT [28080], NEWSFLOW_INGEST_HTTP_PORT [28085]. NEWSFLOW (default: this
# repo's ./newsflow) is the launcher to run, so two builds can be compared.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pages="$(cd "$1" && pwd)"
work="${2:-$here/../../var/dedup-timing}"
launcher="${NEWSFLOW:-$here/../../newsflow}"
export NEWSFLOW_EMBEDDED_KAFKA_PORT="${NEWSFLOW_EMBEDDED_KAFKA_PORT:-29092}"
export NEWSFLOW_EMBEDDED_CONTROLLER_PORT="${NEWSFLOW_EMBEDDED_CONTROLLER_PORT:-29093}"
export NEWSFLOW_EMBEDDED_REGISTRY_PORT="${NEWSFLOW_EMBEDDED_REGISTRY_PORT:-28081}"
export NEWSFLOW_ENRICH_HTTP_PORT="${NEWSFLOW_ENRICH_HTTP_PORT:-28080}"
export NEWSFLOW_INGEST_HTTP_PORT="${NEWSFLOW_INGEST_HTTP_PORT:-28085}"
stats="http://127.0.0.1:$NEWSFLOW_ENRICH_HTTP_PORT/api/stats"
pids=()
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_all EXIT

wait_for() { # command, what, seconds
  for _ in $(seq "$3"); do if eval "$1" >/dev/null 2>&1; then return 0; fi; sleep 1; done
  echo "timed out waiting for $2" >&2; return 1
}

decided() { curl -s "$stats" | python3 -c "import json,sys; c=json.load(sys.stdin)['counts']; print(c['published'] + c['duplicates'])" 2>/dev/null || echo 0; }

run() { # name, order (ingest-first | enrich-first)
  local dir="$work/$1"
  rm -rf "$dir"; mkdir -p "$dir"
  export NEWSFLOW_DATA_DIR="$dir/data"
  "$launcher" up --no-enrich >"$dir/up.log" 2>&1 & pids+=($!)
  wait_for "grep -q 'Press Ctrl-C' '$dir/up.log'" "the stack" 180
  local items
  if [[ $2 == ingest-first ]]; then
    "$launcher" ingest "$pages" >"$dir/ingest.log" 2>&1
  fi
  "$launcher" enrich >"$dir/enrich.log" 2>&1 & pids+=($!)
  wait_for "curl -sf http://127.0.0.1:$NEWSFLOW_ENRICH_HTTP_PORT/health/ready" "enrich-service to be ready" 180
  if [[ $2 == enrich-first ]]; then
    "$launcher" ingest "$pages" >"$dir/ingest.log" 2>&1
  fi
  items=$(python3 - "$dir/ingest.log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"articles (\d+), briefs (\d+)", text)
print(int(m.group(1)) + int(m.group(2)))
PY
)
  wait_for "[[ \$(decided) -ge $items ]]" "all $items items to be decided" 600
  sleep 3  # the last commit (1 s interval) reaches read_committed readers
  curl -s "$stats" >"$dir/stats.json"
  for topic in news.enriched.articles news.enriched.briefs news.duplicates; do
    "$launcher" tail "$topic" --from beginning >"$dir/$topic.jsonl" 2>"$dir/tail.log"
  done
  stop_all
}

# RUNS="A B B B" repeats the timing-dependent run B (B1, B2, ...) to see how much it varies.
runs=()
n=0
for r in ${RUNS:-A B}; do
  if [[ $r == A ]]; then run A ingest-first; runs+=("$work/A"); else n=$((n + 1)); run "B$n" enrich-first; runs+=("$work/B$n"); fi
done
python3 "$here/compare.py" "${runs[@]}"
