#!/usr/bin/env bash
# Measures the latency that Lookout (and Portkey, when Node.js is present) adds in front of a fast
# local upstream, on this machine, and writes bench/RESULTS.md.
#
# Starts `lookout upstream-sim` (no time to first token, plain responses at once, streams of 64
# content chunks 20 ms apart), `lookout serve` in front of it with its default pipeline, and the
# Portkey gateway from bench/portkey. Then it runs the benchmark jar: per case (plain and streamed
# calls, one request at a time and at several constant rates) it measures the upstream directly
# and through each gateway in alternating rounds, and finally holds BENCH_OPEN_STREAMS streams
# open at once to measure resident memory.
#
# Portkey listens on every interface and has no host option, so the whole run happens inside a
# new network namespace that has only the loopback interface (`unshare --net`, which needs root
# or user namespaces). Without it the script runs Lookout only.
#
# Settings (environment variables, all optional):
#   BENCH_RATES            comma-separated requests per second (default 500,1000,2000,4000)
#   BENCH_KINDS            plain, stream or plain,stream (default plain,stream)
#   BENCH_CLOSED_LOOP      true to add a concurrency-1 case per kind (default true)
#   BENCH_DURATION_S       seconds per target per round (default 5)
#   BENCH_ROUNDS           rounds per case; the target order reverses each round (default 2)
#   BENCH_WARMUP_S         unrecorded seconds per target before each case, long enough for the
#                          JIT compiler to finish the hot path (default 10)
#   BENCH_MAX_IN_FLIGHT    maximum requests in flight, and so connections (default 8192)
#   BENCH_CHUNK_INTERVAL_MS  milliseconds between stream chunks of the upstream (default 20)
#   BENCH_OPEN_STREAMS     streams held open at once in the memory check, 0 to skip (default 5000)
#   BENCH_OPEN_STREAMS_CHUNK_INTERVAL_MS  ms between chunks of those streams (default 500)
#   BENCH_OPEN_STREAMS_RAMP_S  seconds over which the memory check opens them (default 20)
#   BENCH_RECORDER_RECORDS records for the recorder throughput check, 0 to skip (default 1000000)
#   BENCH_LOOKOUT_JAVA_OPTS  JVM options of the gateway, replacing the lookout launcher's
#                          (default: unset, so the launcher's -Xmx256m and, as root,
#                          -XX:ThreadPriorityPolicy=1 apply)
#   BENCH_PORTKEY          false to leave Portkey out (default true when node is installed)
#   BENCH_NETNS            false to run without a network namespace, which also leaves Portkey out
#   BENCH_RESULTS          output file (default bench/RESULTS.md)
#   BENCH_SERVE_ARGS       extra arguments of lookout serve, e.g. "--drift" (default none)
#   BENCH_GATEWAY_CPUS     CPU list (taskset -c) for the gateways, e.g. 1 (default none: unpinned)
#   BENCH_CLIENT_CPUS      CPU list for the upstream and the load generator, e.g. 0 (default none)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rates="${BENCH_RATES:-500,1000,2000,4000}"
kinds="${BENCH_KINDS:-plain,stream}"
closed_loop="${BENCH_CLOSED_LOOP:-true}"
duration="${BENCH_DURATION_S:-5}"
rounds="${BENCH_ROUNDS:-2}"
warmup="${BENCH_WARMUP_S:-10}"
max_in_flight="${BENCH_MAX_IN_FLIGHT:-8192}"
chunk_interval_ms="${BENCH_CHUNK_INTERVAL_MS:-20}"
open_streams="${BENCH_OPEN_STREAMS:-5000}"
open_streams_interval_ms="${BENCH_OPEN_STREAMS_CHUNK_INTERVAL_MS:-500}"
open_streams_ramp_s="${BENCH_OPEN_STREAMS_RAMP_S:-20}"
recorder_records="${BENCH_RECORDER_RECORDS:-1000000}"
use_portkey="${BENCH_PORTKEY:-true}"
use_netns="${BENCH_NETNS:-true}"
results="${BENCH_RESULTS:-$root/bench/RESULTS.md}"
gateway_cpus="${BENCH_GATEWAY_CPUS:-}"
client_cpus="${BENCH_CLIENT_CPUS:-}"
records="$root/bench/records.jsonl"
portkey_dir="$root/bench/portkey"
# The bench waits this long at most for a server to return 200 on its health route.
startup_timeout_s=60

