#!/usr/bin/env bash
# Measures how many call records a `kill -9` of the gateway loses under load.
#
# Starts `lookout upstream-sim` (whole response at once) and `lookout serve` in front of it on free
# 127.0.0.1 ports, runs bench/kill9_load.py, which writes the request id of every response a
# client received, sends SIGKILL to the gateway after KILL9_LOAD_S seconds, then exports the store
# to JSON lines and counts the acknowledged request ids missing from it.
#
# Settings (environment variables, all optional):
#   KILL9_LOAD_S       seconds of load before the kill (default 20)
#   KILL9_THREADS      client threads (default 16)
#   KILL9_FLUSH        recorder.flush_interval of the gateway (default 100ms, the default)
#   KILL9_CAPTURE      --capture of the gateway (default redacted, the default)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
load_s="${KILL9_LOAD_S:-20}"
threads="${KILL9_THREADS:-16}"
flush="${KILL9_FLUSH:-100ms}"
capture="${KILL9_CAPTURE:-redacted}"
work="$(mktemp -d -t lookout-kill9.XXXXXX)"
sim_pid=""
gateway_pid=""

cleanup() {
  for pid in "$gateway_pid" "$sim_pid"; do
    [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "run-kill9: found no free port on 127.0.0.1" >&2
  return 1
}

wait_ready() {
  local url="$1"
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "run-kill9: $url did not become ready" >&2
  return 1
}

./lookout --help >/dev/null
jar="$root/lookout-cli/target/lookout.jar"
sim_port="$(free_port)"
gateway_port="$(free_port)"
sim_url="http://127.0.0.1:$sim_port"
gateway_url="http://127.0.0.1:$gateway_port"

java -jar "$jar" upstream-sim --host 127.0.0.1 --port "$sim_port" \
  --ttft-ms 0 --tokens-per-second 0 >"$work/sim.log" 2>&1 &
sim_pid=$!
wait_ready "$sim_url/v1/models"

cat >"$work/lookout.yaml" <<YAML
recorder:
  flush_interval: $flush
YAML
java -jar "$jar" serve --config "$work/lookout.yaml" --host 127.0.0.1 --port "$gateway_port" \
  --upstream "$sim_url" --anthropic-upstream "$sim_url" --data "$work/data" \
  --capture "$capture" >"$work/gateway.log" 2>&1 &
gateway_pid=$!
wait_ready "$gateway_url/healthz"

python3 "$root/bench/kill9_load.py" "$gateway_url" "$work/acked.txt" "$threads" &
load_pid=$!
sleep "$load_s"
kill -KILL "$gateway_pid"
echo "run-kill9: sent SIGKILL to the gateway after ${load_s} s of load" >&2
wait "$load_pid"
gateway_pid=""

java -jar "$jar" export --config "$work/lookout.yaml" --data "$work/data" --since 1d \
  --format jsonl --to "$work/export" >/dev/null
cat "$work"/export/*/*.json | python3 -c '
import json, sys
stored = {json.loads(line)["request_id"] for line in sys.stdin if line.strip()}
acked = [line.strip() for line in open(sys.argv[1]) if line.strip()]
missing = [i for i in acked if i not in stored]
print(f"acknowledged {len(acked)}, stored {len(stored)}, acknowledged but missing {len(missing)}")
' "$work/acked.txt"
payloads="$(find "$work/data/payloads" -name '*.json.gz' | wc -l)"
echo "payload objects on disk: $payloads"
