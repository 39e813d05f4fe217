#!/usr/bin/env bash
# Chaos test of enrich-service (issue 13): kill -9 the real enrich-service process several times
# while a few thousand items stream in, restart it each time, then check with read_committed
# consumers (./newsflow audit) that every input record is in exactly one of news.enriched.* and
# news.duplicates, and that every verdict equals that of an undisturbed run of the same input.
# Also prints, per restart, the seconds from starting the new process to its first output record.
#
# usage: tools/chaos.sh   (env: CHAOS_KILLS=5, CHAOS_DIR=var-chaos, CHAOS_INPUT=..., CHAOS_PARTS=20 files
#                          ingested one after another, CHAOS_SKIP_REFERENCE=1 for restart times only; ports below)
# Runs its own embedded stack in $CHAOS_DIR, twice (reference, then chaos), on the ports of
# NEWSFLOW_EMBEDDED_KAFKA_PORT / _CONTROLLER_PORT / _REGISTRY_PORT and NEWSFLOW_ENRICH_HTTP_PORT
# (defaults 29092, 29093, 28081, 28080: not the ones ./newsflow up uses). Exit status 1 on any loss,
# doubling or changed verdict.
set -euo pipefail

HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NF="$HOME_DIR/newsflow"
WORK="$(mkdir -p "${CHAOS_DIR:-$HOME_DIR/var-chaos}" && cd "${CHAOS_DIR:-$HOME_DIR/var-chaos}" && pwd)"
INPUT="${CHAOS_INPUT:-$HOME_DIR/tools/chaos/reuters-1987-dumps.jsonl.gz}"
KILLS="${CHAOS_KILLS:-5}"
PARTS="${CHAOS_PARTS:-20}"
export NEWSFLOW_EMBEDDED_KAFKA_PORT="${NEWSFLOW_EMBEDDED_KAFKA_PORT:-29092}"
export NEWSFLOW_EMBEDDED_CONTROLLER_PORT="${NEWSFLOW_EMBEDDED_CONTROLLER_PORT:-29093}"
export NEWSFLOW_EMBEDDED_REGISTRY_PORT="${NEWSFLOW_EMBEDDED_REGISTRY_PORT:-28081}"
export NEWSFLOW_ENRICH_HTTP_PORT="${NEWSFLOW_ENRICH_HTTP_PORT:-28080}"
# Every command finds the embedded stack `up` runs on these ports (README, "which stack a command uses").
REGISTRY="http://127.0.0.1:$NEWSFLOW_EMBEDDED_REGISTRY_PORT"
METRICS="http://127.0.0.1:$NEWSFLOW_ENRICH_HTTP_PORT/metrics"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

now() { date +%s.%N; }
log() { echo "chaos: $*" >&2; }

# Records the new enrich process has sent to an output topic (0 before its producers exist).
outputs_sent() {
  curl -sf "$METRICS" 2>/dev/null | awk '/^kafka_producer_topic_metrics_record_send_total\{/ && /topic="news\.(enriched|duplicates)/ {s += $NF} END {print s + 0}'
}

start_enrich() {  # $1: log file
  "$NF" enrich >"$1" 2>&1 &
  enrich_pid=$!
  pids+=("$enrich_pid")
}

# Seconds from starting an enrich process until it is ready (Streams RUNNING: tasks assigned) and
# until its first output record (tasks restored, dedup deciding again), while input is waiting.
restart_times() {  # $1: start time
  local deadline=$(( $(date +%s) + 180 )) ready=""
  while (( $(date +%s) < deadline )); do
    if [[ -z "$ready" ]] && curl -sf "http://127.0.0.1:$NEWSFLOW_ENRICH_HTTP_PORT/health/ready" >/dev/null 2>&1; then
      ready="$(echo "$(now) - $1" | bc)"
    fi
    if [[ "$(outputs_sent)" != 0 ]]; then
      echo "ready after ${ready:-?} s, first output after $(echo "$(now) - $1" | bc) s"
      return
    fi
    sleep 0.1
  done
  echo "ready after ${ready:-never} s, no output within 180 s"
}

run() {  # $1: name, $2: kills
  local name="$1" kills="$2" dir="$WORK/$1"
  rm -rf "$dir" && mkdir -p "$dir/parts"
  export NEWSFLOW_DATA_DIR="$dir/var"
  zcat -f "$INPUT" >"$dir/input.jsonl"
  split -n "l/$PARTS" -d -a 3 --additional-suffix=.jsonl "$dir/input.jsonl" "$dir/parts/part-"
  "$NF" up --no-enrich >"$dir/up.log" 2>&1 &
  local up_pid=$!
  pids+=("$up_pid")
  until curl -sf "$REGISTRY/subjects" >/dev/null 2>&1; do
    kill -0 "$up_pid" 2>/dev/null || { cat "$dir/up.log" >&2; exit 2; }
    sleep 0.5
  done
  start_enrich "$dir/enrich-0.log"
  ( for part in "$dir"/parts/*.jsonl; do "$NF" ingest "$part" >>"$dir/ingest.log" 2>&1; done ) &
  local ingest_pid=$!
  pids+=("$ingest_pid")
  local i
  for (( i = 1; i <= kills; i++ )); do
    sleep $(( 4 + RANDOM % 6 ))
    kill -9 "$enrich_pid"
    wait "$enrich_pid" 2>/dev/null || true
    local started
    started="$(now)"
    start_enrich "$dir/enrich-$i.log"
    log "$name: kill -9 #$i, restarted: $(restart_times "$started")"
  done
  wait "$ingest_pid"
  log "$name: all input ingested; waiting for enrich-service to decide everything"
  local deadline=$(( $(date +%s) + 300 ))
  until "$NF" audit --verdicts "$dir/verdicts.tsv" >"$dir/audit.txt" 2>>"$dir/audit.log"; do
    (( $(date +%s) < deadline )) || break
    sleep 5
  done
  # A last look after a pause: anything doubled late would show now.
  sleep 5
  "$NF" audit --verdicts "$dir/verdicts.tsv" >"$dir/audit.txt" 2>>"$dir/audit.log" || true
  log "$name: $(cat "$dir/audit.txt")"
  kill "$enrich_pid" "$up_pid" 2>/dev/null || true
  wait "$enrich_pid" "$up_pid" 2>/dev/null || true
}

if [[ "${CHAOS_SKIP_REFERENCE:-0}" == 1 ]]; then   # restart times only
  run chaos "$KILLS"
  cat "$WORK/chaos/audit.txt"
  grep -q "lost 0, doubled 0" "$WORK/chaos/audit.txt"
  exit
fi
run reference 0
run chaos "$KILLS"
changed=$(diff "$WORK/reference/verdicts.tsv" "$WORK/chaos/verdicts.tsv" | grep -c '^[<>]' || true)
echo "reference: $(cat "$WORK/reference/audit.txt")"
echo "chaos ($KILLS x kill -9): $(cat "$WORK/chaos/audit.txt")"
echo "verdict lines differing from the undisturbed run: $changed (diff $WORK/reference/verdicts.tsv $WORK/chaos/verdicts.tsv)"
grep -q "lost 0, doubled 0" "$WORK/chaos/audit.txt" && grep -q "lost 0, doubled 0" "$WORK/reference/audit.txt" && [[ "$changed" == 0 ]]