# Step 1, outside the namespace: build, and install Portkey from the lock file, which needs the
# npm registry. Then run this script again inside a new network namespace.
if [[ -z "${BENCH_INSIDE_NETNS:-}" ]]; then
  echo "run-overhead: building lookout and the benchmark" >&2
  ./lookout --help >/dev/null
  ./mvnw -q -B -pl bench -am package -DskipTests
  portkey_note=""
  if [[ "$use_portkey" != "true" ]]; then
    portkey_note="Portkey left out (BENCH_PORTKEY=$use_portkey)."
  elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    portkey_note="Portkey left out: node or npm is not installed, so only Lookout is measured."
    echo "run-overhead: $portkey_note" >&2
  elif [[ ! -d "$portkey_dir/node_modules/@portkey-ai/gateway" ]]; then
    echo "run-overhead: installing Portkey into bench/portkey (npm ci)" >&2
    (cd "$portkey_dir" && npm ci --no-audit --no-fund --ignore-scripts >&2)
  fi
  netns_note=""
  if [[ "$use_netns" == "true" ]] && unshare --net true 2>/dev/null; then
    export BENCH_INSIDE_NETNS=1 BENCH_PORTKEY_NOTE="$portkey_note"
    export BENCH_COMMAND="${BENCH_COMMAND:-$0}"
    exec unshare --net bash -c 'ip link set lo up && exec "$0"' "$0"
  fi
  if [[ "$use_netns" == "true" ]]; then
    netns_note="unshare --net failed (it needs root or user namespaces), so"
  else
    netns_note="BENCH_NETNS=$use_netns, so"
  fi
  echo "run-overhead: $netns_note Portkey (which binds every interface) is left out" >&2
  export BENCH_PORTKEY_NOTE="${portkey_note:-Portkey left out: $netns_note it would listen on every interface.}"
  use_portkey=false
fi
namespace="a network namespace with only the loopback interface up (unshare --net)"
[[ -z "${BENCH_INSIDE_NETNS:-}" ]] && namespace="the host's network namespace"
[[ -n "${BENCH_PORTKEY_NOTE:-}" ]] && use_portkey=false

work="$(mktemp -d -t lookout-bench.XXXXXX)"
pids=()

