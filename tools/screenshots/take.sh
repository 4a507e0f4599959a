#!/usr/bin/env bash
# Saves a PNG of each dashboard page of a running gateway, with Debian's headless Chromium.
#
#   ./lookout demo --port 18555 --data /tmp/demo-shots &    # wait until it prints its report
#   tools/screenshots/take.sh http://127.0.0.1:18555 docs/screenshots
#
# The flags keep Chromium from contacting any host but the gateway.
set -euo pipefail

base="${1:?usage: take.sh GATEWAY_URL OUTPUT_DIR}"
out="${2:?usage: take.sh GATEWAY_URL OUTPUT_DIR}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  echo "take.sh: no Chromium at $chromium; install it with apt-get install -y chromium" >&2
  exit 2
fi
mkdir -p "$out"
profiles="$(mktemp -d)"
trap 'rm -rf "$profiles"' EXIT
for page in overview breakdowns calls guardrails drift experiments budgets; do
  timeout 60 "$chromium" --headless=new --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$profiles/$page" --window-size=1400,1000 \
    --virtual-time-budget=8000 --hide-scrollbars --screenshot="$out/$page.png" \
    "$base/ui/#$page" >/dev/null 2>&1
  echo "saved $out/$page.png"
done
