#!/usr/bin/env bash
# Measures the latency the Lookout gateway adds in front of a fast upstream, on this machine.
#
# Starts `lookout upstream-sim` (no time to first token, whole response at once) and `lookout serve`
# in front of it, both on free 127.0.0.1 ports, runs the constant-rate benchmark against the
# simulator directly and through the gateway in alternating rounds, and writes bench/RESULTS.md.
#
# Settings (environment variables, all optional):
#   BENCH_RATE           requests per second (default 200)
#   BENCH_DURATION_S     seconds per target per round (default 20)
#   BENCH_ROUNDS         rounds of direct + gateway phases (default 2)
#   BENCH_WARMUP_S       unrecorded seconds per target before round 1 (default 5)
#   BENCH_MAX_IN_FLIGHT  maximum requests in flight, and so connections (default 64)
#   BENCH_STREAM         true to request streamed responses (default false)
#   BENCH_RESULTS        output file (default bench/RESULTS.md)
#   BENCH_SERVE_ARGS     extra arguments of lookout serve, e.g. "--drift" (default none)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rate="${BENCH_RATE:-200}"
duration="${BENCH_DURATION_S:-20}"
rounds="${BENCH_ROUNDS:-2}"
warmup="${BENCH_WARMUP_S:-5}"
max_in_flight="${BENCH_MAX_IN_FLIGHT:-64}"
stream="${BENCH_STREAM:-false}"
results="${BENCH_RESULTS:-$root/bench/RESULTS.md}"
# Split on spaces on purpose: the value is a list of flags.
read -r -a serve_args <<<"${BENCH_SERVE_ARGS:-}"
records="$root/bench/records.jsonl"
# The bench waits this long at most for the servers to return 200 on /healthz or /v1/models.
startup_timeout_s=60

work="$(mktemp -d -t lookout-bench.XXXXXX)"
sim_pid=""
gateway_pid=""

# Stops a server started with setsid by signalling its whole process group, then waits for it.
stop_group() {
  local pid="$1"
  [[ -z "$pid" ]] && return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.1
    done
    echo "run-overhead: process group $pid did not stop after 10 s; sending SIGKILL" >&2
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
}

cleanup() {
  stop_group "$gateway_pid"
  stop_group "$sim_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Prints a TCP port on 127.0.0.1 that nothing listens on right now. Another process may still take
# it before the server binds; the server then fails to start and the script stops with its log.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "run-overhead: found no free port on 127.0.0.1 after 50 tries" >&2
  return 1
}

# Waits until URL returns 200, or fails with the server's log when PID exits or time runs out.
wait_ready() {
  local url="$1" pid="$2" log="$3"
  local deadline=$((SECONDS + startup_timeout_s))
  while ((SECONDS < deadline)); do
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run-overhead: the server behind $url exited during startup; its log:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "run-overhead: $url timed out: no 200 response within ${startup_timeout_s} s; the server's log:" >&2
  tail -n 50 "$log" >&2
  return 1
}

echo "run-overhead: building lookout and the benchmark" >&2
./lookout --help >/dev/null
./mvnw -q -B -pl bench -am package -DskipTests
bench_jar="$root/bench/target/lookout-bench.jar"

sim_port="$(free_port)"
gateway_port="$(free_port)"
while [[ "$gateway_port" == "$sim_port" ]]; do gateway_port="$(free_port)"; done
sim_url="http://127.0.0.1:$sim_port"
gateway_url="http://127.0.0.1:$gateway_port"

setsid ./lookout upstream-sim --host 127.0.0.1 --port "$sim_port" --responses "$records" \
  --ttft-ms 0 --tokens-per-second 0 >"$work/sim.log" 2>&1 &
sim_pid=$!
wait_ready "$sim_url/v1/models" "$sim_pid" "$work/sim.log"

setsid ./lookout serve --host 127.0.0.1 --port "$gateway_port" --upstream "$sim_url" \
  --data "$work/data" "${serve_args[@]}" >"$work/gateway.log" 2>&1 &
gateway_pid=$!
wait_ready "$gateway_url/healthz" "$gateway_pid" "$work/gateway.log"

bench_cmd=(java -jar "$bench_jar" --direct "$sim_url" --gateway "$gateway_url"
  --rate "$rate" --duration "$duration" --rounds "$rounds" --warmup "$warmup"
  --max-in-flight "$max_in_flight" --stream "$stream" --markdown-out "$work/tables.md")
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "run-overhead: ${bench_cmd[*]}" >&2
bench_status=0
"${bench_cmd[@]}" || bench_status=$?
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# Resources of the gateway JVM after the run. ./lookout execs java, so the PID is the JVM's.
rss_kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$gateway_pid/status")"
hwm_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$gateway_pid/status")"
# Fields 14 and 15 of /proc/PID/stat are user and system CPU time in clock ticks (proc(5)).
# Counting fields by spaces works because the command name in field 2 is "java".
read -r utime stime < <(awk '{print $14, $15}' "/proc/$gateway_pid/stat")
ticks="$(getconf CLK_TCK)"
gateway_cpu_s="$(awk -v u="$utime" -v s="$stime" -v t="$ticks" 'BEGIN {printf "%.2f", (u + s) / t}')"
read -r sim_utime sim_stime < <(awk '{print $14, $15}' "/proc/$sim_pid/stat")
sim_cpu_s="$(awk -v u="$sim_utime" -v s="$sim_stime" -v t="$ticks" 'BEGIN {printf "%.2f", (u + s) / t}')"