# Stops a server started with setsid by signalling its whole process group, then waits for it.
stop_group() {
  local pid="$1"
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

# The servers' logs are kept in bench/out/overhead-logs (ignored by git) for a look after the run.
cleanup() {
  for pid in "${pids[@]}"; do stop_group "$pid"; done
  mkdir -p "$root/bench/out/overhead-logs"
  cp "$work"/*.log "$root/bench/out/overhead-logs/" 2>/dev/null || true
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

# Prints the PID of the java or node process in the group led by PID: the lookout launcher may
# run java as a child rather than exec it.
server_pid() {
  local leader="$1" name="$2" child
  child="$(pgrep -g "$leader" -x "$name" | head -n 1 || true)"
  echo "${child:-$leader}"
}

# Prints the taskset prefix that pins a process to CPU list $1, or nothing when $1 is empty.
pin() {
  [[ -n "$1" ]] && echo "taskset -c $1"
  return 0
}
gateway_pin="$(pin "$gateway_cpus")"
client_pin="$(pin "$client_cpus")"

# Every open stream costs one descriptor in the generator and two in the gateway.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

bench_jar="$root/bench/target/lookout-bench.jar"
sim_port="$(free_port)"
sim_url="http://127.0.0.1:$sim_port"
setsid $client_pin ./lookout upstream-sim --host 127.0.0.1 --port "$sim_port" --responses "$records" \
  --ttft-ms 0 --tokens-per-second 0 --stream-chunk-interval-ms "$chunk_interval_ms" \
  >"$work/sim.log" 2>&1 &
pids+=("$!")
wait_ready "$sim_url/v1/models" "${pids[-1]}" "$work/sim.log"
sim_pid="$(server_pid "${pids[-1]}" java)"

gateway_port="$(free_port)"
gateway_url="http://127.0.0.1:$gateway_port"
# The launcher's own JVM options apply unless BENCH_LOOKOUT_JAVA_OPTS is set.
[[ -n "${BENCH_LOOKOUT_JAVA_OPTS+set}" ]] && export LOOKOUT_JAVA_OPTS="$BENCH_LOOKOUT_JAVA_OPTS"
setsid $gateway_pin ./lookout serve --host 127.0.0.1 --port "$gateway_port" --upstream "$sim_url" \
  --anthropic-upstream "$sim_url" --data "$work/data" ${BENCH_SERVE_ARGS:-} >"$work/gateway.log" 2>&1 &
pids+=("$!")
wait_ready "$gateway_url/healthz" "${pids[-1]}" "$work/gateway.log"
gateway_pid="$(server_pid "${pids[-1]}" java)"
# The JVM options the gateway runs with: the words of its command line before -jar.
gateway_jvm_opts="$(tr '\0' ' ' <"/proc/$gateway_pid/cmdline" | sed -e 's/^java //' -e 's/ *-jar .*//')"

bench_cmd=($client_pin java -jar "$bench_jar" --target "direct=$sim_url" --target "lookout=$gateway_url"
  --pid "direct=$sim_pid" --pid "lookout=$gateway_pid")

portkey_version=""
if [[ "$use_portkey" == "true" ]]; then
  portkey_port="$(free_port)"
  portkey_url="http://127.0.0.1:$portkey_port"
  # --headless leaves out the console UI; NODE_ENV=production is how Portkey's own
  # `start:node` script would run it in a deployment.
  NODE_ENV=production setsid $gateway_pin node "$portkey_dir/node_modules/@portkey-ai/gateway/build/start-server.js" \
    --port="$portkey_port" --headless >"$work/portkey.log" 2>&1 &
  pids+=("$!")
  # Portkey has no health route that returns 200 without a provider; its root returns 200.
  wait_ready "$portkey_url/" "${pids[-1]}" "$work/portkey.log"
  portkey_pid="$(server_pid "${pids[-1]}" node)"
  portkey_version="$(jq -r .version "$portkey_dir/node_modules/@portkey-ai/gateway/package.json")"
  hono_version="$(jq -r .version "$portkey_dir/node_modules/@hono/node-server/package.json")"
  bench_cmd+=(--target "portkey=$portkey_url" --pid "portkey=$portkey_pid"
    --header "portkey=x-portkey-provider:openai"
    --header "portkey=x-portkey-custom-host:$sim_url/v1"
    --header "portkey=x-portkey-forward-headers:x-sim-chunk-interval-ms")
fi

bench_cmd+=(--rates "$rates" --kinds "$kinds" --closed-loop "$closed_loop"
  --duration "$duration" --rounds "$rounds" --warmup "$warmup" --max-in-flight "$max_in_flight"
  --open-streams "$open_streams" --open-streams-chunk-interval-ms "$open_streams_interval_ms"
  --open-streams-ramp "$open_streams_ramp_s"
  --clock-ticks "$(getconf CLK_TCK)"
  --markdown-out "$work/tables.md")

uptime_before="$(uptime)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "run-overhead: ${bench_cmd[*]}" >&2
bench_status=0
"${bench_cmd[@]}" >/dev/null || bench_status=$?
uptime_after="$(uptime)"
finished="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

# The store writes in batches, so give the last calls a moment before counting them.
sleep 2
report_json="$(./lookout report --gateway "$gateway_url" --since 1h --format json)"
stored_calls="$(jq -r '.total.calls' <<<"$report_json")"
stored_errors="$(jq -r '.total.errors' <<<"$report_json")"
gateway_warnings="$(grep -c -E ' (WARN|ERROR) ' "$work/gateway.log" || true)"
blocked_warnings="$(grep -c 'has been blocked for' "$work/gateway.log" || true)"
gateway_rss_end="$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$gateway_pid/status")"
gateway_hwm="$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$gateway_pid/status")"
# Prints the value of an unlabelled counter or gauge from the gateway's /metrics text.
metric() {
  awk -v name="$1" '$1 == name {printf "%.0f", $2; found = 1} END {if (!found) print "n/a"}' \
    <<<"$metrics_text"
}
metrics_text="$(curl -fsS --max-time 10 "$gateway_url/metrics" || true)"
records_written="$(metric lookout_recorder_records_written_total)"
records_dropped="$(metric lookout_recorder_records_dropped_total)"
payloads_dropped="$(metric lookout_payloads_dropped_total)"
payloads_failed="$(metric lookout_payloads_failed_total)"

# The recorder check runs after the servers are stopped, so it has the CPUs to itself.
for pid in "${pids[@]}"; do stop_group "$pid"; done
pids=()
recorder_cmd=(java -cp "$bench_jar" dev.lookout.bench.recorder.RecorderThroughput
  "$recorder_records" 2)
