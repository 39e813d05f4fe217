#!/usr/bin/env bash
# Chaos test of enrich-service (issue 13): kill -9 the real enrich-service process several times
# while a few thousand items stream in, restart it each time, then check with read_committed
# consumers (./newsflow audit) that every input record is in exactly one of news.enriched.* and
# news.duplicates, and that every verdict equals that of an undisturbed run of the same input.
# Also prints, per restart, the seconds from the kill to the new process's first log line (launcher, JVM,
# topic checks), to it being RUNNING and to the first output record read_committed subscribers see
# after the kill. Each kill waits until the instance it kills is RUNNING.
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
# Every command finds the embedded stack `up` runs on these ports (docs/configuration.md, "Where values come from").
REGISTRY="http://127.0.0.1:$NEWSFLOW_EMBEDDED_REGISTRY_PORT"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

now() { date +%s.%N; }
log() { echo "chaos: $*" >&2; }

# Appends the arrival time (epoch seconds) of every record that read_committed subscribers see on
# the output topics from now on, to $1.
watch_outputs() {
  local t
  watchers=()
  for t in news.enriched.articles news.enriched.briefs news.duplicates; do
    KAFKA_ISOLATION_LEVEL=read_committed "$NF" tail "$t" --from end -f \
      > >(while read -r _; do date +%s.%N; done >>"$1") 2>/dev/null &
    pids+=($!)
    watchers+=($!)
  done
}

# Seconds of the day of a log line's time (HH:MM:SS.mmm) or of now.
day_seconds() { awk -F'[:]' '{ print $1 * 3600 + $2 * 60 + $3 }' <<<"${1:-$(date +%H:%M:%S.%N)}"; }

start_enrich() {  # $1: log file
  "$NF" enrich >"$1" 2>&1 &
  enrich_pid=$!
  pids+=("$enrich_pid")
}

# Seconds from a kill until the restarted process is RUNNING (its log) and until subscribers see its
# first output record (tasks restored, dedup deciding again, transaction committed). Records the
# killed process committed just before the kill still reach subscribers a while after it (the tail
# processes lag on a loaded machine, seen up to ~11 s): only those seen after the new process is
# RUNNING count (its dedup task, which every output passes, restores until about then; output it
# commits a moment before RUNNING would be missed, so this errs late rather than early).
restart_times() {  # $1: kill time (epoch s), $2: kill time (seconds of the day), $3: its log, $4: output times
  local deadline=$(( $(date +%s) + 180 )) running="" first=""
  until running="$(grep -m1 'REBALANCING -> RUNNING' "$3" | cut -c1-12)"; [[ -n "$running" ]]; do
    (( $(date +%s) < deadline )) || { echo "not RUNNING within 180 s"; return; }
    sleep 0.2
  done
  local up ran
  up="$(echo "$1 + $(day_seconds "$(head -c 12 "$3")") - $2" | bc)"
  ran="$(echo "$1 + $(day_seconds "$running") - $2" | bc)"
  until first="$(awk -v s="$ran" '$1 > s { print $1; exit }' "$4")"; [[ -n "$first" ]]; do
    (( $(date +%s) < deadline )) || { echo "RUNNING after $(echo "$(day_seconds "$running") - $2" | bc) s, no output within 180 s"; return; }
    sleep 0.2
  done
  echo "first log line after $(echo "$up - $1" | bc) s, RUNNING after $(echo "$(day_seconds "$running") - $2" | bc) s," \
    "first output seen after $(echo "$first - $1" | bc) s"
}

# Waits until the enrich-service writing log $1 is RUNNING, so every kill hits an instance that has
# its tasks (a kill during the first start would measure a cold start, not a restart).
await_running() {
  local deadline=$(( $(date +%s) + 300 ))
  until grep -q 'REBALANCING -> RUNNING' "$1"; do
    (( $(date +%s) < deadline )) || { log "not RUNNING within 300 s: $1"; return; }
    sleep 0.5
  done
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
  touch "$dir/outputs.times"
  watch_outputs "$dir/outputs.times"
  start_enrich "$dir/enrich-0.log"
  ( for part in "$dir"/parts/*.jsonl; do "$NF" ingest "$part" >>"$dir/ingest.log" 2>&1; done ) &
  local ingest_pid=$!
  pids+=("$ingest_pid")
  local i
  for (( i = 1; i <= kills; i++ )); do
    await_running "$dir/enrich-$(( i - 1 )).log"
    sleep $(( 4 + RANDOM % 6 ))
    local killed killed_day
    killed="$(now)" killed_day="$(day_seconds)"
    kill -9 "$enrich_pid"
    wait "$enrich_pid" 2>/dev/null || true
    start_enrich "$dir/enrich-$i.log"
    log "$name: kill -9 #$i, restarted: $(restart_times "$killed" "$killed_day" "$dir/enrich-$i.log" "$dir/outputs.times")"
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
  kill "$enrich_pid" "${watchers[@]}" 2>/dev/null || true
  wait "$enrich_pid" "${watchers[@]}" 2>/dev/null || true
  kill "$up_pid" 2>/dev/null || true
  wait "$up_pid" 2>/dev/null || true
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