# The store writes in batches, so give the last calls a moment before counting them.
sleep 2
# Drift counters exist only with --drift; the lines are empty otherwise.
drift_metrics="$(curl -fsS --max-time 10 "$gateway_url/metrics" | grep '^lookout_drift' || true)"
report_json="$(./lookout report --gateway "$gateway_url" --since 1h --format json)"
stored_calls="$(jq -r '.total.calls' <<<"$report_json")"
stored_errors="$(jq -r '.total.errors' <<<"$report_json")"
expected_calls="$(awk -v r="$rate" -v w="$warmup" -v d="$duration" -v n="$rounds" \
  'BEGIN {w = int(r * w + 0.5); d = int(r * d + 0.5); if (d < 1) d = 1; print w + n * d}')"

kind="non-streamed"
[[ "$stream" == "true" ]] && kind="streamed"
cpu_model="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
mem_total="$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
java_version="$(java -version 2>&1 | head -n 1)"

{
  echo "# Gateway overhead benchmark"
  echo
  echo "Latency of the same $kind chat completion sent at a constant rate to"
  echo "\`lookout upstream-sim\` directly and through \`lookout serve\` in front of it."
  echo "Latency runs from each request's intended send time to the last byte of the response,"
  echo "so it has no coordinated omission. \"Added by gateway\" is the gateway's percentile minus"
  echo "the direct percentile at the same level."
  echo
  echo "## Run"
  echo
  echo "- Date (UTC): $started"
  echo "- Command: \`bench/run-overhead.sh\` with BENCH_RATE=$rate BENCH_DURATION_S=$duration" \
    "BENCH_ROUNDS=$rounds BENCH_WARMUP_S=$warmup BENCH_MAX_IN_FLIGHT=$max_in_flight" \
    "BENCH_STREAM=$stream BENCH_SERVE_ARGS=\"${BENCH_SERVE_ARGS:-}\""
  echo "- Benchmark: \`java -jar bench/target/lookout-bench.jar --direct $sim_url" \
    "--gateway $gateway_url --rate $rate --duration $duration --rounds $rounds" \
    "--warmup $warmup --max-in-flight $max_in_flight --stream $stream\`"
  echo "- Upstream: \`lookout upstream-sim --ttft-ms 0 --tokens-per-second 0\` responding from"
  echo "  bench/records.jsonl ($(wc -l <"$records") record, $(wc -c <"$records") bytes)"
  echo "- Gateway: \`lookout serve\` with default settings and a fresh store in a temp folder:"
  echo "  every call recorded to DuckDB, priced and measured, the injection guard and PII"
  echo "  detection on each prompt, stream usage injection on"
  echo "- Benchmark exit status: $bench_status"
  echo
  echo "## Machine"
  echo
  echo "- CPU: $cpu_model, nproc $(nproc)"
  echo "- Memory: $mem_total"
  echo "- Java: $java_version"
  echo "- Kernel: $(uname -r)"
  echo "- Load average (1, 5, 15 min) before the benchmark: $load_before; after: $load_after"
  echo
  echo "The load generator, the simulator and the gateway are three JVMs sharing these CPUs, so"
  echo "the gateway's numbers include competition for CPU with the other two."
  if awk -v load="${load_before%% *}" -v cpus="$(nproc)" 'BEGIN {exit !(load > cpus)}'; then
    echo
    echo "**Noisy machine:** the 1-minute load average before the run (${load_before%% *}) was above"
    echo "the number of CPUs ($(nproc)), so other processes competed for them. The tail percentiles"
    echo "(p90 and above) include those scheduling delays and are upper bounds on the gateway's cost."
  fi
  echo
  echo "## Latency"
  echo
  cat "$work/tables.md"
  echo
  echo "## Gateway after the run"
  echo
  echo "| Measure | Value |"
  echo "|---|---:|"
  echo "| resident memory, VmRSS (MiB) | $(awk -v k="$rss_kb" 'BEGIN {printf "%.1f", k / 1024}') |"
  echo "| peak resident memory, VmHWM (MiB) | $(awk -v k="$hwm_kb" 'BEGIN {printf "%.1f", k / 1024}') |"
  echo "| CPU time, user + system (s) | $gateway_cpu_s |"
  echo "| simulator CPU time, user + system (s) | $sim_cpu_s |"
  echo "| calls stored (\`lookout report --format json\`, total.calls) | $stored_calls |"
  echo "| errors stored (total.errors) | $stored_errors |"
  echo "| calls sent through the gateway (warm-up + rounds) | $expected_calls |"
  echo
  echo "CPU time covers the gateway's whole life: startup, warm-up and the recorded rounds."
  if [[ -n "$drift_metrics" ]]; then
    echo
    echo "Drift monitor counters after the run (\`GET /metrics\`):"
    echo
    echo '```'
    echo "$drift_metrics"
    echo '```'
  fi
} >"$results"

echo "run-overhead: wrote $results" >&2
exit "$bench_status"