recorder_row=""
if ((recorder_records > 0)); then
  recorder_uptime_before="$(uptime)"
  echo "run-overhead: ${recorder_cmd[*]}" >&2
  # The jar logs to stdout too, so keep only the result row.
  recorder_row="$("${recorder_cmd[@]}" 2>"$work/recorder.log" | grep '^| ' | tail -n 1)" || {
    echo "run-overhead: the recorder check failed; its log:" >&2
    tail -n 20 "$work/recorder.log" >&2
    recorder_row=""
  }
  recorder_uptime_after="$(uptime)"
fi

cpu_model="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
mem_total="$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
java_version="$(java -version 2>&1 | head -n 1)"
env_line="BENCH_RATES=$rates BENCH_KINDS=$kinds BENCH_CLOSED_LOOP=$closed_loop"
env_line+=" BENCH_DURATION_S=$duration BENCH_ROUNDS=$rounds BENCH_WARMUP_S=$warmup"
env_line+=" BENCH_MAX_IN_FLIGHT=$max_in_flight BENCH_CHUNK_INTERVAL_MS=$chunk_interval_ms"
env_line+=" BENCH_OPEN_STREAMS=$open_streams"
env_line+=" BENCH_OPEN_STREAMS_CHUNK_INTERVAL_MS=$open_streams_interval_ms"
env_line+=" BENCH_OPEN_STREAMS_RAMP_S=$open_streams_ramp_s BENCH_RECORDER_RECORDS=$recorder_records"
[[ -n "${BENCH_LOOKOUT_JAVA_OPTS+set}" ]] && env_line+=" BENCH_LOOKOUT_JAVA_OPTS='$BENCH_LOOKOUT_JAVA_OPTS'"
if [[ -n "${BENCH_LOOKOUT_JAVA_OPTS+set}" ]]; then
  lookout_opts_note="\`${BENCH_LOOKOUT_JAVA_OPTS:-none}\` (BENCH_LOOKOUT_JAVA_OPTS, in place of the launcher's)"
else
  lookout_opts_note="the launcher's, \`${gateway_jvm_opts:-none}\`"
fi
[[ -n "$gateway_cpus" ]] && env_line+=" BENCH_GATEWAY_CPUS=$gateway_cpus"
[[ -n "$client_cpus" ]] && env_line+=" BENCH_CLIENT_CPUS=$client_cpus"

