#!/usr/bin/env bash
# Records a JFR profile of `lookout serve` under plain calls at a constant rate, and prints the
# top frames of CPU samples and of allocation samples.
#
# Settings (environment variables, all optional):
#   PROFILE_RATE        requests per second (default 1000)
#   PROFILE_DURATION_S  recorded seconds, after a 10 s warm-up (default 30)
#   PROFILE_OUT         folder for gateway.jfr and the top-frame lists (default bench/out/profile)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rate="${PROFILE_RATE:-1000}"
duration="${PROFILE_DURATION_S:-30}"
out="${PROFILE_OUT:-$root/bench/out/profile}"
mkdir -p "$out"
work="$(mktemp -d -t lookout-profile.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  sleep 2
  rm -rf "$work"
}
trap cleanup EXIT

wait_ready() {
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "profile-gateway: $1 returned no 200 within 60 s" >&2
  return 1
}

./lookout --help >/dev/null
./mvnw -q -B -pl bench -am package -DskipTests
sim_port=$((20000 + RANDOM % 20000))
gateway_port=$((40000 + RANDOM % 20000))
setsid ./lookout upstream-sim --host 127.0.0.1 --port "$sim_port" \
  --responses bench/records.jsonl --ttft-ms 0 --tokens-per-second 0 >"$work/sim.log" 2>&1 &
pids+=("$!")
wait_ready "http://127.0.0.1:$sim_port/v1/models"
LOOKOUT_JAVA_OPTS="-XX:StartFlightRecording=filename=$out/gateway.jfr,settings=profile,delay=10s,duration=${duration}s" \
  setsid ./lookout serve --host 127.0.0.1 --port "$gateway_port" \
  --upstream "http://127.0.0.1:$sim_port" --anthropic-upstream "http://127.0.0.1:$sim_port" \
  --data "$work/data" >"$work/gateway.log" 2>&1 &
pids+=("$!")
wait_ready "http://127.0.0.1:$gateway_port/healthz"

# The recording starts 10 s after the gateway; the warm-up phase covers that delay.
java -jar bench/target/lookout-bench.jar --target "direct=http://127.0.0.1:$sim_port" \
  --target "lookout=http://127.0.0.1:$gateway_port" --rates "$rate" --kinds plain \
  --closed-loop false --rounds 1 --warmup 8 --duration "$((duration + 2))" >"$out/bench.md"
sleep 3

# Prints the N most frequent top frames (first frame of the stack) of one event type.
top_frames() {
  jfr print --events "$1" "$out/gateway.jfr" |
    awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print}' |
    sort | uniq -c | sort -rn | head -n "$2"
}
{
  echo "CPU samples (jdk.ExecutionSample), top frames:"
  top_frames jdk.ExecutionSample 25
  echo
  echo "Allocation samples (jdk.ObjectAllocationSample), top frames by sample count:"
  top_frames jdk.ObjectAllocationSample 25
} | tee "$out/top-frames.txt"
echo "profile-gateway: wrote $out/gateway.jfr and $out/top-frames.txt" >&2