{
  echo "# Gateway overhead benchmark"
  echo
  echo "## How to rerun"
  echo
  echo "From a clone, as root (for \`unshare --net\`), with Java 17, curl and jq, and Node.js"
  echo "for the Portkey column: \`bench/run-overhead.sh\`. It builds the jars, installs Portkey"
  echo "from \`bench/portkey/package-lock.json\` and rewrites this page. With the defaults it"
  echo "takes about 20 minutes: the start and end times below show how long this run took. The"
  echo "settings are environment variables, listed at the top of the script. Run it on an"
  echo "otherwise idle machine: the load generator, the upstream and the gateways share its CPUs."
  echo
  echo "## What is measured"
  echo
  echo "The same chat completion goes to \`lookout upstream-sim\` directly (\`direct\`) and"
  echo "through each gateway in front of it. Plain calls get the whole response at once;"
  echo "streamed calls get 64 content chunks ${chunk_interval_ms} ms apart. In the rate cases"
  echo "latency runs from each request's intended send time to the last byte, so it has no"
  echo "coordinated omission. In the concurrency-1 cases one request is in flight at a time and"
  echo "latency runs from its send. A \`+\` column is the gateway's percentile minus the"
  echo "direct percentile at the same level. CPU % is the process's CPU time over the phase in"
  echo "percent of one core, from /proc/PID/stat. Peak RSS is the highest VmRSS sampled every"
  echo "50 ms during the phase. req/s is successful requests divided by the time from the first"
  echo "intended send to the last response, so streamed cases read below their rate by about one"
  echo "stream's length (1.3 s) per phase. A streamed concurrency-1 phase holds only a few"
  echo "requests, one per 1.3 s stream."
  echo
  echo "- Lookout: \`lookout serve\` with default settings and a fresh store in a temp folder:"
  echo "  every call recorded to DuckDB, priced and measured, the injection guard and PII"
  echo "  detection on each prompt, stream usage injection on. JVM options: $lookout_opts_note."
  if [[ -n "$portkey_version" ]]; then
    echo "- Portkey: \`@portkey-ai/gateway\` $portkey_version on Node.js $(node --version) with"
    echo "  \`@hono/node-server\` $hono_version, \`--headless\`, NODE_ENV=production, forwarding with"
    echo "  \`x-portkey-provider: openai\` and \`x-portkey-custom-host: $sim_url/v1\`."
  else
    echo "- ${BENCH_PORTKEY_NOTE:-Portkey left out.}"
  fi
  echo
  echo "## Run"
  echo
  echo "- Start and end (UTC): $started, $finished"
  echo "- Command: \`$env_line ${BENCH_COMMAND:-bench/run-overhead.sh}\`"
  echo "- Benchmark: \`${bench_cmd[*]}\`"
  echo "- Network: $namespace"
  case "$bench_status" in
    0) echo "- Benchmark exit status: 0 (every target answered in every case)" ;;
    1) echo "- Benchmark exit status: 1 (some target answered no request in some case; see errors)" ;;
    *) echo "- Benchmark exit status: $bench_status" ;;
  esac
  echo "- \`uptime\` before: \`$uptime_before\`"
  echo "- \`uptime\` after: \`$uptime_after\`"
  echo
  echo "## Machine"
  echo
  echo "- CPU: $cpu_model, nproc $(nproc)"
  echo "- Memory: $mem_total"
  echo "- Java: $java_version"
  echo "- Kernel: $(uname -r)"
  load_before="$(cut -d' ' -f1 <<<"${uptime_before##*load average: }" | tr -d ,)"
  if awk -v load="$load_before" -v cpus="$(nproc)" 'BEGIN {exit !(load > cpus / 2)}'; then
    echo
    echo "**Noisy machine:** the 1-minute load average before the run ($load_before) was above"
    echo "half the number of CPUs ($(nproc)), so other processes competed for them. Tail"
    echo "percentiles include those scheduling delays and are upper bounds on a gateway's cost."
  fi
  echo
  echo "## Results"
  echo
  cat "$work/tables.md"
  echo
  echo "## Lookout after the run"
  echo
  echo "| Measure | Value |"
  echo "|---|---:|"
  echo "| calls stored (\`lookout report --format json\`, total.calls) | $stored_calls |"
  echo "| errors stored (total.errors) | $stored_errors |"
  echo "| records written by the recorder (\`lookout_recorder_records_written_total\`) | $records_written |"
  echo "| records dropped by the recorder (\`lookout_recorder_records_dropped_total\`) | $records_dropped |"
  echo "| payloads dropped by the capture queue (\`lookout_payloads_dropped_total\`) | $payloads_dropped |"
  echo "| payloads that could not be stored (\`lookout_payloads_failed_total\`) | $payloads_failed |"
  echo "| WARN and ERROR lines in the gateway log | $gateway_warnings |"
  echo "| Vert.x blocked-thread warnings in the gateway log | $blocked_warnings |"
  echo "| resident memory at the end, VmRSS (MiB) | $gateway_rss_end |"
  echo "| peak resident memory over its life, VmHWM (MiB) | $gateway_hwm |"
  if [[ -n "$recorder_row" ]]; then
    echo
    echo "## Recorder throughput into DuckDB"
    echo
    echo "Two producer threads offer call records to the gateway's recorder (default settings:"
    echo "queue of 10,000, batches of up to 5,000) as fast as its queue takes them; an offer"
    echo "rejected because the queue is full is retried after 50 µs, so no record is lost. The"
    echo "clock stops when the recorder has written every record to a fresh DuckDB file."
    echo "\"queue full\" counts those retries."
    echo
    echo "- Command: \`${recorder_cmd[*]}\`"
    echo "- \`uptime\` before: \`$recorder_uptime_before\`"
    echo "- \`uptime\` after: \`$recorder_uptime_after\`"
    echo
    echo "| records | producers | seconds | records/s | stored | queue full | failed writes |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    echo "$recorder_row"
    recorder_rate="$(awk -F'|' '{gsub(/ /, "", $5); print $5}' <<<"$recorder_row")"
    if awk -v r="$recorder_rate" 'BEGIN {exit !(r >= 100000)}'; then
      echo
      echo "Target: at least 100,000 records/s. Met: $recorder_rate records/s."
    else
      echo
      echo "Target: at least 100,000 records/s. Not met: $recorder_rate records/s."
    fi
  fi
  if [[ -f "$root/bench/profiling.md" ]]; then
    echo
    cat "$root/bench/profiling.md"
  fi
} >"$results"

echo "run-overhead: wrote $results" >&2
exit "$bench_status"
